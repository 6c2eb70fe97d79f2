using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// What proves, alone, that the peer received one message: its receipt (the signed batch receipt JWS) and the
/// message's leaf with its audit path. Check with <see cref="MessageReceipt.Verify"/> and the peer's public key.
/// </summary>
public sealed record MessageReceiptProof(string Receipt, MessageReceipt Message)
{
    public static async Task<MessageReceiptProof?> FindAsync(NodeDatabase database, string messageId, CancellationToken cancellationToken) =>
        await database.ReadAsync(async c =>
        {
            var row = await c.QueryFirstOrDefaultAsync<Row>(
                "SELECT o.message_id, o.hash, o.state, o.reason, o.receipt_id, o.leaf_index, o.audit_path, o.proof_seq, r.jws FROM exchange_outbox o " +
                "JOIN exchange_receipts r ON r.receipt_id = o.receipt_id WHERE o.message_id = @messageId", new { messageId });
            if (row is null) return null;
            var message = new MessageReceipt(row.message_id, row.hash, row.state == DeliveryState.Acknowledged ? Outcome.Accepted : Outcome.Rejected,
                row.reason, row.receipt_id, (int)row.leaf_index, MessageReceipt.DecodePath(row.audit_path));
            if (row.proof_seq is { } entry)
            {
                // Settled since exchange migration 3: the path is in (or rebuilt from) the receipt's evidence entry.
                message = message with { AuditPath = ReceiptEvidence.PathOf(await ReceiptEvidence.ProofsOfEntryAsync(c, entry), row.message_id, row.leaf_index) };
            }
            return new MessageReceiptProof(row.jws, message);
        }, cancellationToken);

    private sealed record Row(string message_id, string hash, string state, string? reason, string receipt_id, long leaf_index, string? audit_path,
        long? proof_seq, string jws);
}
