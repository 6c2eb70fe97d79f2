using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Exchange;

/// <summary>SHA-256 digests written as unpadded base64url, the form used everywhere on the wire.</summary>
public static class Hashes
{
    public static string Sha256(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(SHA256.HashData(data));

    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));
}
