using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>
/// The body of POST /exchange/v1/transmissions: a signed transmission header and the messages it carries, in order.
/// </summary>
public sealed record TransmissionRequest(string Transmission, IReadOnlyList<string> Messages);

/// <summary>The signed header: who sends what to whom and when. Freshness and replay checks apply to <see cref="SentAt"/>.</summary>
public sealed record TransmissionBody(string TransmissionId, NodeId Sender, NodeId Receiver, DateTimeOffset SentAt, IReadOnlyList<string> MessageHashes)
{
    public static TransmissionBody FromJws(JwsParts jws)
    {
        try
        {
            var body = JsonSerializer.Deserialize<TransmissionBody>(jws.Payload, WireJson.Options)
                ?? throw new JsonException("the transmission body is null.");
            if (body.MessageHashes is null || body.TransmissionId is null)
                throw new JsonException("transmissionId and messageHashes are required.");
            return body;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new ExchangeRefusal(RefusalReason.MalformedTransmission, "the transmission body is not valid: " + e.Message);
        }
    }
}

/// <summary>The answer: the signed receipts and, for each message in order, its outcome and proof.</summary>
public sealed record TransmissionResponse(IReadOnlyList<string> Receipts, IReadOnlyList<MessageReceipt> Results);
