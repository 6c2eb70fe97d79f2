using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>GET /exchange/v1/status: how the link with the peer is doing.</summary>
public sealed record ExchangeStatus(
    string Node,
    string Peer,
    IReadOnlyDictionary<string, long> Outbox,
    double? OldestQueuedAgeSeconds,
    DateTimeOffset? LastContactWithPeer,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long Received,
    IReadOnlyDictionary<string, long> Refusals)
{
    public static async Task<ExchangeStatus> ReadAsync(ExchangeOptions options, NodeDatabase database, TimeProvider time, CancellationToken cancellationToken) =>
        await database.ReadAsync(async c =>
        {
            // Unsettled messages are few and indexed (ix_exchange_outbox_pending); settled ones are counted as they settle.
            var states = (await c.QueryAsync<(string State, long Count)>(
                    "SELECT state, COUNT(*) FROM exchange_outbox WHERE state IN ('queued', 'sent') GROUP BY state"))
                .ToDictionary(r => r.State, r => r.Count);
            var counters = await ExchangeCounters.ReadAsync(c);
            states[DeliveryState.Acknowledged] = counters.GetValueOrDefault(ExchangeCounters.Acknowledged);
            states[DeliveryState.Rejected] = counters.GetValueOrDefault(ExchangeCounters.Rejected);
            foreach (var state in new[] { DeliveryState.Queued, DeliveryState.Sent }) states.TryAdd(state, 0);
            var oldest = await c.ExecuteScalarAsync<long?>("SELECT MIN(created_ms) FROM exchange_outbox WHERE state IN ('queued', 'sent')");
            var contact = await c.QueryFirstOrDefaultAsync<(long? Contact, string? Error, long? ErrorMs)>(
                "SELECT last_contact_ms, last_error, last_error_ms FROM exchange_peer_contact WHERE peer = @peer", new { peer = options.Peer.Value });
            var received = counters.GetValueOrDefault(ExchangeCounters.Received);
            var refusals = (await c.QueryAsync<(string Reason, long Count)>(
                "SELECT reason, COUNT(*) FROM exchange_evidence WHERE kind IN ('message-refused', 'transmission-refused') GROUP BY reason"))
                .ToDictionary(r => r.Reason, r => r.Count);
            var now = time.GetUtcNow();
            return new ExchangeStatus(
                options.Self.Value, options.Peer.Value, states,
                oldest is { } ms ? Math.Max(0, (now - DateTimeOffset.FromUnixTimeMilliseconds(ms)).TotalSeconds) : null,
                contact.Contact is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
                contact.Error,
                contact.ErrorMs is { } errorAt ? DateTimeOffset.FromUnixTimeMilliseconds(errorAt) : null,
                received, refusals);
        }, cancellationToken);
}

/// <summary>One outgoing message's delivery state and, once settled, its receipt proof.</summary>
public sealed record OutgoingMessageState(
    long Seq, string MessageId, string Type, string Subject, string State, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, int Attempts, string? Reason, string? ReceiptId)
{
    internal const string Select =
        "SELECT seq, message_id, type, subject, state, created_ms, sent_ms, acked_ms, attempts, reason, receipt_id FROM exchange_outbox";

    internal sealed record Row(long seq, string message_id, string type, string subject, string state, long created_ms, long? sent_ms,
        long? acked_ms, long attempts, string? reason, string? receipt_id)
    {
        public OutgoingMessageState ToState() => new(seq, message_id, type, subject, state, DateTimeOffset.FromUnixTimeMilliseconds(created_ms),
            sent_ms is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
            acked_ms is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null, (int)attempts, reason, receipt_id);
    }

    public static async Task<IReadOnlyList<OutgoingMessageState>> ListAsync(NodeDatabase database, long afterSeq, int limit, string? state, CancellationToken cancellationToken) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>(
            Select + " WHERE seq > @afterSeq AND (@state IS NULL OR state = @state) ORDER BY seq LIMIT @limit",
            new { afterSeq, limit, state }), cancellationToken)).Select(r => r.ToState()).ToList();
}
