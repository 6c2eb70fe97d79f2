namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// What the inbox must do on every storage engine: a receiving VN node built in process, and a CN sender that is
/// nothing but a signing key. Each refusal is checked three ways: the reason in the answer, the evidence entry with
/// that reason, and whether the module's handler applied the message.
/// </summary>
public abstract partial class InboxCompliance : IAsyncLifetime
{
    private protected ManualTime Time { get; } = new();
    private protected TestNode Node { get; private set; } = null!;
    private protected PeerSender Peer { get; private set; } = null!;

    /// <summary>The peer's key the node trusts from its configuration.</summary>
    private protected SigningKey PeerKey { get; } = SigningKey.Generate(SignatureAlgorithm.ES256);

    private protected abstract Task<TestStore> OpenStoreAsync();

    public async Task InitializeAsync()
    {
        Peer = new PeerSender(PeerKey, Time);
        Node = await TestNode.StartAsync(await OpenStoreAsync(), Time, PeerKey.PublicKey);
    }

    public async Task DisposeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }

    private protected Task<TransmissionResponse> ReceiveAsync(params string[] messages) =>
        Node.Inbox.ReceiveAsync(Peer.Transmission(messages));

    /// <summary>The result's proof checks against the receipt it names, with the receiver's public key, and nothing else.</summary>
    private protected bool ProofVerifies(TransmissionResponse response, MessageReceipt result) =>
        ProofOf(response, result).Verify(ReceiptOf(response, result), Node.PublicKey);

    private static JwsParts ReceiptOf(TransmissionResponse response, MessageReceipt result) =>
        response.Receipts.Select(r => Jws.Parse(r)).Single(r => ReceiptBody.FromJws(r).ReceiptId == result.ReceiptId);

    /// <summary>
    /// The result as the sender keeps it, provable alone: a new receipt's leaves come without audit paths (every leaf is in
    /// the answer), so the sender derives them from the leaves; a duplicate's original proof comes with its path.
    /// </summary>
    private protected static MessageReceipt ProofOf(TransmissionResponse response, MessageReceipt result)
    {
        var sameReceipt = response.Results.Where(r => r.ReceiptId == result.ReceiptId).ToList();
        return new ReceiptEvidence(ReceiptOf(response, result).Compact, sameReceipt).Proofs().Single(p => p.LeafIndex == result.LeafIndex);
    }

    private protected static void AssertRejected(MessageReceipt result, RefusalReason reason)
    {
        Assert.Equal(Outcome.Rejected, result.Outcome);
        Assert.Equal(reason.Code(), result.Reason);
    }

    private protected async Task AssertEvidenceAsync(string kind, RefusalReason reason, MessageId? id = null)
    {
        var entries = await Node.EvidenceAsync(kind);
        Assert.Contains(entries, e => e.Reason == reason.Code() && (id is null || e.MessageId == id.Value.ToString()));
    }

    [StoreFact]
    public async Task Receive_NewMessage_IsAppliedOnceAndItsReceiptVerifiesWithTheReceiversKey()
    {
        var (id, jws) = Peer.NewNote();

        var response = await ReceiveAsync(jws);

        var result = Assert.Single(response.Results);
        Assert.Equal(Outcome.Accepted, result.Outcome);
        Assert.Null(result.Reason);
        Assert.False(result.Duplicate);
        Assert.Equal(id.ToString(), result.MessageId);
        Assert.Equal(PeerSender.HashOf(jws), result.MessageHash);
        Assert.True(ProofVerifies(response, result));
        Assert.False(result.Verify(Jws.Parse(Assert.Single(response.Receipts)), PeerKey.PublicKey));
        Assert.Equal(1, Node.Notes.TimesApplied(id));
        var received = Assert.Single(await Node.EvidenceAsync(EvidenceKind.MessageReceived));
        Assert.Equal((id.ToString(), jws), (received.MessageId, received.Content));
        Assert.Equal(Hashes.Sha256(received.Content), received.ContentHash);
        Assert.Single(await Node.EvidenceAsync(EvidenceKind.ReceiptIssued));
    }

    [StoreFact]
    public async Task Receive_ReplayedMessage_ReturnsTheOriginalReceiptAndIsNotAppliedAgain()
    {
        var notes = new[] { Peer.NewNote("one"), Peer.NewNote("two"), Peer.NewNote("three") };
        var original = await ReceiveAsync(notes.Select(n => n.Jws).ToArray());
        var first = original.Results[1];
        Time.Advance(TimeSpan.FromMinutes(1));
        var (id, jws) = notes[1];

        var replay = await ReceiveAsync(jws);

        // The original proof, with the audit path the receiver rebuilds from the original receipt's leaves.
        var again = Assert.Single(replay.Results);
        Assert.True(again.Duplicate);
        Assert.Equal(Outcome.Accepted, again.Outcome);
        Assert.Equal((first.ReceiptId, first.LeafIndex, first.Leaf), (again.ReceiptId, again.LeafIndex, again.Leaf));
        Assert.NotEmpty(again.AuditPath);
        Assert.Equal(ProofOf(original, first).AuditPath, again.AuditPath);
        Assert.True(again.Verify(Jws.Parse(Assert.Single(replay.Receipts)), Node.PublicKey));
        Assert.Equal(1, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.Duplicate, id);
    }

    [StoreFact]
    public async Task Receive_SameMessageTwiceInOneTransmission_AppliesItOnceAndRejectsTheCopy()
    {
        var (id, jws) = Peer.NewNote();

        var response = await ReceiveAsync(jws, jws);

        Assert.Equal(Outcome.Accepted, response.Results[0].Outcome);
        AssertRejected(response.Results[1], RefusalReason.Duplicate);
        Assert.All(response.Results, r => Assert.True(ProofVerifies(response, r)));
        Assert.Equal(1, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.Duplicate, id);
    }

    [StoreFact]
    public async Task Receive_SameIdWithOtherContent_IsRejectedForMessageIdConflict()
    {
        var id = MessageId.New(Time);
        await ReceiveAsync(Peer.Note(id, "original"));

        var response = await ReceiveAsync(Peer.Note(id, "rewritten"));

        AssertRejected(Assert.Single(response.Results), RefusalReason.MessageIdConflict);
        var applied = Assert.Single(Node.Notes.Applied);
        Assert.Equal("original", applied.Payload.GetProperty("text").GetString());
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.MessageIdConflict, id);
    }

    [StoreFact]
    public async Task Receive_BatchMixingGoodAndBadMessages_AppliesTheGoodOnesAndProvesEachOutcomeAlone()
    {
        using var stranger = SigningKey.Generate(SignatureAlgorithm.ES256);
        var good1 = Peer.NewNote("one");
        var badSignature = Peer.NewNote("two");
        var good2 = Peer.NewNote("three");
        var tooOld = Peer.NewNote("four", createdAt: Peer.Now - TimeSpan.FromDays(31));
        var unknownKey = Peer.NewNote("five", with: stranger);
        var invalidId = MessageId.New(Time);
        var invalidPayload = Peer.Sign(invalidId, RecordingHandler.Type, new { count = 6 });

        var response = await ReceiveAsync(good1.Jws, PeerSender.WithChangedSignature(badSignature.Jws), good2.Jws, tooOld.Jws, unknownKey.Jws, invalidPayload);

        Assert.Equal(
            ["", "bad-signature", "", "too-old", "unknown-key", "invalid-payload"],
            response.Results.Select(r => r.Reason ?? "").ToArray());
        Assert.Equal([good1.Id, good2.Id], Node.Notes.Applied.Select(e => e.Id).ToArray());
        var receipt = Jws.Parse(Assert.Single(response.Receipts));
        Assert.Equal(6, ReceiptBody.FromJws(receipt).TreeSize);
        Assert.All(response.Results, r => Assert.Empty(r.AuditPath));
        Assert.All(response.Results, r => Assert.True(ProofVerifies(response, r)));
        var forged = ProofOf(response, response.Results[3]) with { Outcome = Outcome.Accepted, Reason = null };
        Assert.False(forged.Verify(receipt, Node.PublicKey));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.BadSignature, badSignature.Id);
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.TooOld, tooOld.Id);
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.UnknownKey, unknownKey.Id);
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.InvalidPayload, invalidId);
        Assert.Equal(2, (await Node.EvidenceAsync(EvidenceKind.MessageReceived)).Count);
    }
}

public sealed class SqliteInboxTests : InboxCompliance
{
    private protected override Task<TestStore> OpenStoreAsync() => TestStore.SqliteAsync();
}

[PostgresStore]
public sealed class PostgresInboxTests : InboxCompliance
{
    private protected override Task<TestStore> OpenStoreAsync() => TestStore.PostgresAsync();
}
