using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance.Tests;

public sealed class SubmissionBatcherTests
{
    private static StoredDeclaration Stored(string number) => new(number, "VN", "export", "complete", "x", ClearanceState.Accepted, 1, null, false, false, null,
        DateTimeOffset.UnixEpoch, null, null, null, DateTimeOffset.UnixEpoch,
        new DeclarationContent("export", "complete", new Party("a", "a", null, null), new Party("b", "b", null, null), null, [],
            new Transport("road", null, null, [], []), Documents.None));

    [Fact]
    public async Task ConcurrentSubmissions_AreAllCommitted_AndOneThatFails_FailsAlone()
    {
        using var folder = new TempDirectory();
        await using var database = NodeDatabase.Sqlite(folder.File("node.db"));
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync("CREATE TABLE lodged (number TEXT PRIMARY KEY)", transaction: tx.Transaction));
        await using var batcher = new SubmissionBatcher(database);
        var submissions = Enumerable.Range(0, 200).Select(i => batcher.SubmitAsync(async tx =>
        {
            await tx.Connection.ExecuteAsync("INSERT INTO lodged (number) VALUES (@n)", new { n = $"N{i}" }, tx.Transaction);
            if (i == 77) throw new InvalidOperationException("bad submission 77");
            return Stored($"N{i}");
        }, CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(submissions.Select(async s => { try { return (await s).Number; } catch (InvalidOperationException e) { return e.Message; } }));
        Assert.Equal("bad submission 77", outcomes[77]);
        Assert.Equal(199, outcomes.Count(o => o.StartsWith('N')));
        var rows = await database.ReadAsync(c => c.QueryAsync<string>("SELECT number FROM lodged"));
        Assert.Equal(199, rows.Count());
        Assert.DoesNotContain("N77", rows);
    }
}
