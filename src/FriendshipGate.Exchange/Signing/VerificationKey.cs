using System.Buffers.Text;
using System.Security.Cryptography;

namespace FriendshipGate.Exchange;

/// <summary>
/// A public key that checks signatures. Its key id is the base64url SHA-256 of its SubjectPublicKeyInfo (DER),
/// so both sides compute the same id from the same key without agreeing on names.
/// </summary>
public abstract class VerificationKey
{
    protected VerificationKey(string algorithm, byte[] subjectPublicKeyInfo)
    {
        Algorithm = algorithm;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        KeyId = Hashes.Sha256(subjectPublicKeyInfo);
    }

    public string Algorithm { get; }
    public string KeyId { get; }
    public byte[] SubjectPublicKeyInfo { get; }
    public string SubjectPublicKeyInfoBase64Url => Base64Url.EncodeToString(SubjectPublicKeyInfo);

    /// <summary>True when <paramref name="signature"/> (r||s, 64 bytes) signs <paramref name="data"/>. Thread-safe.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <exception cref="FormatException">The key is not a valid P-256 or SM2 public key for <paramref name="algorithm"/>.</exception>
    public static VerificationKey FromSubjectPublicKeyInfo(string algorithm, byte[] spki)
    {
        try
        {
            return SignatureAlgorithm.Normalize(algorithm) switch
            {
                SignatureAlgorithm.ES256 => new Es256VerificationKey(spki),
                _ => new Sm2VerificationKey(spki),
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidCastException or IOException)
        {
            throw new FormatException($"not a valid {algorithm} public key: {e.Message}", e);
        }
    }

    public static VerificationKey FromBase64Url(string algorithm, string spki) =>
        FromSubjectPublicKeyInfo(algorithm, Base64Url.DecodeFromChars(spki));
}

internal sealed class Es256VerificationKey : VerificationKey
{
    // ECDsa instances are not documented as thread-safe: keep one per thread for parallel verification.
    private readonly ThreadLocal<ECDsa> perThread;

    public Es256VerificationKey(byte[] spki) : base(SignatureAlgorithm.ES256, spki)
    {
        using (var probe = ECDsa.Create())
        {
            probe.ImportSubjectPublicKeyInfo(spki, out _);
            if (!Es256.IsP256(probe)) throw new ArgumentException("the key is not on P-256.");
        }
        perThread = new ThreadLocal<ECDsa>(() =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
            return ecdsa;
        });
    }

    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && perThread.Value!.VerifyData(data, signature, HashAlgorithmName.SHA256);
}
