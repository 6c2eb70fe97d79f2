using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// The CN side reduced to a signing key and the wire format: builds signed messages (an envelope in a
/// fgate-message+jws) and signed transmissions (a <see cref="TransmissionBody"/> in a fgate-transmission+jws).
/// </summary>
internal sealed class PeerSender(SigningKey key, TimeProvider time)
{
    public NodeId Self { get; init; } = TestNode.Cn;
    public NodeId Receiver { get; init; } = TestNode.Vn;

    /// <summary>The key that signs from now on (a rotation replaces it).</summary>
    public SigningKey Key { get; set; } = key;

    public DateTimeOffset Now => WireJson.Truncate(time.GetUtcNow());

    /// <summary>The UTF-8 JSON of an envelope, as <see cref="Envelope.Create"/> writes it.</summary>
    public byte[] EnvelopeJson(MessageId id, string type, object payload, DateTimeOffset? createdAt = null, NodeId? receiver = null)
    {
        var payloadJson = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), WireJson.Options);
        return Envelope.Create(id, type, 1, Self, receiver ?? Receiver, WireJson.Truncate(createdAt ?? Now), "test/" + id, payloadJson).Json;
    }

    /// <summary>A signed message of any type.</summary>
    public string Sign(MessageId id, string type, object payload, DateTimeOffset? createdAt = null, SigningKey? with = null, NodeId? receiver = null) =>
        Jws.Sign(Jws.MessageType, EnvelopeJson(id, type, payload, createdAt, receiver), with ?? Key);

    /// <summary>A signed "test.note" message.</summary>
    public string Note(MessageId id, string text = "hello", DateTimeOffset? createdAt = null, SigningKey? with = null, NodeId? receiver = null) =>
        Sign(id, RecordingHandler.Type, new { text }, createdAt, with, receiver);

    public (MessageId Id, string Jws) NewNote(string text = "hello", DateTimeOffset? createdAt = null, SigningKey? with = null)
    {
        var id = MessageId.New(time);
        return (id, Note(id, text, createdAt, with));
    }

    /// <summary>A note whose payload was changed after its hash was written, then validly signed: only the hash check fails.</summary>
    public (MessageId Id, string Jws) NoteWithChangedPayload()
    {
        var id = MessageId.New(time);
        var json = Encoding.UTF8.GetString(EnvelopeJson(id, RecordingHandler.Type, new { text = "hello" }));
        var changed = json.Replace("\"text\":\"hello\"", "\"text\":\"hellO\"", StringComparison.Ordinal);
        Assert.NotEqual(json, changed);
        return (id, Jws.Sign(Jws.MessageType, Encoding.UTF8.GetBytes(changed), Key));
    }

    /// <summary>The same JWS with one byte of its signature flipped.</summary>
    public static string WithChangedSignature(string jws)
    {
        var dot = jws.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(jws.AsSpan(dot + 1));
        signature[10] ^= 0x01;
        return jws[..(dot + 1)] + Base64Url.EncodeToString(signature);
    }

    /// <summary>A signed transmission carrying <paramref name="messages"/> in order, listing each one's hash.</summary>
    public TransmissionRequest Transmission(IReadOnlyList<string> messages, DateTimeOffset? sentAt = null, NodeId? sender = null,
        SigningKey? with = null, IReadOnlyList<string>? listedHashes = null)
    {
        var body = new TransmissionBody(MessageId.New(time).ToString(), sender ?? Self, Receiver, WireJson.Truncate(sentAt ?? Now),
            listedHashes ?? messages.Select(HashOf).ToList());
        var header = Jws.Sign(Jws.TransmissionType, JsonSerializer.SerializeToUtf8Bytes(body, WireJson.Options), with ?? Key);
        return new TransmissionRequest(header, messages);
    }

    public TransmissionRequest Transmission(params string[] messages) => Transmission((IReadOnlyList<string>)messages);

    /// <summary>What the transmission header lists and receipts name: SHA-256 of the compact JWS (ASCII).</summary>
    public static string HashOf(string jws) => Hashes.Sha256(Encoding.ASCII.GetBytes(jws));
}
