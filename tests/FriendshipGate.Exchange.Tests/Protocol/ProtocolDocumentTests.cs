using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Security;

namespace FriendshipGate.Exchange.Tests.Protocol;

/// <summary>
/// Checks the worked examples of docs/protocol/exchange-v1.md (Annex A) against the implementation: every signature,
/// key id, hash, payload hash, Merkle proof and the evidence export. The examples are fixed (ECDSA and SM2 signatures
/// are randomised): these tests verify them, they never regenerate them.
/// </summary>
public sealed class ProtocolDocumentTests
{
    private static readonly ProtocolDocument Doc = ProtocolDocument.Current;

    private const string VnKey = "example-vn-key";
    private const string CnKey = "example-cn-key";

    public static TheoryData<string, string, string> SignedExamples => new()
    {
        { "example-message", VnKey, Jws.MessageType },
        { "example-message-2", VnKey, Jws.MessageType },
        { "example-message-3", VnKey, Jws.MessageType },
        { "example-transmission", VnKey, Jws.TransmissionType },
        { "example-receipt", CnKey, Jws.ReceiptType },
    };

    [Fact]
    public void Document_HasEveryExampleBlock()
    {
        string[] expected =
        [
            VnKey, CnKey, "example-vn-private-key", "example-cn-private-key", "example-cn-keys-endpoint",
            "example-message", "example-message-header", "example-message-payload", "example-observation", "example-message-hash",
            "example-message-2", "example-message-3",
            "example-transmission", "example-transmission-header", "example-transmission-payload",
            "example-response", "example-receipt", "example-receipt-header", "example-receipt-payload", "example-proof", "example-merkle",
            "example-duplicate-response", "example-refusal", "example-evidence",
        ];
        Assert.Empty(expected.Except(Doc.BlockNames));
    }

