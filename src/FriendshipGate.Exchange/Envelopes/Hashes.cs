using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Exchange;

/// <summary>SHA-256 digests written as unpadded base64url, the form used everywhere on the wire.</summary>
public static class Hashes
{
    public static string Sha256(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(data, digest);
        return Base64Url.EncodeToString(digest);
    }

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>, encoded into a pooled buffer (no copy kept).</summary>
    public static string Sha256(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Sha256(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
