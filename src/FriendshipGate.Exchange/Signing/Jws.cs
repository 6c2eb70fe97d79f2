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

    public static string Sign(string type, ReadOnlySpan<byte> payload, SigningKey key)
    {
        var header = $"{{\"alg\":\"{key.Algorithm}\",\"kid\":\"{key.KeyId}\",\"typ\":\"{type}\"}}";
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <exception cref="ExchangeRefusal">Not three base64url parts, or the header lacks alg or kid (typ is checked by the caller).</exception>
    public static JwsParts Parse(string compact, RefusalReason malformed = RefusalReason.MalformedEnvelope)
    {
        var first = compact.IndexOf('.');
        var second = first < 0 ? -1 : compact.IndexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.IndexOf('.', second + 1) >= 0)
            throw new ExchangeRefusal(malformed, "not a JWS compact serialization (three base64url parts).");
        try
        {
            var headerBytes = Base64Url.DecodeFromChars(compact.AsSpan(0, first));
            var payload = Base64Url.DecodeFromChars(compact.AsSpan(first + 1, second - first - 1));
            var signature = Base64Url.DecodeFromChars(compact.AsSpan(second + 1));
            using var header = JsonDocument.Parse(headerBytes);
            var alg = header.RootElement.GetProperty("alg").GetString() is { Length: > 0 } a ? a : throw new FormatException("the header's alg is empty.");
            var kid = header.RootElement.GetProperty("kid").GetString() is { Length: > 0 } k ? k : throw new FormatException("the header's kid is empty.");
            var typ = header.RootElement.TryGetProperty("typ", out var t) ? t.GetString() ?? "" : "";
            return new JwsParts(compact, alg, kid, typ, payload, signature, second);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ExchangeRefusal(malformed, "the JWS cannot be decoded: " + e.Message);
        }
    }
}

/// <summary>A decoded JWS. <see cref="Verify"/> checks it against one public key.</summary>
public sealed record JwsParts(string Compact, string Algorithm, string KeyId, string Type, byte[] Payload, byte[] Signature, int SigningInputLength)
{
    public bool Verify(VerificationKey key) =>
        key.KeyId == KeyId && key.Algorithm == Algorithm &&
        key.Verify(Encoding.ASCII.GetBytes(Compact, 0, SigningInputLength), Signature);

    /// <summary>What receipts name: SHA-256 of the whole compact JWS (ASCII).</summary>
    public string Hash => Hashes.Sha256(Encoding.ASCII.GetBytes(Compact));
}
