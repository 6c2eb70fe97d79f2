using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>
/// JWS compact serialization (RFC 7515 §7.1): BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature).
/// The signing input is the ASCII bytes of the first two parts joined by ".".
/// </summary>
public static class Jws
{
    public const string MessageType = "fgate-message+jws";
    public const string TransmissionType = "fgate-transmission+jws";
    public const string ReceiptType = "fgate-receipt+jws";

    public static string Sign(string type, ReadOnlySpan<byte> payload, SigningKey key) => SignWithHash(type, payload, key).Compact;

    /// <summary>Signs, and returns the compact JWS with its hash (SHA-256 of its ASCII bytes), built in one buffer.</summary>
    public static (string Compact, string Hash) SignWithHash(string type, ReadOnlySpan<byte> payload, SigningKey key)
    {
        var header = EncodedHeader(key, type);
        var payloadLength = Base64Url.GetEncodedLength(payload.Length);
        var buffer = new byte[header.Length + 1 + payloadLength + 1 + Base64Url.GetEncodedLength(64)];
        header.CopyTo(buffer, 0);
        buffer[header.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payload, buffer.AsSpan(header.Length + 1));
        var signingInputLength = header.Length + 1 + payloadLength;
        var signature = key.Sign(buffer.AsSpan(0, signingInputLength));
        buffer[signingInputLength] = (byte)'.';
        var length = signingInputLength + 1 + Base64Url.EncodeToUtf8(signature, buffer.AsSpan(signingInputLength + 1));
        var bytes = buffer.AsSpan(0, length);
        return (Encoding.ASCII.GetString(bytes), Hashes.Sha256(bytes));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Kid, string Type), byte[]> Headers = new();

    private static byte[] EncodedHeader(SigningKey key, string type) => Headers.GetOrAdd((key.KeyId, type), _ =>
        Encoding.ASCII.GetBytes(Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"{key.Algorithm}\",\"kid\":\"{key.KeyId}\",\"typ\":\"{type}\"}}"))));

    /// <exception cref="ExchangeRefusal">Not three base64url parts, or the header lacks alg or kid (typ is checked by the caller).</exception>
    public static JwsParts Parse(string compact, RefusalReason malformed = RefusalReason.MalformedEnvelope)
    {
        var first = compact.IndexOf('.');
        var second = first < 0 ? -1 : compact.IndexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.IndexOf('.', second + 1) >= 0)
            throw new ExchangeRefusal(malformed, "not a JWS compact serialization (three base64url parts).");
        try
        {
            var (alg, kid, typ) = ParseHeader(compact.AsSpan(0, first));
            var payload = Base64Url.DecodeFromChars(compact.AsSpan(first + 1, second - first - 1));
            var signature = Base64Url.DecodeFromChars(compact.AsSpan(second + 1));
            return new JwsParts(compact, alg, kid, typ, payload, signature, second);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ExchangeRefusal(malformed, "the JWS cannot be decoded: " + e.Message);
        }
    }

    // Every message of a sender carries the same few headers: decode each distinct one once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Alg, string Kid, string Typ)> ParsedHeaders = new();

    private static (string Alg, string Kid, string Typ) ParseHeader(ReadOnlySpan<char> encoded)
    {
        var lookup = ParsedHeaders.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(encoded, out var known)) return known;
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
        var alg = header.RootElement.GetProperty("alg").GetString() is { Length: > 0 } a ? a : throw new FormatException("the header's alg is empty.");
        var kid = header.RootElement.GetProperty("kid").GetString() is { Length: > 0 } k ? k : throw new FormatException("the header's kid is empty.");
        var typ = header.RootElement.TryGetProperty("typ", out var t) ? t.GetString() ?? "" : "";
        // Bounded: a peer cannot grow the cache without limit by sending headers that differ.
        if (ParsedHeaders.Count < 1_000) ParsedHeaders.TryAdd(encoded.ToString(), (alg, kid, typ));
        return (alg, kid, typ);
    }
}

/// <summary>A decoded JWS. <see cref="Verify"/> checks it against one public key.</summary>
public sealed record JwsParts(string Compact, string Algorithm, string KeyId, string Type, byte[] Payload, byte[] Signature, int SigningInputLength)
{
    private byte[]? ascii;

    /// <summary>The compact serialization's bytes, encoded once for hashing and verifying.</summary>
    private byte[] Ascii => ascii ??= Encoding.ASCII.GetBytes(Compact);

    public bool Verify(VerificationKey key) =>
        key.KeyId == KeyId && key.Algorithm == Algorithm && key.Verify(Ascii.AsSpan(0, SigningInputLength), Signature);

    /// <summary>What receipts name: SHA-256 of the whole compact JWS (ASCII).</summary>
    public string Hash => Hashes.Sha256(Ascii);

    /// <summary>Reuses bytes the caller already encoded from <see cref="Compact"/>.</summary>
    internal JwsParts WithAscii(byte[] bytes)
    {
        ascii = bytes;
        return this;
    }
}
