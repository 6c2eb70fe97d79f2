using System.Security.Cryptography;

namespace FriendshipGate.Exchange;

internal static class Es256
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>ES256 means P-256 exactly: other 256-bit curves (SM2, secp256k1, brainpool) are refused.</summary>
    public static bool IsP256(ECDsa key) => key.ExportParameters(false).Curve.Oid?.Value == P256Oid
        || key.ExportParameters(false).Curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1";
}