    [Theory]
    [InlineData(VnKey, "VN-HUUNGHI", SignatureAlgorithm.ES256)]
    [InlineData(CnKey, "CN-YOUYIGUAN", SignatureAlgorithm.SM2SM3)]
    public void ExampleKey_KidIsSha256OfSpki(string block, string node, string algorithm)
    {
        var (keyNode, alg, kid, spki) = ReadKey(block);
        Assert.Equal(node, keyNode);
        Assert.Equal(algorithm, alg);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Base64Url.DecodeFromChars(spki))), kid);
        Assert.Equal(kid, VerificationKey.FromBase64Url(alg, spki).KeyId);
        Assert.Equal(91, Base64Url.DecodeFromChars(spki).Length); // named curve, uncompressed point
    }

    [Theory]
    [InlineData("example-vn-private-key", VnKey, "FriendshipGate exchange-v1 example key VN-HUUNGHI")]
    [InlineData("example-cn-private-key", CnKey, "FriendshipGate exchange-v1 example key CN-YOUYIGUAN")]
    public void ExamplePrivateKey_IsTheSeedHash_AndMatchesThePublicKey(string block, string publicBlock, string seed)
    {
        var pem = Doc.Block(block);
        using var key = SigningKey.ImportPem(pem);
        Assert.Equal(ReadKey(publicBlock).Kid, key.KeyId);
        var info = PrivateKeyInfo.GetInstance(new PemReader(new StringReader(pem)).ReadPemObject().Content);
        var d = ((ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(info)).D.ToByteArrayUnsigned();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), new byte[32 - d.Length].Concat(d).ToArray());
    }

    [Fact]
    public void ExampleKeysEndpoint_ListsTheCnKeyAsActiveAndSigning()
    {
        using var doc = JsonDocument.Parse(Doc.Block("example-cn-keys-endpoint"));
        var (_, alg, kid, spki) = ReadKey(CnKey);
        var key = Assert.Single(doc.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("CN-YOUYIGUAN", doc.RootElement.GetProperty("node").GetString());
        Assert.Equal(kid, doc.RootElement.GetProperty("signingKid").GetString());
        Assert.Equal((kid, alg, spki, KeyState.Active),
            (key.GetProperty("kid").GetString(), key.GetProperty("algorithm").GetString(), key.GetProperty("spki").GetString(), key.GetProperty("state").GetString()));
    }

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void ExampleJws_VerifiesWithItsSignersKey(string block, string keyBlock, string type)
    {
        var jws = Jws.Parse(Doc.Block(block));
        Assert.Equal(type, jws.Type);
        Assert.Equal(64, jws.Signature.Length);
        Assert.True(jws.Verify(Key(keyBlock)), $"{block} does not verify with {keyBlock}.");
        Assert.False(jws.Verify(Key(keyBlock == VnKey ? CnKey : VnKey)));
    }

    [Theory]
    [MemberData(nameof(SignedExamples))]
    public void ExampleJws_WithOneSignatureCharacterChanged_DoesNotVerify(string block, string keyBlock, string type)
    {
        var compact = Doc.Block(block);
        var signatureStart = compact.LastIndexOf('.') + 1;
        foreach (var position in new[] { signatureStart, signatureStart + 20, compact.Length - 10 })
        {
            var changed = compact[..position] + (compact[position] == 'A' ? 'B' : 'A') + compact[(position + 1)..];
            var jws = Jws.Parse(changed); // still a well-formed JWS: the signature, not the parsing, fails
            Assert.Equal(type, jws.Type);
            Assert.False(jws.Verify(Key(keyBlock)), $"{block} still verifies with character {position} changed.");
        }
    }

    [Fact]
    public void ExampleJws_WithOnePayloadCharacterChanged_DoesNotVerify()
    {
        var compact = Doc.Block("example-message");
        var position = compact.IndexOf('.') + 40;
        var changed = compact[..position] + (compact[position] == 'A' ? 'B' : 'A') + compact[(position + 1)..];
        Assert.False(Jws.Parse(changed).Verify(Key(VnKey)));
    }

    [Theory]
    [InlineData("example-message")]
    [InlineData("example-transmission")]
    [InlineData("example-receipt")]
    public void ExampleJws_DecodesToTheDocumentedHeaderAndPayloadBytes(string block)
    {
        var parts = Doc.Block(block).Split('.');
        Assert.Equal(Doc.Block(block + "-header"), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        Assert.Equal(Doc.Block(block + "-payload"), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])));
    }

    [Fact]
    public void ExampleMessage_HashIsSha256OfTheCompactJws()
    {
        var compact = Doc.Block("example-message");
        Assert.Equal(Doc.Block("example-message-hash"), Jws.Parse(compact).Hash);
        Assert.Equal(Doc.Block("example-message-hash"), Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(compact))));
    }

    [Fact]
    public void ExampleMessage_EnvelopeParses_AndItsPayloadHashHolds()
    {
        var envelope = Envelope.Parse(Jws.Parse(Doc.Block("example-message")).Payload);
        Assert.Equal("hydrology.observation", envelope.Type);
        Assert.Equal(1, envelope.SchemaVersion);
        Assert.Equal(("VN-HUUNGHI", "CN-YOUYIGUAN"), (envelope.Sender.Value, envelope.Receiver.Value));
        Assert.Equal(7, envelope.Id.Value.Version);
        var observation = Doc.Block("example-observation");
        Assert.Equal(observation, envelope.Payload.GetRawText());
        Assert.Equal(Hashes.Sha256(Encoding.UTF8.GetBytes(observation)), envelope.PayloadHash);
        // createdAt in the exact wire format: UTC, milliseconds, Z.
        using var json = JsonDocument.Parse(Doc.Block("example-message-payload"));
        Assert.Equal(envelope.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), json.RootElement.GetProperty("createdAt").GetString());
    }

    [Fact]
    public void ExampleMessage_WithTheObservationChanged_FailsItsPayloadHash()
    {
        var payload = Doc.Block("example-message-payload").Replace("78.35", "78.36");
        var refusal = Assert.Throws<ExchangeRefusal>(() => Envelope.Parse(Encoding.UTF8.GetBytes(payload)));
        Assert.Equal(RefusalReason.PayloadHashMismatch, refusal.Reason);
    }

    [Fact]
    public void ExampleTransmission_ListsTheHashesOfItsMessagesInOrder()
    {
        var body = TransmissionBody.FromJws(Jws.Parse(Doc.Block("example-transmission")));
        Assert.Equal(("VN-HUUNGHI", "CN-YOUYIGUAN"), (body.Sender.Value, body.Receiver.Value));
        Assert.Equal(MessageHashes(), body.MessageHashes);
    }

    [Fact]
    public void ExampleReceipt_AnswersTheTransmission()
    {
        var receipt = ReceiptBody.FromJws(Jws.Parse(Doc.Block("example-receipt")));
        var transmission = TransmissionBody.FromJws(Jws.Parse(Doc.Block("example-transmission")));
        Assert.Equal(("CN-YOUYIGUAN", "VN-HUUNGHI"), (receipt.Issuer.Value, receipt.Recipient.Value));
        Assert.Equal(transmission.TransmissionId, receipt.TransmissionId);
        Assert.Equal(3, receipt.TreeSize);
    }

    [Fact]
    public void ExampleProof_VerifiesAloneWithTheReceiptAndTheCnKey()
    {
        var proof = JsonSerializer.Deserialize<MessageReceipt>(Doc.Block("example-proof"), WireJson.Options)!;
        var message = Jws.Parse(Doc.Block("example-message"));
        Assert.Equal(message.Hash, proof.MessageHash);
        Assert.Equal(Envelope.Parse(message.Payload).Id.ToString(), proof.MessageId);
        Assert.Equal(Outcome.Accepted, proof.Outcome);
        Assert.Null(proof.Reason);
        Assert.Equal(0, proof.LeafIndex);
        Assert.False(proof.Duplicate);
        Assert.True(proof.Verify(Jws.Parse(Doc.Block("example-receipt")), Key(CnKey)));
    }

    [Theory]
    [InlineData("outcome")]
    [InlineData("leafIndex")]
    [InlineData("auditPath")]
    [InlineData("key")]
    public void ExampleProof_WithAnythingChanged_DoesNotVerify(string change)
    {
        var proof = JsonSerializer.Deserialize<MessageReceipt>(Doc.Block("example-proof"), WireJson.Options)!;
        var key = Key(CnKey);
        switch (change)
        {
            case "outcome": proof = proof with { Outcome = Outcome.Rejected, Reason = "invalid-payload" }; break;
            case "leafIndex": proof = proof with { LeafIndex = 1 }; break;
            case "auditPath": proof = proof with { AuditPath = proof.AuditPath.Reverse().ToList() }; break;
            default: key = Key(VnKey); break;
        }
        Assert.False(proof.Verify(Jws.Parse(Doc.Block("example-receipt")), key));
    }

    [Fact]
    public void ExampleResponse_EveryResultVerifies_InMessageOrder()
    {
        var response = JsonSerializer.Deserialize<TransmissionResponse>(Doc.Block("example-response"), WireJson.Options)!;
        var receipt = Jws.Parse(Assert.Single(response.Receipts));
        Assert.Equal(Doc.Block("example-receipt"), receipt.Compact);
        Assert.Equal(MessageHashes(), response.Results.Select(r => r.MessageHash));
        // Every leaf of the receipt is here: no paths, the rebuilt root proves them all, and each derived proof verifies alone.
        Assert.True(receipt.Verify(Key(CnKey)));
        Assert.All(response.Results, r => Assert.Empty(r.AuditPath));
        Assert.True(new ReceiptEvidence(receipt.Compact, response.Results).ProvesAgainst(ReceiptBody.FromJws(receipt)));
        var proofs = new ReceiptEvidence(receipt.Compact, response.Results).Proofs();
        Assert.All(proofs, p => Assert.True(p.Verify(receipt, Key(CnKey)), $"the proof of {p.MessageId} does not verify."));
        var shown = JsonSerializer.Deserialize<MessageReceipt>(Doc.Block("example-proof"), WireJson.Options)!;
        Assert.Equal((shown.Leaf, shown.ReceiptId, shown.LeafIndex), (proofs[0].Leaf, proofs[0].ReceiptId, proofs[0].LeafIndex));
        Assert.Equal(shown.AuditPath, proofs[0].AuditPath);
        Assert.Equal(new[] { "accepted/", "accepted/", "rejected/" + RefusalReason.InvalidPayload.Code() },
            response.Results.Select(r => $"{r.Outcome}/{r.Reason}"));
        Assert.Equal(new[] { 0, 1, 2 }, response.Results.Select(r => r.LeafIndex));
    }

    [Fact]
    public void ExampleMerkleTree_IsRfc9162_WithTheDocumentedLeafTexts()
    {
        var response = JsonSerializer.Deserialize<TransmissionResponse>(Doc.Block("example-response"), WireJson.Options)!;
        // Independently of MerkleTree: SHA-256 with the 0x00 leaf and 0x01 node prefixes.
        var leaves = response.Results.Select(r => Sha256([0x00], Encoding.UTF8.GetBytes($"{r.MessageId}\n{r.MessageHash}\n{r.Outcome}\n{r.Reason}"))).ToList();
        var node01 = Sha256([0x01], leaves[0], leaves[1]);
        var root = Sha256([0x01], node01, leaves[2]);

        using var merkle = JsonDocument.Parse(Doc.Block("example-merkle"));
        Assert.Equal(leaves.Select(l => Base64Url.EncodeToString(l)), merkle.RootElement.GetProperty("leafHashes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Base64Url.EncodeToString(node01), merkle.RootElement.GetProperty("node01").GetString());
        Assert.Equal(Base64Url.EncodeToString(root), merkle.RootElement.GetProperty("root").GetString());
        Assert.Equal(Base64Url.EncodeToString(root), ReceiptBody.FromJws(Jws.Parse(Doc.Block("example-receipt"))).MerkleRoot);

        var (built, paths) = MerkleTree.Build(leaves);
        Assert.Equal(root, built);
        var proof = JsonSerializer.Deserialize<MessageReceipt>(Doc.Block("example-proof"), WireJson.Options)!;
        Assert.Equal(string.Join(',', proof.AuditPath), MessageReceipt.EncodePath(paths[0]));
        Assert.Equal(new[] { leaves[1], leaves[2] }, paths[0]);
        Assert.Equal(new[] { node01 }, paths[2]);
    }

    [Fact]
    public void ExampleDuplicateResponse_ReturnsTheOriginalProofAndReceipt()
    {
        var response = JsonSerializer.Deserialize<TransmissionResponse>(Doc.Block("example-duplicate-response"), WireJson.Options)!;
        var original = JsonSerializer.Deserialize<MessageReceipt>(Doc.Block("example-proof"), WireJson.Options)!;
        Assert.Equal(Doc.Block("example-receipt"), Assert.Single(response.Receipts));
        var result = Assert.Single(response.Results);
        Assert.True(result.Duplicate);
        Assert.Equal(original with { Duplicate = true }, result with { AuditPath = original.AuditPath });
        Assert.Equal(original.AuditPath, result.AuditPath);
        Assert.True(result.Verify(Jws.Parse(response.Receipts[0]), Key(CnKey)));
    }

    [Fact]
    public void ExampleRefusal_IsAProblemDocumentWithItsReasonCode()
    {
        using var problem = JsonDocument.Parse(Doc.Block("example-refusal"));
        var root = problem.RootElement;
        var reason = RefusalReason.BadSignature.Code();
        Assert.Equal(reason, root.GetProperty("reason").GetString());
        Assert.Equal("https://friendshipgate.org/problems/exchange/" + reason, root.GetProperty("type").GetString());
        Assert.Equal(401, root.GetProperty("status").GetInt32());
        Assert.Equal("Transmission refused", root.GetProperty("title").GetString());
    }

    [Fact]
    public void ExampleEvidence_IsIntact()
    {
        var verdict = EvidenceVerifier.Verify(new StringReader(Doc.Block("example-evidence")));
        Assert.True(verdict.Intact, verdict.ToString());
        Assert.Equal(8, verdict.Entries);
        Assert.Equal(3, verdict.SignaturesVerified); // two messages received and one receipt issued; refusals are not checked
    }

    [Fact]
    public void ExampleEvidence_WithOneEntryChanged_IsNotIntact()
    {
        var lines = Doc.Block("example-evidence").Split('\n');
        lines[3] = lines[3].Replace("\"kind\":\"message-received\"", "\"kind\":\"message-refused\"");
        var verdict = EvidenceVerifier.Verify(new StringReader(string.Join('\n', lines)));
        Assert.False(verdict.Intact);
        Assert.Equal(3, verdict.FirstBadSeq);
    }

    [Fact]
    public void ExampleEvidence_EntryHashIsSha256OfTheDocumentedChainText()
    {
        var line = Doc.Block("example-evidence").Split('\n')[1];
        var entry = JsonSerializer.Deserialize<EvidenceEntry>(line, WireJson.Options)!;
        var chainText = string.Join('\n', entry.PrevHash, entry.Seq, entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            entry.Kind, entry.MessageId ?? "", entry.Counterpart ?? "", entry.Reason ?? "", entry.Detail ?? "", entry.ContentHash);
        Assert.Equal(entry.EntryHash, Hashes.Sha256(chainText));
        Assert.Equal(entry.ContentHash, Hashes.Sha256(entry.Content));
    }

    [Fact]
    public void Document_NamesEveryRefusalCode_InTheRefusalTable()
    {
        foreach (var reason in Enum.GetValues<RefusalReason>())
            Assert.Contains($"| `{reason.Code()}` |", Doc.Text);
    }

    [Fact]
    public void Document_NamesEveryEvidenceKind_JwsType_AndMessageType()
    {
        var kinds = typeof(EvidenceKind).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        foreach (var name in kinds.Concat([Jws.MessageType, Jws.TransmissionType, Jws.ReceiptType, EvidenceExport.Format,
                     KeyMessageHandlers.Announced, KeyMessageHandlers.Retired, "hydrology.observation"]))
            Assert.Contains($"`{name}`", Doc.Text);
    }

    [Fact]
    public void Document_StatesTheDefaultLimits()
    {
        var defaults = new ExchangeOptions { Self = NodeId.Parse("VN-HUUNGHI"), Peer = NodeId.Parse("CN-YOUYIGUAN"), PeerUrl = new Uri("http://peer/") };
        Assert.Contains($"| `ClockWindowSeconds` (`ClockWindow`) | {defaults.ClockWindow.TotalSeconds} s |", Doc.Text);
        Assert.Contains($"| `MaxMessageAgeDays` (`MaxMessageAge`) | {defaults.MaxMessageAge.TotalDays} days |", Doc.Text);
        Assert.Contains($"| `BatchSize` | {defaults.BatchSize} |", Doc.Text);
        Assert.Contains($"| `RetryBaseMilliseconds` (`RetryBase`) | {defaults.RetryBase.TotalMilliseconds} ms |", Doc.Text);
        Assert.Contains($"| `RetryMaxSeconds` (`RetryMax`) | {defaults.RetryMax.TotalSeconds} s |", Doc.Text);
        Assert.Contains($"| `RequestTimeout` (not configurable) | {defaults.RequestTimeout.TotalSeconds} s |", Doc.Text);
    }

    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(7, 15_000, 30_000)]
    [InlineData(30, 15_000, 30_000)]
    public void DocumentedBackoff_IsBetweenHalfTheCeilingAndTheCeiling(int failures, double lowMs, double highMs)
    {
        TimeSpan Delay(double random) => Backoff.Delay(failures, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), new FixedRandom(random));
        Assert.Equal(lowMs, Delay(0).TotalMilliseconds, 3);
        Assert.Equal(highMs, Delay(1).TotalMilliseconds, 3);
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    private static (string Node, string Alg, string Kid, string Spki) ReadKey(string block)
    {
        using var doc = JsonDocument.Parse(Doc.Block(block));
        var root = doc.RootElement;
        return (root.GetProperty("node").GetString()!, root.GetProperty("alg").GetString()!, root.GetProperty("kid").GetString()!, root.GetProperty("spki").GetString()!);
    }

    private static VerificationKey Key(string block)
    {
        var (_, alg, _, spki) = ReadKey(block);
        return VerificationKey.FromBase64Url(alg, spki);
    }

    private static List<string> MessageHashes() =>
        new[] { "example-message", "example-message-2", "example-message-3" }.Select(b => Jws.Parse(Doc.Block(b)).Hash).ToList();

    private static byte[] Sha256(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());
}
