using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Exchange.Tests;

public sealed class SigningKeyTests
{
    public static TheoryData<string> Algorithms => [SignatureAlgorithm.ES256, SignatureAlgorithm.SM2SM3];

    private static readonly byte[] Data = Encoding.UTF8.GetBytes("FriendshipGate: Hữu Nghị / 友谊关");

    [Theory, MemberData(nameof(Algorithms))]
    public void Sign_ThenVerifyWithItsPublicKey_Succeeds(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        var signature = key.Sign(Data);

        Assert.Equal(64, signature.Length); // r||s, as JWS wants it
        Assert.Equal(algorithm, key.Algorithm);
        Assert.True(key.PublicKey.Verify(Data, signature));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void Verify_SignatureByAnotherKey_Fails(string algorithm)
    {
        using var signer = SigningKey.Generate(algorithm);
        using var other = SigningKey.Generate(algorithm);

        Assert.False(other.PublicKey.Verify(Data, signer.Sign(Data)));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void Verify_AfterOneByteOfTheSignedInputChanged_Fails(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var signature = key.Sign(Data);
        var changed = Data.ToArray();
        changed[7] ^= 0x20;

        Assert.False(key.PublicKey.Verify(changed, signature));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void Verify_SignatureOfWrongLength_Fails(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var signature = key.Sign(Data);

        Assert.False(key.PublicKey.Verify(Data, signature.AsSpan(0, 63)));
        Assert.False(key.PublicKey.Verify(Data, [.. signature, 0]));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void ExportPemThenImport_KeepsTheKeyIdAndTheAbilityToSign(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        var pem = key.ExportPkcs8Pem();
        using var imported = SigningKey.ImportPem(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem);
        Assert.Equal((key.KeyId, key.Algorithm), (imported.KeyId, imported.Algorithm));
        Assert.True(key.PublicKey.Verify(Data, imported.Sign(Data)));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void KeyId_IsBase64UrlSha256OfTheSubjectPublicKeyInfo(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        var expected = Base64Url.EncodeToString(SHA256.HashData(key.PublicKey.SubjectPublicKeyInfo));

        Assert.Equal(expected, key.KeyId);
        Assert.Equal(43, key.KeyId.Length); // 32 bytes, unpadded
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void PublicKeyFromItsSpki_HasTheSameIdAndVerifies(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        var fromWire = VerificationKey.FromBase64Url(algorithm, key.PublicKey.SubjectPublicKeyInfoBase64Url);

        Assert.Equal(key.KeyId, fromWire.KeyId);
        Assert.True(fromWire.Verify(Data, key.Sign(Data)));
    }

    [Fact]
    public void FromSubjectPublicKeyInfo_P256KeyAsSm2OrNoKeyAtAll_IsRefused()
    {
        using var es256 = SigningKey.Generate(SignatureAlgorithm.ES256);

        Assert.Throws<FormatException>(() => VerificationKey.FromSubjectPublicKeyInfo(SignatureAlgorithm.SM2SM3, es256.PublicKey.SubjectPublicKeyInfo));
        Assert.Throws<FormatException>(() => VerificationKey.FromSubjectPublicKeyInfo(SignatureAlgorithm.ES256, [0x30, 0x03, 0x02, 0x01, 0x00]));
    }

    [Fact]
    public void FromSubjectPublicKeyInfo_KeyOnAnother256BitCurveAsEs256_IsRefused()
    {
        using var sm2 = SigningKey.Generate(SignatureAlgorithm.SM2SM3);
        using var secp256k1 = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp256k1"));
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);

        Assert.Throws<FormatException>(() => VerificationKey.FromSubjectPublicKeyInfo(SignatureAlgorithm.ES256, sm2.PublicKey.SubjectPublicKeyInfo));
        Assert.Throws<FormatException>(() => VerificationKey.FromSubjectPublicKeyInfo(SignatureAlgorithm.ES256, secp256k1.ExportSubjectPublicKeyInfo()));
        Assert.Throws<FormatException>(() => VerificationKey.FromSubjectPublicKeyInfo(SignatureAlgorithm.ES256, brainpool.ExportSubjectPublicKeyInfo()));
        Assert.Throws<FormatException>(() => SigningKey.ImportPem(secp256k1.ExportPkcs8PrivateKeyPem()));
    }

    [Theory]
    [InlineData("es256", SignatureAlgorithm.ES256)]
    [InlineData("SM2", SignatureAlgorithm.SM2SM3)]
    [InlineData("sm2-sm3", SignatureAlgorithm.SM2SM3)]
    [InlineData("SM2SM3", SignatureAlgorithm.SM2SM3)]
    public void Normalize_KnownSpelling_GivesTheJwsAlg(string text, string expected) =>
        Assert.Equal(expected, SignatureAlgorithm.Normalize(text));

    [Theory]
    [InlineData("RS256")]
    [InlineData("EdDSA")]
    [InlineData("")]
    public void Generate_UnsupportedAlgorithm_IsRefused(string algorithm) =>
        Assert.Throws<FormatException>(() => SigningKey.Generate(algorithm));

    [Fact]
    public void ImportPem_TextWithoutAPemBlock_IsRefused() =>
        Assert.Throws<FormatException>(() => SigningKey.ImportPem("not a key"));

    [Fact]
    public void ImportPem_P384Key_IsRefused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<FormatException>(() => SigningKey.ImportPem(p384.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void Ring_LoadsThePemFilesOfItsFolder_ByKeyId()
    {
        using var folder = new TempDirectory();
        using var es256 = SigningKey.Generate(SignatureAlgorithm.ES256);
        using var sm2 = SigningKey.Generate(SignatureAlgorithm.SM2SM3);
        var path = SigningKeyRing.WritePem(folder.Path, es256);
        SigningKeyRing.WritePem(folder.Path, sm2);

        var ring = new SigningKeyRing(folder.Path);

        Assert.Equal(es256.KeyId + ".pem", Path.GetFileName(path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path)); // a private key: owner only
        Assert.Equal(es256.KeyId, ring.Find(es256.KeyId)?.KeyId);
        Assert.Equal(sm2.KeyId, ring.Find(sm2.KeyId)?.KeyId);
        Assert.Throws<InvalidOperationException>(() => ring.Active); // no key signs until the registry lists it
    }
}
