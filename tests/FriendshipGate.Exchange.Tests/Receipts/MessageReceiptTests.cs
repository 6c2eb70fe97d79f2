using System.Buffers.Text;
using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

public sealed class MessageReceiptTests : IDisposable
{
    private readonly SigningKey issuer = SigningKey.Generate(SignatureAlgorithm.ES256);
    private readonly string receiptId = MessageId.New(new ManualTime()).ToString();

    public void Dispose() => issuer.Dispose();

    /// <summary>A receipt signed the way the inbox signs one, over five outcomes, with each message's proof.</summary>
    private (JwsParts Receipt, MessageReceipt[] Proofs) SignedReceipt(int count = 5, SigningKey? signer = null)
    {
        var outcomes = Enumerable.Range(0, count).Select(i => (
            Id: $"0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a{i:x2}", Hash: Hashes.Sha256($"jws {i}"),
            Outcome: i % 2 == 0 ? Outcome.Accepted : Outcome.Rejected, Reason: i % 2 == 0 ? null : "bad-signature")).ToList();
        var (root, paths) = MerkleTree.Build(outcomes.Select(o => MerkleTree.LeafHash(MessageReceipt.LeafText(o.Id, o.Hash, o.Outcome, o.Reason))).ToList());
        var body = new ReceiptBody(receiptId, TestNode.Vn, TestNode.Cn, ManualTime.DefaultStart, "transmission-1", count, Base64Url.EncodeToString(root));
        var jws = Jws.Sign(Jws.ReceiptType, JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options), signer ?? issuer);
        var proofs = outcomes.Select((o, i) => new MessageReceipt(o.Id, o.Hash, o.Outcome, o.Reason, receiptId, i,
            MessageReceipt.DecodePath(MessageReceipt.EncodePath(paths[i])))).ToArray();
        return (Jws.Parse(jws), proofs);
    }

    [Fact]
    public void Verify_EachMessageOfASignedReceipt_VerifiesAlone()
    {
        var (receipt, proofs) = SignedReceipt();

        Assert.All(proofs, p => Assert.True(p.Verify(receipt, issuer.PublicKey)));
    }

    [Fact]
    public void Verify_AfterTheJsonRoundTripOfTheWire_StillVerifies()
    {
        var (receipt, proofs) = SignedReceipt();

        var json = JsonSerializer.Serialize(proofs[3], WireJson.Options);
        var back = JsonSerializer.Deserialize<MessageReceipt>(json, WireJson.Options)!;

        Assert.DoesNotContain("\"leaf\"", json);
        Assert.True(back.Verify(receipt, issuer.PublicKey));
    }

    [Fact]
    public void Verify_WithAnotherKey_Fails()
    {
        using var other = SigningKey.Generate(SignatureAlgorithm.ES256);
        var (receipt, proofs) = SignedReceipt();

        Assert.All(proofs, p => Assert.False(p.Verify(receipt, other.PublicKey)));
    }

    [Fact]
    public void Verify_ReceiptSignedByAnotherKeyThanTheIssuers_Fails()
    {
        using var forger = SigningKey.Generate(SignatureAlgorithm.ES256);
        var (receipt, proofs) = SignedReceipt(signer: forger);

        Assert.All(proofs, p => Assert.False(p.Verify(receipt, issuer.PublicKey)));
    }

    [Fact]
    public void Verify_ChangedOutcomeReasonHashOrIndex_Fails()
    {
        var (receipt, proofs) = SignedReceipt();
        var rejected = proofs[1];

        Assert.False((rejected with { Outcome = Outcome.Accepted, Reason = null }).Verify(receipt, issuer.PublicKey));
        Assert.False((rejected with { Reason = "too-old" }).Verify(receipt, issuer.PublicKey));
        Assert.False((rejected with { MessageHash = Hashes.Sha256("other jws") }).Verify(receipt, issuer.PublicKey));
        Assert.False((rejected with { LeafIndex = 2 }).Verify(receipt, issuer.PublicKey));
        Assert.False((rejected with { AuditPath = proofs[2].AuditPath }).Verify(receipt, issuer.PublicKey));
    }

    [Fact]
    public void Verify_ProofNamingAnotherReceipt_Fails()
    {
        var (receipt, proofs) = SignedReceipt();

        Assert.False((proofs[0] with { ReceiptId = MessageId.New(new ManualTime()).ToString() }).Verify(receipt, issuer.PublicKey));
    }

    [Fact]
    public void LeafText_IsIdHashOutcomeReasonOnePerLine()
    {
        Assert.Equal("id\nhash\nrejected\ntoo-old", MessageReceipt.LeafText("id", "hash", Outcome.Rejected, "too-old"));
        Assert.Equal("id\nhash\naccepted\n", MessageReceipt.LeafText("id", "hash", Outcome.Accepted, null));
    }

    [Fact]
    public void DecodePath_OfNothing_IsEmpty()
    {
        Assert.Empty(MessageReceipt.DecodePath(null));
        Assert.Empty(MessageReceipt.DecodePath(""));
        Assert.Equal("", MessageReceipt.EncodePath([]));
    }
}
