using System.Buffers.Text;
using System.Data.Common;
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
        var messages = treeSize > 1 && HoldsEveryLeaf(proofs, treeSize) ? proofs.Select(p => p with { AuditPath = [], Duplicate = false }).ToList() : proofs;
        return JsonSerializer.Serialize(new ReceiptEvidence(receiptJws, messages), WireJson.Options);
    }

    /// <summary>True when the proofs are exactly the leaves 0 … treeSize − 1, so the leaves alone rebuild the tree.</summary>
    public static bool HoldsEveryLeaf(IReadOnlyList<MessageReceipt> proofs, int treeSize) =>
        proofs.Count == treeSize && proofs.Select(p => p.LeafIndex).Order().SequenceEqual(Enumerable.Range(0, treeSize));

    /// <summary>
    /// True when every leaf checks against the signed body: by rebuilding the tree when the leaves are all here (their
    /// audit paths, if any, are then not needed), or leaf by leaf with paths.
    /// </summary>
    public bool ProvesAgainst(ReceiptBody body)
    {
        if (Messages.Any(m => m.ReceiptId != body.ReceiptId)) return false;
        if (Messages.Count > 0 && body.TreeSize > 1 && HoldsEveryLeaf(Messages, body.TreeSize))
            return Base64Url.EncodeToString(MerkleTree.Root(LeafHashes())) == body.MerkleRoot;
        return Messages.All(m => (m with { AuditPath = m.AuditPath ?? [] }).VerifyProof(body));
    }

    /// <summary>Each message's proof with its audit path: as recorded, or rebuilt from the leaves when the entry holds them all.</summary>
    public IReadOnlyList<MessageReceipt> Proofs()
    {
        var treeSize = ReceiptBody.FromJws(Jws.Parse(Receipt)).TreeSize;
        if (treeSize < 2 || !HoldsEveryLeaf(Messages, treeSize)) return Messages;
        var paths = MerkleTree.Build(LeafHashes()).Paths;
        return Messages.Select(m => m with { AuditPath = paths[m.LeafIndex].Select(p => Base64Url.EncodeToString(p)).ToList() }).ToList();
    }

    /// <summary>The proofs of the receipt evidence entry <paramref name="seq"/>, with their audit paths (<see cref="Proofs"/>).</summary>
    public static async Task<IReadOnlyList<MessageReceipt>> ProofsOfEntryAsync(DbConnection connection, long seq, DbTransaction? transaction = null) =>
        Parse(await EvidenceLog.ContentAsync(connection, seq, transaction)).Proofs();

    /// <summary>The audit path of one message's leaf among <paramref name="proofs"/>.</summary>
    public static IReadOnlyList<string> PathOf(IReadOnlyList<MessageReceipt> proofs, string messageId, long leafIndex) =>
        proofs.First(p => p.MessageId == messageId && p.LeafIndex == leafIndex).AuditPath;

    private List<byte[]> LeafHashes() => Messages.OrderBy(m => m.LeafIndex).Select(m => MerkleTree.LeafHash(m.Leaf)).ToList();

    public static ReceiptEvidence Parse(string content) =>
        JsonSerializer.Deserialize<ReceiptEvidence>(content, WireJson.Options) ?? throw new JsonException("empty receipt evidence.");
}
