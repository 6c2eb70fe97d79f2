using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// Exchange migration 3 moves each outbox row's JWS to the message-sent evidence entry that already held it, and leaves
/// rows settled before with the audit path they stored.
/// </summary>
public sealed class SignedOnceMigrationTests
{
    [Fact]
    public async Task A_database_from_before_points_each_outbox_row_to_its_signed_message_and_keeps_stored_proofs()
    {
        using var directory = new TempDirectory();
        await using var database = NodeDatabase.Sqlite(directory.File("node.db"));
        await database.MigrateAsync(ExchangeSchema.Migrations[..2]);
        await database.WriteAsync(async tx =>
        {
            for (var i = 0; i < 3; i++)
            {
                // Evidence entries of other kinds in between, as in a real log.
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO exchange_evidence (seq, at_ms, kind, message_id, content_hash, content, prev_hash, entry_hash) " +
                    "VALUES (@seq, 0, @kind, @id, 'h', @content, 'p', 'e')",
                    new { seq = 2 * i + 1, kind = EvidenceKind.ReceiptReceived, id = (string?)null, content = "{}" }, tx.Transaction);
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO exchange_evidence (seq, at_ms, kind, message_id, content_hash, content, prev_hash, entry_hash) " +
                    "VALUES (@seq, 0, @kind, @id, 'h', @content, 'p', 'e')",
                    new { seq = 2 * i + 2, kind = EvidenceKind.MessageSent, id = $"m{i}", content = $"jws-of-m{i}" }, tx.Transaction);
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO exchange_outbox (message_id, type, subject, jws, hash, state, created_ms, receipt_id, leaf_index, audit_path) " +
                    "VALUES (@id, 't', 's', @jws, 'h', @state, 0, @receipt, @leaf, @path)",
                    new
                    {
                        id = $"m{i}", jws = $"jws-of-m{i}", state = i == 0 ? DeliveryState.Acknowledged : DeliveryState.Queued,
                        receipt = i == 0 ? "r1" : null, leaf = i == 0 ? 1 : (long?)null, path = i == 0 ? "p1,p2" : null,
                    }, tx.Transaction);
            }
            await tx.Connection.ExecuteAsync("INSERT INTO exchange_receipts (receipt_id, direction, jws, issued_ms) VALUES ('r1', 'received', 'receipt-jws', 0)",
                transaction: tx.Transaction);
        });

        await database.MigrateAsync(ExchangeServices.Migrations);

        var signed = await database.ReadAsync(c => c.QueryAsync<(string Id, string Jws)>(
            "SELECT o.message_id, e.content FROM exchange_outbox o JOIN exchange_evidence e ON e.seq = o.evidence_seq ORDER BY o.seq"));
        Assert.Equal([("m0", "jws-of-m0"), ("m1", "jws-of-m1"), ("m2", "jws-of-m2")], signed);
        Assert.Equal(0, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pragma_table_info('exchange_outbox') WHERE name = 'jws'")));
        var proof = await MessageReceiptProof.FindAsync(database, "m0", CancellationToken.None);
        Assert.NotNull(proof);
        Assert.Equal("receipt-jws", proof.Receipt);
        Assert.Equal(["p1", "p2"], proof.Message.AuditPath);
        Assert.Equal(1, proof.Message.LeafIndex);
    }
}
