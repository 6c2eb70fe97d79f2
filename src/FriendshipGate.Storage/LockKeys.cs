using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Storage;

/// <summary>Stable 64-bit keys for PostgreSQL advisory locks, one per schema and purpose.</summary>
public static class LockKeys
{
    public static long For(string schema, string purpose) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(schema + "/" + purpose)), 0);
}
