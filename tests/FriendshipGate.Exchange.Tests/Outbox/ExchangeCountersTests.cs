using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange.Tests;

/// <summary>The status's settled and received counts are kept as messages settle or arrive, starting from what a node already holds.</summary>
public sealed class ExchangeCountersTests
{
    [Fact]
    public async Task A_database_from_before_the_counters_starts_them_from_its_rows_and_the_status_reads_them()
    {
        using var directory = new TempDirectory();
        await using var database = NodeDatabase.Sqlite(directory.File("node.db"));
        await database.MigrateAsync([ExchangeSchema.Migrations[0]]);
        await database.WriteAsync(async tx =>
        {
            var states = new[] { "acknowledged", "acknowledged", "acknowledged", "rejected", "queued", "sent" };
            for (var i = 0; i < states.Length; i++)
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO exchange_outbox (message_id, type, subject, jws, hash, state, created_ms) VALUES (@id, 't', 's', 'j', 'h', @state, 0)",
                    new { id = $"m{i}", state = states[i] }, tx.Transaction);
            for (var i = 0; i < 4; i++)
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO exchange_inbox (message_id, sender, type, hash, created_ms, received_ms, receipt_id, leaf_index, audit_path) " +
                    "VALUES (@id, 'CN-YOUYI', 't', 'h', 0, 0, 'r', 0, '')", new { id = $"in{i}" }, tx.Transaction);
        });

        await database.MigrateAsync(ExchangeServices.Migrations);
        var options = new ExchangeOptions { Self = TestNode.Vn, Peer = TestNode.Cn, PeerUrl = new Uri("http://127.0.0.1:1/") };
        var status = await ExchangeStatus.ReadAsync(options, database, TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, status.Outbox[DeliveryState.Acknowledged]);
        Assert.Equal(1, status.Outbox[DeliveryState.Rejected]);
        Assert.Equal(1, status.Outbox[DeliveryState.Queued]);
        Assert.Equal(1, status.Outbox[DeliveryState.Sent]);
        Assert.Equal(4, status.Received);

        // From now on the counters move with the transactions that settle or store messages.
        await database.WriteAsync(tx => ExchangeCounters.AddAsync(tx, ExchangeCounters.Received, 2));
        Assert.Equal(6, (await ExchangeStatus.ReadAsync(options, database, TimeProvider.System, CancellationToken.None)).Received);
    }
}
