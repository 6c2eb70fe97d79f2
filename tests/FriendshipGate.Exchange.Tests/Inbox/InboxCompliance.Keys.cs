namespace FriendshipGate.Exchange.Tests;

/// <summary>The peer's key rotation as the inbox sees it: announcements vouched for by a current key, then retirements.</summary>
public abstract partial class InboxCompliance
{
    private string Announcement(SigningKey newKey, SigningKey signedBy) =>
        Peer.Sign(MessageId.New(Time), KeyMessageHandlers.Announced,
            new KeyAnnouncement(newKey.KeyId, newKey.Algorithm, newKey.PublicKey.SubjectPublicKeyInfoBase64Url), with: signedBy);

    private string Retirement(SigningKey retired, SigningKey signedBy) =>
        Peer.Sign(MessageId.New(Time), KeyMessageHandlers.Retired, new KeyRetirement(retired.KeyId), with: signedBy);

    [StoreFact]
    public async Task Receive_KeyAnnouncementThenMessageSignedWithTheNewKeyInOneBatch_AcceptsBoth()
    {
        using var newKey = SigningKey.Generate(SignatureAlgorithm.ES256);
        var (id, jws) = Peer.NewNote("signed with the new key", with: newKey);

        var response = await ReceiveAsync(Announcement(newKey, signedBy: PeerKey), jws);

        Assert.All(response.Results, r => Assert.Equal(Outcome.Accepted, r.Outcome));
        Assert.Equal(1, Node.Notes.TimesApplied(id));
        var known = Node.Keys.Lookup(newKey.KeyId);
        Assert.NotNull(known);
        Assert.Equal((TestNode.Cn, KeyOwner.Peer, KeyState.Active), (known.NodeId, known.Owner, known.State));
        Assert.Contains(await Node.EvidenceAsync(EvidenceKind.PeerKey), e => e.Content == KeyRegistry.KeyContent(newKey.PublicKey));
    }

    [StoreFact]
    public async Task Receive_TwoRotationsInOneBatch_EachAnnouncementTakesEffectBeforeTheNextMessage()
    {
        using var second = SigningKey.Generate(SignatureAlgorithm.ES256);
        using var third = SigningKey.Generate(SignatureAlgorithm.SM2SM3);
        var (id, jws) = Peer.NewNote("signed with the third key", with: third);

        var response = await ReceiveAsync(Announcement(second, signedBy: PeerKey), Announcement(third, signedBy: second), jws);

        Assert.All(response.Results, r => Assert.Equal(Outcome.Accepted, r.Outcome));
        Assert.Equal(1, Node.Notes.TimesApplied(id));
    }

    [StoreFact]
    public async Task Receive_KeyAnnouncementWithWrongJsonTypes_IsRejectedAsInvalidPayload_NotAServerError()
    {
        var id = MessageId.New(Time);
        var malformed = Peer.Sign(id, KeyMessageHandlers.Announced, new { kid = 5, algorithm = true, spki = new[] { 1 } });

        var response = await ReceiveAsync(malformed);

        AssertRejected(Assert.Single(response.Results), RefusalReason.InvalidPayload);
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.InvalidPayload, id);
    }

    [StoreFact]
    public async Task Receive_AnnouncedSm2Key_SignsLaterTransmissionsAndMessages()
    {
        using var sm2 = SigningKey.Generate(SignatureAlgorithm.SM2SM3);
        await ReceiveAsync(Announcement(sm2, signedBy: PeerKey));
        Peer.Key = sm2;

        var (id, jws) = Peer.NewNote("signed with SM2");
        var response = await ReceiveAsync(jws);

        Assert.Equal(Outcome.Accepted, Assert.Single(response.Results).Outcome);
        Assert.Equal(1, Node.Notes.TimesApplied(id));
    }

    [StoreFact]
    public async Task Receive_KeyAnnouncementWhoseKidIsNotTheKeysHash_IsRejectedAsInvalidPayload()
    {
        using var newKey = SigningKey.Generate(SignatureAlgorithm.ES256);
        var id = MessageId.New(Time);
        var lying = Peer.Sign(id, KeyMessageHandlers.Announced,
            new KeyAnnouncement(PeerKey.KeyId, newKey.Algorithm, newKey.PublicKey.SubjectPublicKeyInfoBase64Url));

        var response = await ReceiveAsync(lying);

        AssertRejected(Assert.Single(response.Results), RefusalReason.InvalidPayload);
        Assert.Null(Node.Keys.Lookup(newKey.KeyId));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.InvalidPayload, id);
    }

    [StoreFact]
    public async Task Receive_MessageSignedWithRetiredKey_IsRejectedForRetiredKey()
    {
        using var newKey = SigningKey.Generate(SignatureAlgorithm.ES256);
        await ReceiveAsync(Announcement(newKey, signedBy: PeerKey));
        await ReceiveAsync(Retirement(PeerKey, signedBy: newKey));
        Assert.True(Node.Keys.Lookup(PeerKey.KeyId)!.IsRetired);
        Peer.Key = newKey; // the transmission itself must carry a valid key

        var (id, jws) = Peer.NewNote("signed with the retired key", with: PeerKey);
        var response = await ReceiveAsync(jws);

        AssertRejected(Assert.Single(response.Results), RefusalReason.RetiredKey);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.RetiredKey, id);
    }

    [StoreFact]
    public async Task Receive_TransmissionSignedWithRetiredKey_IsRefusedWhole()
    {
        using var newKey = SigningKey.Generate(SignatureAlgorithm.ES256);
        await ReceiveAsync(Announcement(newKey, signedBy: PeerKey), Retirement(PeerKey, signedBy: newKey));
        var (id, jws) = Peer.NewNote(with: newKey);

        var refusal = await Assert.ThrowsAsync<ExchangeRefusal>(() => Node.Inbox.ReceiveAsync(Peer.Transmission([jws], with: PeerKey)));

        Assert.Equal(RefusalReason.RetiredKey, refusal.Reason);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.TransmissionRefused, RefusalReason.RetiredKey);
    }

    [StoreFact]
    public async Task Receive_RetirementThenMessageSignedWithTheRetiredKeyInOneBatch_RejectsTheMessage()
    {
        using var newKey = SigningKey.Generate(SignatureAlgorithm.ES256);
        await ReceiveAsync(Announcement(newKey, signedBy: PeerKey));
        var (id, jws) = Peer.NewNote("after its retirement", with: PeerKey);

        var response = await ReceiveAsync(Retirement(PeerKey, signedBy: newKey), jws);

        Assert.Equal(Outcome.Accepted, response.Results[0].Outcome);
        AssertRejected(response.Results[1], RefusalReason.RetiredKey);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.RetiredKey, id);
    }
}
