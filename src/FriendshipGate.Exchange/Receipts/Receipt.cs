using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Exchange;

/// <summary>What happened to one message, as the receiver signs it.</summary>
public static class Outcome
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}

/// <summary>The signed part of a receipt: the Merkle root over the leaves of every message in one transmission.</summary>
public sealed record ReceiptBody(
    string ReceiptId,
    NodeId Issuer,
    NodeId Recipient,
    DateTimeOffset IssuedAt,
    string TransmissionId,
    int TreeSize,
    string MerkleRoot)
{
    public static ReceiptBody FromJws(JwsParts jws) =>
        JsonSerializer.Deserialize<ReceiptBody>(jws.Payload, WireJson.Options)
        ?? throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, "the receipt payload is null.");
}

/// <summary>
/// One message's receipt: the leaf it occupies and the audit path to the signed root.
/// Provable alone: leaf text + path + the receipt JWS, nothing about the batch's other messages.
/// </summary>
public sealed record MessageReceipt(
    string MessageId,
    string MessageHash,
    string Outcome,
    string? Reason,
    string ReceiptId,
    int LeafIndex,
    IReadOnlyList<string> AuditPath,
    bool Duplicate = false)
{
    /// <summary>The exact leaf text hashed into the tree: id, hash, outcome and reason, one per line.</summary>
    public static string LeafText(string id, string messageHash, string outcome, string? reason) =>
        $"{id}\n{messageHash}\n{outcome}\n{reason ?? ""}";

    [JsonIgnore]
    public string Leaf => LeafText(MessageId, MessageHash, Outcome, Reason);

    /// <summary>Checks this receipt against the signed receipt JWS and the issuer's key.</summary>
    public bool Verify(JwsParts receiptJws, VerificationKey issuerKey) =>
        receiptJws.Verify(issuerKey) && VerifyProof(ReceiptBody.FromJws(receiptJws));

    /// <summary>Checks only the Merkle proof against a receipt body whose signature the caller has verified.</summary>
    public bool VerifyProof(ReceiptBody body)
    {
        if (body.ReceiptId != ReceiptId) return false;
        var path = AuditPath.Select(p => Base64Url.DecodeFromChars(p)).ToArray();
        return MerkleTree.VerifyPath(MerkleTree.LeafHash(Leaf), LeafIndex, body.TreeSize, path, Base64Url.DecodeFromChars(body.MerkleRoot));
    }

    public static string EncodePath(byte[][] path) => string.Join(',', path.Select(p => Base64Url.EncodeToString(p)));

    public static IReadOnlyList<string> DecodePath(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',');
}
