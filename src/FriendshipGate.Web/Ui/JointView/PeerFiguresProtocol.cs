using System.Text;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Web.Ui.JointView;

/// <summary>The body of POST /api/v1/peer/figures: a request JWS one way, the figures JWS back.</summary>
public sealed record FiguresRequest(string? Request);

public sealed record FiguresResponse(string Figures);

/// <summary>
/// How two nodes read each other's joint-view figures, authenticated by the keys they already trust for the exchange
/// (docs/decisions/0007): the asking node signs a short request (who asks, whom, when); the answering node checks it
/// like a transmission (registered, unretired key of its peer; addressed to it; inside the clock window) and answers its
/// figures signed with its own key, naming the hash of the request, so that an old answer cannot be passed off as new.
/// </summary>
public sealed class PeerFiguresProtocol(ExchangeOptions options, SigningKeyRing ownKeys, KeyRegistry keys, TimeProvider time)
{
    public const string RequestType = "fgate-figures-request+jws", FiguresType = "fgate-figures+jws";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record RequestBody(string From, string To, DateTimeOffset At);

    private sealed record FiguresBody(string From, string To, string InReplyTo, SideFigures Figures);

    /// <summary>
    /// A signed request for the peer's figures. Signed with the oldest key not retired, as receipts are: the peer surely knows it.
    /// </summary>
    public string NewRequest() =>
        Jws.Sign(RequestType, JsonSerializer.SerializeToUtf8Bytes(new RequestBody(options.Self.Value, options.Peer.Value, time.GetUtcNow()), Json), ownKeys.Established);

    /// <summary>Checks a request from the peer, before anything is read for it.</summary>
    /// <exception cref="ExchangeRefusal">The request is malformed, not from the peer, badly signed, for another node or stale.</exception>
    public void Check(string request)
    {
        var jws = Parse(request, RequestType);
        var body = Read<RequestBody>(jws);
        CheckSignature(jws, body.From);
        if (body.To != options.Self.Value)
            throw new ExchangeRefusal(RefusalReason.WrongReceiver, $"the request is addressed to {body.To}, this node is {options.Self}.");
        var skew = time.GetUtcNow() - body.At;
        if (skew.Duration() > options.ClockWindow)
            throw new ExchangeRefusal(RefusalReason.OutsideClockWindow, $"the request was signed {skew.TotalSeconds:0} s from this node's clock; the window is ±{options.ClockWindow.TotalSeconds:0} s.");
    }

    /// <summary>This node's figures, signed, in answer to a request <see cref="Check"/> accepted.</summary>
    public string Answer(string request, SideFigures figures) =>
        Jws.Sign(FiguresType, JsonSerializer.SerializeToUtf8Bytes(new FiguresBody(options.Self.Value, options.Peer.Value, Hashes.Sha256(Encoding.ASCII.GetBytes(request)), figures), Json),
            ownKeys.Established);

    /// <summary>Checks the peer's answer to <paramref name="request"/> and returns its figures.</summary>
    /// <exception cref="ExchangeRefusal">The answer is not the peer's, not signed by a key of the peer, or answers another request.</exception>
    public SideFigures Read(string request, string answer)
    {
        var jws = Parse(answer, FiguresType);
        var body = Read<FiguresBody>(jws);
        CheckSignature(jws, body.From);
        if (body.To != options.Self.Value)
            throw new ExchangeRefusal(RefusalReason.WrongReceiver, $"the figures are addressed to {body.To}, this node is {options.Self}.");
        if (body.InReplyTo != Hashes.Sha256(Encoding.ASCII.GetBytes(request)))
            throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, "the figures answer another request.");
        if (body.Figures.Node != body.From)
            throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, $"figures of {body.Figures.Node} signed by {body.From}.");
        return body.Figures;
    }

    private static JwsParts Parse(string compact, string type)
    {
        var jws = Jws.Parse(compact);
        return jws.Type == type ? jws : throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, $"typ is '{jws.Type}', expected '{type}'.");
    }

    private static T Read<T>(JwsParts jws)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(jws.Payload, Json) ?? throw new JsonException("empty payload");
        }
        catch (JsonException e)
        {
            throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, "the payload cannot be read: " + e.Message);
        }
    }

    // The same checks the inbox makes on a transmission: only the registered, unretired keys of the one peer count.
    private void CheckSignature(JwsParts jws, string sender)
    {
        if (sender != options.Peer.Value)
            throw new ExchangeRefusal(RefusalReason.UnknownSender, $"'{sender}' is not the trusted peer of {options.Self}.");
        var key = keys.Lookup(jws.KeyId);
        if (key is null || key.Owner != KeyOwner.Peer || key.NodeId != options.Peer)
            throw new ExchangeRefusal(RefusalReason.UnknownKey, $"key {jws.KeyId} is not a registered key of {sender}.");
        if (key.IsRetired)
            throw new ExchangeRefusal(RefusalReason.RetiredKey, $"key {jws.KeyId} of {sender} was retired.");
        if (!jws.Verify(key.Key))
            throw new ExchangeRefusal(RefusalReason.BadSignature, $"the {jws.Algorithm} signature does not verify with key {jws.KeyId}.");
    }
}
