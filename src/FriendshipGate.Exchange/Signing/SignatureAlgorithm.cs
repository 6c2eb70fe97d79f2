namespace FriendshipGate.Exchange;

/// <summary>The JWS "alg" values a node signs with.</summary>
public static class SignatureAlgorithm
{
    /// <summary>ECDSA P-256 with SHA-256 (RFC 7518 §3.4), the default.</summary>
    public const string ES256 = "ES256";

    /// <summary>SM2 (GB/T 32918) with SM3, default user id, r||s as 64 bytes: the option for the Chinese side.</summary>
    public const string SM2SM3 = "SM2SM3";

    public static string Normalize(string text) => text.ToUpperInvariant() switch
    {
        "ES256" => ES256,
        "SM2" or "SM2SM3" or "SM2-SM3" => SM2SM3,
        _ => throw new FormatException($"'{text}' is not a supported signature algorithm: use ES256 or SM2SM3."),
    };
}
