using System.Buffers.Text;
using System.Text;

namespace FriendshipGate.Exchange.Tests;

public sealed class JwsTests
{
    public static TheoryData<string> Algorithms => [SignatureAlgorithm.ES256, SignatureAlgorithm.SM2SM3];

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}");

    private static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    [Theory, MemberData(nameof(Algorithms))]
    public void SignThenParse_GivesTheHeaderAndPayloadAndVerifies(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        var compact = Jws.Sign(Jws.MessageType, Payload, key);
        var parts = Jws.Parse(compact);

        Assert.Equal((algorithm, key.KeyId, Jws.MessageType), (parts.Algorithm, parts.KeyId, parts.Type));
        Assert.Equal(Payload, parts.Payload);
        Assert.Equal(3, compact.Split('.').Length);
        Assert.True(parts.Verify(key.PublicKey));
        Assert.Equal(Hashes.Sha256(Encoding.ASCII.GetBytes(compact)), parts.Hash);
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void Verify_WithAnotherKey_Fails(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        using var other = SigningKey.Generate(algorithm);

        Assert.False(Jws.Parse(Jws.Sign(Jws.MessageType, Payload, key)).Verify(other.PublicKey));
    }

    [Theory, MemberData(nameof(Algorithms))]
    public void Verify_AfterTheSignedPayloadChanged_Fails(string algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var parts = Jws.Sign(Jws.MessageType, Payload, key).Split('.');
        var changed = parts[0] + "." + B64("{\"hello\":\"World\"}") + "." + parts[2];

        Assert.False(Jws.Parse(changed).Verify(key.PublicKey));
    }

    [Fact]
    public void Verify_HeaderNamingAnotherAlgorithm_Fails()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.ES256);
        var signingInput = B64($"{{\"alg\":\"SM2SM3\",\"kid\":\"{key.KeyId}\",\"typ\":\"x\"}}") + "." + Base64Url.EncodeToString(Payload);
        var compact = signingInput + "." + Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signingInput)));

        Assert.False(Jws.Parse(compact).Verify(key.PublicKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("onlyonepart")]
    [InlineData("two.parts")]
    [InlineData("a.b.c.d")]
    public void Parse_NotThreeParts_IsRefused(string compact)
    {
        var refusal = Assert.Throws<ExchangeRefusal>(() => Jws.Parse(compact));

        Assert.Equal(RefusalReason.MalformedEnvelope, refusal.Reason);
    }

    public static TheoryData<string> Undecodable => new()
    {
        "eyJ!bGci.e30.AAAA",                       // '!' in the header
        B64("{\"alg\":\"ES256\",\"kid\":\"k\"}") + ".e3+0.AAAA", // '+' is base64, not base64url
        B64("{\"alg\":\"ES256\",\"kid\":\"k\"}") + ".e30.AA*A", // '*' in the signature
        B64("not json") + ".e30.AAAA",
        B64("{\"kid\":\"k\"}") + ".e30.AAAA",       // no alg
        B64("{\"alg\":\"ES256\"}") + ".e30.AAAA",   // no kid
        B64("{\"alg\":7,\"kid\":\"k\"}") + ".e30.AAAA",
    };

    [Theory, MemberData(nameof(Undecodable))]
    public void Parse_UndecodablePartOrHeader_IsRefused(string compact) =>
        Assert.Equal(RefusalReason.MalformedEnvelope, Assert.Throws<ExchangeRefusal>(() => Jws.Parse(compact)).Reason);

    [Fact]
    public void Parse_RefusesWithTheReasonTheCallerNames() =>
        Assert.Equal(RefusalReason.MalformedTransmission,
            Assert.Throws<ExchangeRefusal>(() => Jws.Parse("two.parts", RefusalReason.MalformedTransmission)).Reason);

    [Fact]
    public void Parse_HeaderWithNullOrEmptyKidOrAlg_IsRefused()
    {
        foreach (var header in new[] { "{\"alg\":\"ES256\",\"kid\":null}", "{\"alg\":null,\"kid\":\"k\"}", "{\"alg\":\"ES256\",\"kid\":\"\"}" })
            Assert.Equal(RefusalReason.MalformedEnvelope, Assert.Throws<ExchangeRefusal>(() => Jws.Parse(B64(header) + ".e30.AAAA")).Reason);
    }
}
