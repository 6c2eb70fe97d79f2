using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Exchange.Tests;

public sealed class MerkleTreeTests
{
    public static TheoryData<int> Sizes => new(Enumerable.Range(1, 33));

    private static byte[][] Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash($"message {i}")).ToArray();

    /// <summary>MTH of RFC 9162 §2.1.1, written straight from the definition.</summary>
    private static byte[] ReferenceRoot(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 1) return leaves[0];
        var k = 1;
        while (k < leaves.Length) k <<= 1;
        k >>= 1; // the largest power of two smaller than n
        return SHA256.HashData([1, .. ReferenceRoot(leaves[..k]), .. ReferenceRoot(leaves[k..])]);
    }

    [Fact]
    public void LeafHash_IsSha256OfZeroByteThenLeaf() =>
        Assert.Equal(SHA256.HashData([0, .. "leaf"u8]), MerkleTree.LeafHash(Encoding.UTF8.GetBytes("leaf")));

    [Fact]
    public void Build_NoLeaves_GivesTheHashOfNothingAndNoPaths()
    {
        var (root, paths) = MerkleTree.Build([]);

        Assert.Equal(SHA256.HashData([]), root);
        Assert.Empty(paths);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Build_Root_IsTheRfc9162TreeHead(int size)
    {
        var leaves = Leaves(size);

        Assert.Equal(ReferenceRoot(leaves), MerkleTree.Build(leaves).Root);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void VerifyPath_EveryLeafsAuditPath_VerifiesAgainstTheRoot(int size)
    {
        var leaves = Leaves(size);
        var (root, paths) = MerkleTree.Build(leaves);

        Assert.Equal(size, paths.Length);
        for (var i = 0; i < size; i++)
            Assert.True(MerkleTree.VerifyPath(leaves[i], i, size, paths[i], root), $"leaf {i} of {size}");
    }

    [Theory, MemberData(nameof(Sizes))]
    public void VerifyPath_AnotherLeafsHash_Fails(int size)
    {
        var leaves = Leaves(size);
        var (root, paths) = MerkleTree.Build(leaves);
        var stranger = MerkleTree.LeafHash("not in the tree");

        for (var i = 0; i < size; i++)
        {
            Assert.False(MerkleTree.VerifyPath(stranger, i, size, paths[i], root), $"leaf {i} of {size}");
            if (size > 1) Assert.False(MerkleTree.VerifyPath(leaves[(i + 1) % size], i, size, paths[i], root), $"leaf {i} of {size}");
        }
    }

    [Theory, MemberData(nameof(Sizes))]
    public void VerifyPath_WrongIndex_Fails(int size)
    {
        var leaves = Leaves(size);
        var (root, paths) = MerkleTree.Build(leaves);

        for (var i = 0; i < size; i++)
        {
            foreach (var wrong in Enumerable.Range(-1, size + 2).Where(j => j != i))
                Assert.False(MerkleTree.VerifyPath(leaves[i], wrong, size, paths[i], root), $"leaf {i} of {size} at index {wrong}");
        }
    }

    [Theory, MemberData(nameof(Sizes))]
    public void VerifyPath_ChangedPathElement_Fails(int size)
    {
        var leaves = Leaves(size);
        var (root, paths) = MerkleTree.Build(leaves);

        for (var i = 0; i < size; i++)
        {
            for (var e = 0; e < paths[i].Length; e++)
            {
                var changed = paths[i].Select(p => p.ToArray()).ToArray();
                changed[e][31] ^= 0x80;
                Assert.False(MerkleTree.VerifyPath(leaves[i], i, size, changed, root), $"leaf {i} of {size}, element {e}");
            }
        }
    }

    [Theory, MemberData(nameof(Sizes))]
    public void VerifyPath_PathWithAnElementMissingOrAdded_Fails(int size)
    {
        var leaves = Leaves(size);
        var (root, paths) = MerkleTree.Build(leaves);

        for (var i = 0; i < size; i++)
        {
            Assert.False(MerkleTree.VerifyPath(leaves[i], i, size, [.. paths[i], root], root), $"leaf {i} of {size}, one more");
            if (paths[i].Length > 0)
                Assert.False(MerkleTree.VerifyPath(leaves[i], i, size, paths[i][..^1], root), $"leaf {i} of {size}, one less");
        }
    }

    [Fact]
    public void VerifyPath_ElementNot32Bytes_Fails()
    {
        var leaves = Leaves(4);
        var (root, paths) = MerkleTree.Build(leaves);

        Assert.False(MerkleTree.VerifyPath(leaves[0], 0, 4, [paths[0][0][..31], paths[0][1]], root));
    }
}
