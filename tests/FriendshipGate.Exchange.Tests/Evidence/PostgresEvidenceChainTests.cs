using FriendshipGate.Storage;

namespace FriendshipGate.Exchange.Tests;

/// <summary>PostgreSQL only: several node processes may share one schema, and the evidence chain must stay one chain.</summary>
public sealed class PostgresEvidenceChainTests
{
    [PostgresFact]
    public async Task Append_FromTwoDatabaseHandlesOnOneSchemaAtOnce_KeepsOneUnbrokenChain()
    {
        await using var store = await TestStore.PostgresAsync();
        await using var other = NodeDatabase.Postgres(PostgresEnvironment.RequireConnectionString(), store.Database.Schema);
        var time = new ManualTime();
        var log = new EvidenceLog(time);

        await Task.WhenAll(new[] { store.Database, other }.SelectMany(database => Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => database.WriteAsync(tx => log.AppendAsync(tx,
            [
                new EvidenceItem(EvidenceKind.MessageRefused, $"{database.GetHashCode()}/{i}/a", Reason: "too-old"),
                new EvidenceItem(EvidenceKind.MessageRefused, $"{database.GetHashCode()}/{i}/b", Reason: "too-old"),
            ]))))));

        var output = new StringWriter();
        await EvidenceExport.WriteAsync(store.Database, TestNode.Vn, output, time);
        var verdict = EvidenceVerifier.Verify(new StringReader(output.ToString()));
        Assert.True(verdict.Intact, verdict.ToString());
        Assert.Equal(80, verdict.Entries);
    }
}
