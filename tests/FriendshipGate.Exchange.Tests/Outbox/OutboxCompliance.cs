using Dapper;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// The transactional outbox on every storage engine: a module's change, its signed message and the evidence entry
/// commit together or not at all.
/// </summary>
public abstract class OutboxCompliance : IAsyncLifetime
{
    private readonly ManualTime time = new();
    private TestNode node = null!;

    private protected abstract Task<TestStore> OpenStoreAsync();

    public async Task InitializeAsync() => node = await TestNode.StartAsync(await OpenStoreAsync(), time);

    public async Task DisposeAsync()
    {
        if (node is not null) await node.DisposeAsync();
    }

    private sealed record OutboxRow(string message_id, string type, string subject, string jws, string hash, string state, long created_ms);

    private Task<List<OutboxRow>> RowsAsync() => node.Database.ReadAsync(async c =>
        (await c.QueryAsync<OutboxRow>("SELECT o.message_id, o.type, o.subject, e.content AS jws, o.hash, o.state, o.created_ms FROM exchange_outbox o " +
            "JOIN exchange_evidence e ON e.seq = o.evidence_seq ORDER BY o.seq")).ToList());

    private static OutgoingMessage Note(string text) => new(RecordingHandler.Type, 1, "notes/" + text, new { text });

    [StoreFact]
    public async Task Enqueue_InsideWrite_StoresSignedQueuedRowsAndMessageSentEvidence()
    {
        var ids = await node.Database.WriteAsync(tx => node.Outbox.EnqueueAsync(tx, [Note("one"), Note("two")]));

        var rows = await RowsAsync();
        Assert.Equal(ids.Select(i => i.ToString()), rows.Select(r => r.message_id));
        Assert.All(rows, r => Assert.Equal(DeliveryState.Queued, r.state));
        Assert.All(rows, r => Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), r.created_ms));
        foreach (var row in rows)
        {
            var jws = Jws.Parse(row.jws);
            Assert.Equal(Jws.MessageType, jws.Type);
            Assert.True(jws.Verify(node.OwnKeys.Active.PublicKey));
            Assert.Equal(PeerSender.HashOf(row.jws), row.hash);
            var envelope = Envelope.Parse(jws.Payload);
            Assert.Equal((row.message_id, row.type, row.subject), (envelope.Id.ToString(), envelope.Type, envelope.Subject));
            Assert.Equal((TestNode.Vn, TestNode.Cn), (envelope.Sender, envelope.Receiver));
        }
        var sent = await node.EvidenceAsync(EvidenceKind.MessageSent);
        Assert.Equal(rows.Select(r => (r.message_id, r.jws)), sent.Select(e => (e.MessageId!, e.Content)));
        Assert.All(sent, e => Assert.Equal(TestNode.Cn.Value, e.Counterpart));
        Assert.All(sent, e => Assert.Equal(Hashes.Sha256(e.Content), e.ContentHash));
    }

    [StoreFact]
    public async Task Enqueue_ThenTheTransactionThrows_LeavesNoRowAndNoEvidence()
    {
        var evidenceBefore = (await node.EvidenceAsync()).Count;

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Database.WriteAsync(async tx =>
        {
            await node.Outbox.EnqueueAsync(tx, Note("doomed"));
            throw new InvalidOperationException("the module's own change failed after the enqueue");
        }));

        Assert.Empty(await RowsAsync());
        Assert.Equal(evidenceBefore, (await node.EvidenceAsync()).Count);
        Assert.Empty(await node.EvidenceAsync(EvidenceKind.MessageSent));
    }

    [StoreFact]
    public async Task Enqueue_AfterARolledBackTransaction_ContinuesTheEvidenceChainWithoutAGap()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Database.WriteAsync(async tx =>
        {
            await node.Outbox.EnqueueAsync(tx, Note("doomed"));
            throw new InvalidOperationException("rolled back");
        }));

        await node.Database.WriteAsync(tx => node.Outbox.EnqueueAsync(tx, Note("kept")));

        var entries = await node.EvidenceAsync();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Seq));
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.EntryHash, pair.First.PrevHash));
        Assert.Single(await RowsAsync());
    }
}

public sealed class SqliteOutboxTests : OutboxCompliance
{
    private protected override Task<TestStore> OpenStoreAsync() => TestStore.SqliteAsync();
}

[PostgresStore]
public sealed class PostgresOutboxTests : OutboxCompliance
{
    private protected override Task<TestStore> OpenStoreAsync() => TestStore.PostgresAsync();
}
