using System.Text.Json;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>A message a module wants to send: its type, schema version, what it is about, and its payload.</summary>
public sealed record OutgoingMessage(string Type, int SchemaVersion, string Subject, object Payload);

/// <summary>Delivery states of an outgoing message.</summary>
public static class DeliveryState
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Rejected = "rejected";
}

/// <summary>
/// The transactional outbox: modules call <see cref="EnqueueAsync"/> inside the transaction of their business change,
/// so the change and the signed message that announces it commit (or vanish) together.
/// </summary>
public sealed class ExchangeOutbox(ExchangeOptions options, SigningKeyRing keys, EvidenceLog evidence, OutboxSignal signal, ExchangeMetrics metrics, TimeProvider time)
{
    private static readonly string[] Columns = ["message_id", "type", "subject", "evidence_seq", "hash", "state", "created_ms"];

    public async Task<IReadOnlyList<MessageId>> EnqueueAsync(NodeTransaction tx, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        var now = WireJson.Truncate(time.GetUtcNow());
        var key = keys.Active;
        var signed = new (MessageId Id, OutgoingMessage Message, string Jws, string Hash)[messages.Count];
        // Signing is the costly part; large batches use both cores.
        Parallel.For(0, messages.Count, new ParallelOptions { MaxDegreeOfParallelism = messages.Count > 64 ? Environment.ProcessorCount : 1 }, i =>
        {
            var message = messages[i];
            var id = MessageId.New(time);
            var payload = JsonSerializer.SerializeToUtf8Bytes(message.Payload, message.Payload.GetType(), WireJson.Options);
            var json = Envelope.WriteJson(id, message.Type, message.SchemaVersion, options.Self, options.Peer, now, message.Subject, payload);
            var (jws, hash) = Jws.SignWithHash(Jws.MessageType, json, key);
            signed[i] = (id, message, jws, hash);
        });
        // The JWS is stored once, in its evidence entry; the outbox row points to it.
        var firstEntry = await evidence.AppendAsync(tx,
            signed.Select(s => new EvidenceItem(EvidenceKind.MessageSent, s.Jws, s.Id.ToString(), options.Peer.Value) { ContentHash = s.Hash }).ToList(), cancellationToken);
        var rows = signed.Select((s, i) => new object?[]
        {
            s.Id.ToString(), s.Message.Type, s.Message.Subject, firstEntry + i, s.Hash, DeliveryState.Queued, now.ToUnixTimeMilliseconds(),
        }).ToList();
        await tx.InsertRowsAsync("exchange_outbox", Columns, rows, cancellationToken: cancellationToken);
        tx.OnCommitted(() =>
        {
            metrics.Queued(signed.Length);
            signal.Notify();
        });
        return signed.Select(s => s.Id).ToList();
    }

    public async Task<MessageId> EnqueueAsync(NodeTransaction tx, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        (await EnqueueAsync(tx, [message], cancellationToken))[0];
}
