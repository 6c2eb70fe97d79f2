using System.Buffers;
using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>
/// What a message says: who sends it to whom, when, about what, and its payload. It travels as the payload
/// of a JWS; <see cref="PayloadHash"/> is the SHA-256 of the payload's exact JSON bytes inside the envelope.
/// </summary>
public sealed record Envelope(
    MessageId Id,
    string Type,
    int SchemaVersion,
    NodeId Sender,
    NodeId Receiver,
    DateTimeOffset CreatedAt,
    string Subject,
    JsonElement Payload,
    string PayloadHash)
{
    /// <summary>Builds an envelope and the UTF-8 JSON that will be signed.</summary>
    public static (Envelope Envelope, byte[] Json) Create(
        MessageId id, string type, int schemaVersion, NodeId sender, NodeId receiver, DateTimeOffset createdAt, string subject, byte[] payloadJson)
    {
        var json = WriteJson(id, type, schemaVersion, sender, receiver, createdAt, subject, payloadJson);
        return (Parse(json), json);
    }

    /// <summary>Writes the UTF-8 JSON of an envelope, the bytes that will be signed (the outbox's hot path).</summary>
    public static byte[] WriteJson(
        MessageId id, string type, int schemaVersion, NodeId sender, NodeId receiver, DateTimeOffset createdAt, string subject, byte[] payloadJson)
    {
        var payloadHash = Hashes.Sha256(payloadJson);
        var buffer = new ArrayBufferWriter<byte>(payloadJson.Length + 400);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id.ToString());
            writer.WriteString("type", type);
            writer.WriteNumber("schemaVersion", schemaVersion);
            writer.WriteString("sender", sender.Value);
            writer.WriteString("receiver", receiver.Value);
            writer.WriteString("createdAt", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            writer.WriteString("subject", subject);
            writer.WriteString("payloadHash", payloadHash);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payloadJson, skipInputValidation: false);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an envelope and checks that its payload hash matches the payload bytes.</summary>
    /// <exception cref="ExchangeRefusal">A field is missing or malformed, or the payload hash does not match.</exception>
    public static Envelope Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var payload = root.GetProperty("payload");
            var envelope = new Envelope(
                MessageId.Parse(root.GetProperty("id").GetString()!),
                Required(root, "type"),
                root.GetProperty("schemaVersion").GetInt32(),
                NodeId.Parse(Required(root, "sender")),
                NodeId.Parse(Required(root, "receiver")),
                ParseTime(Required(root, "createdAt")),
                root.TryGetProperty("subject", out var subject) ? subject.GetString() ?? "" : "",
                payload.Clone(),
                Required(root, "payloadHash"));
            // The exact bytes of the payload value as they stand in the envelope, hashed in place.
            var actual = Hashes.Sha256(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(payload));
            if (actual != envelope.PayloadHash)
                throw new ExchangeRefusal(RefusalReason.PayloadHashMismatch, $"payloadHash {envelope.PayloadHash} does not match the payload (SHA-256 {actual}).");
            return envelope;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, "the envelope is not valid: " + e.Message);
        }
    }

    /// <summary>UTC with "Z", to the millisecond or the second: no offsets, no local times, nothing left to guess.</summary>
    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static string Required(JsonElement root, string name) =>
        root.GetProperty(name).GetString() is { Length: > 0 } value ? value : throw new FormatException($"'{name}' is empty.");

    /// <summary>Deserializes the payload into a module's record.</summary>
    /// <exception cref="ExchangeRefusal">With <see cref="RefusalReason.InvalidPayload"/> when the payload does not fit <typeparamref name="T"/>.</exception>
    public T PayloadAs<T>(JsonSerializerOptions options)
    {
        try
        {
            return Payload.Deserialize<T>(options) ?? throw new ExchangeRefusal(RefusalReason.InvalidPayload, "the payload is null.");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, e.Message);
        }
    }
}
