using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>
/// The evidence content of a receipt entry: the signed receipt and each message's proof, so the log alone
/// proves what the peer received, message by message.
/// </summary>
public sealed record ReceiptEvidence(string Receipt, IReadOnlyList<MessageReceipt> Messages)
{
    public static string Content(string receiptJws, IReadOnlyList<MessageReceipt> proofs) =>
        JsonSerializer.Serialize(new ReceiptEvidence(receiptJws, proofs), WireJson.Options);

    public static ReceiptEvidence Parse(string content) =>
        JsonSerializer.Deserialize<ReceiptEvidence>(content, WireJson.Options) ?? throw new JsonException("empty receipt evidence.");
}
