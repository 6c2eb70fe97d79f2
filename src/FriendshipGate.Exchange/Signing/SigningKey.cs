using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace FriendshipGate.Exchange;

/// <summary>A node's private signing key (ES256 or SM2SM3), stored as PKCS#8 PEM.</summary>
public abstract class SigningKey : IDisposable
{
    public abstract VerificationKey PublicKey { get; }
    public string KeyId => PublicKey.KeyId;
    public string Algorithm => PublicKey.Algorithm;

    /// <summary>Signs <paramref name="data"/>; returns r||s (64 bytes). Thread-safe.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    public abstract string ExportPkcs8Pem();

    public abstract void Dispose();

    public static SigningKey Generate(string algorithm) => SignatureAlgorithm.Normalize(algorithm) switch
    {
        SignatureAlgorithm.ES256 => new Es256SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
        _ => Sm2SigningKey.Generate(),
    };

    /// <exception cref="FormatException">The PEM holds no P-256 or SM2 private key.</exception>
    public static SigningKey ImportPem(string pem)
    {
        var info = PrivateKeyInfo.GetInstance(new PemReader(new StringReader(pem)).ReadPemObject()?.Content
            ?? throw new FormatException("no PEM block found in the key file."));
        var curve = info.PrivateKeyAlgorithm.Parameters?.ToString();
        if (curve == Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm2p256v1.Id)
            return new Sm2SigningKey((ECPrivateKeyParameters)PrivateKeyFactory.CreateKey(info));
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        if (!Es256.IsP256(ecdsa)) throw new FormatException("the key is neither P-256 nor SM2.");
        return new Es256SigningKey(ecdsa);
    }
}

internal sealed class Es256SigningKey : SigningKey
{
    private readonly ECDsa ecdsa;
    private readonly ThreadLocal<ECDsa> perThread;

    public Es256SigningKey(ECDsa ecdsa)
    {
        this.ecdsa = ecdsa;
        var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
        perThread = new ThreadLocal<ECDsa>(() =>
        {
            var copy = ECDsa.Create();
            copy.ImportPkcs8PrivateKey(pkcs8, out _);
            return copy;
        });
        PublicKey = new Es256VerificationKey(ecdsa.ExportSubjectPublicKeyInfo());
    }

    public override VerificationKey PublicKey { get; }

    public override byte[] Sign(ReadOnlySpan<byte> data) => perThread.Value!.SignData(data, HashAlgorithmName.SHA256);

    public override string ExportPkcs8Pem() => ecdsa.ExportPkcs8PrivateKeyPem();

    public override void Dispose() => ecdsa.Dispose();
}

internal sealed class Sm2SigningKey : SigningKey
{
    private readonly ECPrivateKeyParameters privateKey;
    private readonly ThreadLocal<SM2Signer> perThread;

    public Sm2SigningKey(ECPrivateKeyParameters privateKey)
    {
        this.privateKey = privateKey;
        var q = privateKey.Parameters.G.Multiply(privateKey.D).Normalize();
        var publicParameters = new ECPublicKeyParameters(q, Sm2Curve.Domain);
        PublicKey = new Sm2VerificationKey(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicParameters).GetDerEncoded());
        perThread = new ThreadLocal<SM2Signer>(() =>
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(true, new ParametersWithRandom(privateKey, new SecureRandom()));
            return signer;
        });
    }

    public static Sm2SigningKey Generate()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Sm2Curve.Domain, new SecureRandom()));
        return new Sm2SigningKey((ECPrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    public override VerificationKey PublicKey { get; }

    public override byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signer = perThread.Value!;
        signer.Reset();
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public override string ExportPkcs8Pem()
    {
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(
            new ECPrivateKeyParameters(privateKey.D, Sm2Curve.Domain)).GetDerEncoded();
        return PemEncoding.WriteString("PRIVATE KEY", der);
    }

    public override void Dispose() { }
}
