using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Exchange;

/// <summary>
/// The Merkle tree of RFC 9162 §2.1 over a batch's receipt leaves: one signed root proves every message
/// of the batch, and each message's audit path proves it alone without showing the others.
/// </summary>
public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] LeafHash(string leaf) => LeafHash(Encoding.UTF8.GetBytes(leaf));

    private static byte[] NodeHash(byte[] left, byte[] right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>Computes the root only (RFC 9162 §2.1.1).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) =>
        leafHashes.Count == 0 ? SHA256.HashData([]) : Subtree(leafHashes, 0, leafHashes.Count, null);

    /// <summary>Computes the root and every leaf's audit path.</summary>
    public static (byte[] Root, byte[][][] Paths) Build(IReadOnlyList<byte[]> leafHashes)
    {
        if (leafHashes.Count == 0) return (SHA256.HashData([]), []);
        var paths = new List<byte[]>[leafHashes.Count];
        for (var i = 0; i < paths.Length; i++) paths[i] = [];
        var root = Subtree(leafHashes, 0, leafHashes.Count, paths);
        return (root, paths.Select(p => p.ToArray()).ToArray());
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, int start, int count, List<byte[]>[]? paths)
    {
        if (count == 1) return leaves[start];
        var k = 1;
        while (k * 2 < count) k *= 2;
        var left = Subtree(leaves, start, k, paths);
        var right = Subtree(leaves, start + k, count - k, paths);
        if (paths is not null)
        {
            for (var i = start; i < start + k; i++) paths[i].Add(right);
            for (var i = start + k; i < start + count; i++) paths[i].Add(left);
        }
        return NodeHash(left, right);
    }

    /// <summary>Checks an audit path (RFC 9162 §2.1.3.2).</summary>
    public static bool VerifyPath(byte[] leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize) return false;
        long fn = leafIndex, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0 || p.Length != 32) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }
}
