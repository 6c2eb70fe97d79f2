using System.Threading.Channels;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// Group commit for lodgements: submissions that arrive while a transaction is being written wait for the next one and
/// are committed together (up to <see cref="MaxBatch"/>), so the commit, the counters and the index pages are written once
/// per batch rather than once per declaration. Each caller is answered only after its transaction has committed; if a
/// batch fails, its submissions are retried one by one so that one bad submission fails alone.
/// </summary>
public sealed class SubmissionBatcher : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly NodeDatabase database;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task worker;

    private sealed record Pending(Func<NodeTransaction, Task<StoredDeclaration>> Work, TaskCompletionSource<StoredDeclaration> Done);

    public SubmissionBatcher(NodeDatabase database)
    {
        this.database = database;
        worker = Task.Run(RunAsync);
    }

    public Task<StoredDeclaration> SubmitAsync(Func<NodeTransaction, Task<StoredDeclaration>> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<StoredDeclaration>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Pending(work, done))) throw new ObjectDisposedException(nameof(SubmissionBatcher));
        // A caller that gives up is answered at once; its submission may still commit, as with any request cut short.
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                var results = await database.WriteAsync(async tx =>
                {
                    var stored = new StoredDeclaration[batch.Count];
                    for (var i = 0; i < batch.Count; i++) stored[i] = await batch[i].Work(tx);
                    return stored;
                });
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
            }
            catch when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    try { pending.Done.TrySetResult(await database.WriteAsync(pending.Work)); }
                    catch (Exception e) { pending.Done.TrySetException(e); }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await worker;
    }
}
