using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>
/// The evidence content of a receipt entry: the signed receipt and each message's leaf, so the log alone proves what
/// the peer received, message by message. When the entry holds every leaf of the receipt, audit paths are left out:
/// the verifier rebuilds the tree from the leaves and compares its root with the signed one.
/// </summary>
public sealed record ReceiptEvidence(string Receipt, IReadOnlyList<MessageReceipt> Messages)
{
    public static string Content(string receiptJws, IReadOnlyList<MessageReceipt> proofs, int treeSize)
    {
        var complete = proofs.Count == treeSize && proofs.Select(p => p.LeafIndex).Order().SequenceEqual(Enumerable.Range(0, treeSize));
        var messages = complete && treeSize > 1 ? proofs.Select(p => p with { AuditPath = [], Duplicate = false }).ToList() : proofs;
        return JsonSerializer.Serialize(new ReceiptEvidence(receiptJws, messages), WireJson.Options);
    }

    /// <summary>True when every leaf checks against the signed body: by rebuilding the tree, or leaf by leaf with paths.</summary>
    public bool ProvesAgainst(ReceiptBody body)
    {
        if (Messages.Count > 0 && Messages.All(m => m.AuditPath is null || m.AuditPath.Count == 0) && body.TreeSize > 1)
        {
            var ordered = Messages.OrderBy(m => m.LeafIndex).ToList();
            if (ordered.Count != body.TreeSize || ordered.Where((m, i) => m.LeafIndex != i).Any()) return false;
            var (root, _) = MerkleTree.Build(ordered.Select(m => MerkleTree.LeafHash(m.Leaf)).ToList());
            return System.Buffers.Text.Base64Url.EncodeToString(root) == body.MerkleRoot;
        }
        return Messages.All(m => (m with { AuditPath = m.AuditPath ?? [] }).VerifyProof(body));
    }

    public static ReceiptEvidence Parse(string content) =>
        JsonSerializer.Deserialize<ReceiptEvidence>(content, WireJson.Options) ?? throw new JsonException("empty receipt evidence.");
}
