using System.Collections.Concurrent;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Tests;

/// <summary>
/// Stands in for the Gate behind <see cref="IFeeReferences"/>: bookings by id with the company that owes their fees, and
/// every fee change it was told of, kept only once the transaction that told it commits (as a table of the Gate's would be).
/// </summary>
internal sealed class FakeReferences : IFeeReferences
{
    public ConcurrentDictionary<string, string> Bookings { get; } = new();

    /// <summary>Each fee as last reported by a committed transaction.</summary>
    public ConcurrentDictionary<string, Fee> Seen { get; } = new();

    public int Reports => reports;

    private int reports;

    public Task<FeeDebtor?> ResolveAsync(NodeTransaction tx, string reference, CancellationToken cancellationToken) =>
        Task.FromResult(Bookings.TryGetValue(reference, out var company) ? new FeeDebtor(company, "booking " + reference) : null);

    public Task OnChangedAsync(NodeTransaction tx, IReadOnlyList<Fee> fees, CancellationToken cancellationToken)
    {
        tx.OnCommitted(() =>
        {
            foreach (var fee in fees)
            {
                Seen[fee.Id] = fee;
                Interlocked.Increment(ref reports);
            }
        });
        return Task.CompletedTask;
    }
}
