using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

/// <summary>Refusals: of one message (the batch goes on), and of a whole transmission (nothing is stored).</summary>
public abstract partial class InboxCompliance
{
    [StoreFact]
    public async Task Receive_PayloadChangedAfterHashingThenResigned_IsRejectedForPayloadHashMismatch()
    {
        var (id, jws) = Peer.NoteWithChangedPayload();

        var response = await ReceiveAsync(jws);

        AssertRejected(Assert.Single(response.Results), RefusalReason.PayloadHashMismatch);
        Assert.Empty(Node.Notes.Applied);
        var refused = await Node.EvidenceAsync(EvidenceKind.MessageRefused);
        Assert.Contains(refused, e => e.Reason == "payload-hash-mismatch" && e.Content == jws);
        Assert.DoesNotContain(await Node.EvidenceAsync(EvidenceKind.MessageReceived), e => e.MessageId == id.ToString());
    }

    [StoreFact]
    public async Task Receive_ChangedSignature_IsRejectedForBadSignature()
    {
        var (id, jws) = Peer.NewNote();

        var response = await ReceiveAsync(PeerSender.WithChangedSignature(jws));

        AssertRejected(Assert.Single(response.Results), RefusalReason.BadSignature);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.BadSignature, id);
    }

    [StoreFact]
    public async Task Receive_MessageSignedByUnregisteredKey_IsRejectedForUnknownKey()
    {
        using var stranger = SigningKey.Generate(SignatureAlgorithm.ES256);
        var (id, jws) = Peer.NewNote(with: stranger);

        var response = await ReceiveAsync(jws);

        AssertRejected(Assert.Single(response.Results), RefusalReason.UnknownKey);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.UnknownKey, id);
    }

    [StoreFact]
    public async Task Receive_MessageAddressedToAnotherNode_IsRejectedForWrongReceiver()
    {
        var id = MessageId.New(Time);

        var response = await ReceiveAsync(Peer.Note(id, receiver: NodeId.Parse("VN-LAOCAI")));

        AssertRejected(Assert.Single(response.Results), RefusalReason.WrongReceiver);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.WrongReceiver, id);
    }

    [StoreFact]
    public async Task Receive_MessageNotListedInTheSignedHeader_IsRejectedNotInTransmission()
    {
        var listed = Peer.NewNote("listed");
        var (id, smuggled) = Peer.NewNote("smuggled");
        var request = Peer.Transmission([listed.Jws, smuggled], listedHashes: [PeerSender.HashOf(listed.Jws), PeerSender.HashOf(listed.Jws + "x")]);

        var response = await Node.Inbox.ReceiveAsync(request);

        Assert.Equal(Outcome.Accepted, response.Results[0].Outcome);
        AssertRejected(response.Results[1], RefusalReason.NotInTransmission);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        Assert.Contains(await Node.EvidenceAsync(EvidenceKind.MessageRefused), e => e.Reason == "not-in-transmission" && e.Content == smuggled);
    }

    [StoreFact]
    public async Task Receive_MessageCreatedAheadOfTheClock_IsAcceptedWithinTheWindowAndRejectedBeyondIt()
    {
        var window = Node.Options.ClockWindow;
        var atEdge = Peer.NewNote("edge", createdAt: Peer.Now + window);
        var beyond = Peer.NewNote("beyond", createdAt: Peer.Now + window + TimeSpan.FromSeconds(1));

        var response = await ReceiveAsync(atEdge.Jws, beyond.Jws);

        Assert.Equal(Outcome.Accepted, response.Results[0].Outcome);
        AssertRejected(response.Results[1], RefusalReason.OutsideClockWindow);
        Assert.Equal([atEdge.Id], Node.Notes.Applied.Select(e => e.Id).ToArray());
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.OutsideClockWindow, beyond.Id);
    }

    [StoreFact]
    public async Task Receive_MessageOlderThanMaxMessageAge_IsRejectedTooOld()
    {
        var maxAge = Node.Options.MaxMessageAge;
        var atLimit = Peer.NewNote("limit", createdAt: Peer.Now - maxAge);
        var older = Peer.NewNote("older", createdAt: Peer.Now - maxAge - TimeSpan.FromSeconds(1));

        var response = await ReceiveAsync(atLimit.Jws, older.Jws);

        Assert.Equal(Outcome.Accepted, response.Results[0].Outcome);
        AssertRejected(response.Results[1], RefusalReason.TooOld);
        Assert.Equal([atLimit.Id], Node.Notes.Applied.Select(e => e.Id).ToArray());
        await AssertEvidenceAsync(EvidenceKind.MessageRefused, RefusalReason.TooOld, older.Id);
    }

    [StoreFact]
    public async Task Receive_TransmissionFromUnknownSender_IsRefusedWholeAndStoresNothing()
    {
        var (id, jws) = Peer.NewNote();

        var refusal = await Assert.ThrowsAsync<ExchangeRefusal>(() =>
            Node.Inbox.ReceiveAsync(Peer.Transmission([jws], sender: NodeId.Parse("CN-PINGXIANG"))));

        Assert.Equal(RefusalReason.UnknownSender, refusal.Reason);
        Assert.Equal(0, Node.Notes.TimesApplied(id));
        await AssertEvidenceAsync(EvidenceKind.TransmissionRefused, RefusalReason.UnknownSender);
        Assert.Empty(await Node.EvidenceAsync(EvidenceKind.MessageReceived));
        Assert.Empty(await Node.EvidenceAsync(EvidenceKind.ReceiptIssued));
    }

    [StoreFact]
    public async Task Receive_TransmissionSentBeyondTheClockWindowEitherWay_IsRefusedWhole()
    {
        var beyond = Node.Options.ClockWindow + TimeSpan.FromSeconds(1);
        foreach (var sentAt in new[] { Peer.Now - beyond, Peer.Now + beyond })
        {
            var (id, jws) = Peer.NewNote();

            var refusal = await Assert.ThrowsAsync<ExchangeRefusal>(() => Node.Inbox.ReceiveAsync(Peer.Transmission([jws], sentAt)));

            Assert.Equal(RefusalReason.OutsideClockWindow, refusal.Reason);
            Assert.Equal(0, Node.Notes.TimesApplied(id));
        }
        var refused = await Node.EvidenceAsync(EvidenceKind.TransmissionRefused);
        Assert.Equal(2, refused.Count(e => e.Reason == "outside-clock-window"));
        Assert.Empty(await Node.EvidenceAsync(EvidenceKind.ReceiptIssued));
    }

    [StoreFact]
    public async Task Receive_TransmissionSentAtTheEdgeOfTheClockWindow_IsAccepted()
    {
        var window = Node.Options.ClockWindow;
        var early = Peer.NewNote("early");
        var late = Peer.NewNote("late");

        await Node.Inbox.ReceiveAsync(Peer.Transmission([early.Jws], Peer.Now - window));
        await Node.Inbox.ReceiveAsync(Peer.Transmission([late.Jws], Peer.Now + window));

        Assert.Equal([early.Id, late.Id], Node.Notes.Applied.Select(e => e.Id).ToArray());
        Assert.Empty(await Node.EvidenceAsync(EvidenceKind.TransmissionRefused));
    }

    [StoreFact]
    public async Task Receive_TransmissionWhoseHeaderHasNullKid_IsRefusedAsMalformed()
    {
        var (_, jws) = Peer.NewNote();
        var body = new TransmissionBody(MessageId.New(Time).ToString(), TestNode.Cn, TestNode.Vn, Peer.Now, [PeerSender.HashOf(jws)]);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"ES256\",\"kid\":null,\"typ\":\"{Jws.TransmissionType}\"}}"));
        var signingInput = header + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options));
        var transmission = signingInput + "." + Base64Url.EncodeToString(PeerKey.Sign(Encoding.ASCII.GetBytes(signingInput)));

        var refusal = await Assert.ThrowsAsync<ExchangeRefusal>(() => Node.Inbox.ReceiveAsync(new TransmissionRequest(transmission, [jws])));

        Assert.Equal(RefusalReason.MalformedTransmission, refusal.Reason);
        Assert.Empty(Node.Notes.Applied);
        await AssertEvidenceAsync(EvidenceKind.TransmissionRefused, RefusalReason.MalformedTransmission);
    }
}
