using System.Buffers.Text;

namespace FriendshipGate.Exchange.Tests;

public sealed class ReceiptEvidenceTests
{
    private static (ReceiptBody Body, List<MessageReceipt> Proofs) Receipt(int size)
    {
        var leaves = Enumerable.Range(0, size).Select(i => (Id: Guid.CreateVersion7().ToString(), Hash: $"hash{i}")).ToList();
        var (root, paths) = MerkleTree.Build(leaves.Select(l => MerkleTree.LeafHash(MessageReceipt.LeafText(l.Id, l.Hash, Outcome.Accepted, null))).ToList());
        var body = new ReceiptBody("r1", NodeId.Parse("CN-YOUYIGUAN"), NodeId.Parse("VN-HUUNGHI"), DateTimeOffset.UnixEpoch, "t1", size, Base64Url.EncodeToString(root));
        var proofs = leaves.Select((l, i) => new MessageReceipt(l.Id, l.Hash, Outcome.Accepted, null, "r1", i,
            paths[i].Select(p => Base64Url.EncodeToString(p)).ToList())).ToList();
        return (body, proofs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(500)]
    public void Content_WithEveryLeaf_LeavesPathsOut_AndStillProvesTheSignedRoot(int size)
    {
        var (body, proofs) = Receipt(size);
        var evidence = ReceiptEvidence.Parse(ReceiptEvidence.Content("jws", proofs, size));
        if (size > 1) Assert.All(evidence.Messages, m => Assert.Empty(m.AuditPath));
        Assert.True(evidence.ProvesAgainst(body));
    }

    [Fact]
    public void Content_WithSomeLeaves_KeepsTheirPaths_AndEachProvesAlone()
    {
        var (body, proofs) = Receipt(9);
        var evidence = ReceiptEvidence.Parse(ReceiptEvidence.Content("jws", proofs.Take(3).ToList(), 9));
        Assert.All(evidence.Messages, m => Assert.NotEmpty(m.AuditPath));
        Assert.True(evidence.ProvesAgainst(body));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ProvesAgainst_ALeafChangedToRejected_Fails(bool everyLeaf)
    {
        var (body, proofs) = Receipt(8);
        var recorded = ReceiptEvidence.Parse(ReceiptEvidence.Content("jws", everyLeaf ? proofs : proofs.Take(4).ToList(), 8));
        var forged = recorded with { Messages = recorded.Messages.Select((m, i) => i == 2 ? m with { Outcome = Outcome.Rejected, Reason = "bad-signature" } : m).ToList() };
        Assert.False(forged.ProvesAgainst(body));
    }

    [Fact]
    public void ProvesAgainst_ALeafMissingFromAPathlessEntry_Fails()
    {
        var (body, proofs) = Receipt(8);
        var recorded = ReceiptEvidence.Parse(ReceiptEvidence.Content("jws", proofs, 8));
        Assert.False((recorded with { Messages = recorded.Messages.Skip(1).ToList() }).ProvesAgainst(body));
    }

    private static string Signed(ReceiptBody body)
    {
        using var key = SigningKey.Generate("ES256");
        return Jws.Sign(Jws.ReceiptType, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options), key);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(500)]
    public void Proofs_OfAnEntryWithEveryLeaf_RebuildEachAuditPath(int size)
    {
        var (body, proofs) = Receipt(size);
        var evidence = ReceiptEvidence.Parse(ReceiptEvidence.Content(Signed(body), proofs, size));
        Assert.Equal(proofs.Select(p => p.AuditPath), evidence.Proofs().Select(p => p.AuditPath));
        Assert.All(evidence.Proofs(), p => Assert.True(p.VerifyProof(body)));
    }

    [Fact]
    public void Proofs_OfAnEntryWithSomeLeaves_AreTheRecordedOnes()
    {
        var (body, proofs) = Receipt(9);
        var evidence = ReceiptEvidence.Parse(ReceiptEvidence.Content(Signed(body), proofs.Skip(2).Take(3).ToList(), 9));
        Assert.Equal(proofs.Skip(2).Take(3).Select(p => p.AuditPath), evidence.Proofs().Select(p => p.AuditPath));
    }

    [Fact]
    public void ProvesAgainst_EveryLeaf_NeedsNoPaths_SoWrongPathsDoNotMatter()
    {
        // An answer that holds every leaf proves them by its root; the paths it carries are not relied on (nor stored).
        var (body, proofs) = Receipt(8);
        var swapped = proofs.Select((p, i) => p with { AuditPath = proofs[(i + 1) % 8].AuditPath }).ToList();
        Assert.True(new ReceiptEvidence("jws", swapped).ProvesAgainst(body));
        Assert.False(new ReceiptEvidence("jws", swapped.Skip(1).ToList()).ProvesAgainst(body));
    }

    [Fact]
    public void ProvesAgainst_AProofOfAnotherReceipt_Fails()
    {
        var (body, proofs) = Receipt(4);
        Assert.False(new ReceiptEvidence("jws", proofs.Select((p, i) => i == 3 ? p with { ReceiptId = "r2" } : p).ToList()).ProvesAgainst(body));
    }
}
