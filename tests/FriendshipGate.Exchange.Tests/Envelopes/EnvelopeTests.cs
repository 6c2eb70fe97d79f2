using System.Text;

namespace FriendshipGate.Exchange.Tests;

public sealed class EnvelopeTests
{
    private static readonly MessageId Id = MessageId.Parse("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b");
    private static readonly DateTimeOffset CreatedAt = new(2025, 6, 1, 8, 30, 15, 123, TimeSpan.Zero);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"station\":\"LS-01\",\"level\":2.5,\"note\":\"mực nước\"}");

    private static (Envelope Envelope, byte[] Json) Create(byte[]? payload = null) =>
        Envelope.Create(Id, "hydrology.observation", 2, TestNode.Cn, TestNode.Vn, CreatedAt, "stations/LS-01", payload ?? Payload);

    [Fact]
    public void CreateThenParse_GivesBackEveryField()
    {
        var (created, json) = Create();

        var parsed = Envelope.Parse(json);

        Assert.Equal((Id, "hydrology.observation", 2), (parsed.Id, parsed.Type, parsed.SchemaVersion));
        Assert.Equal((TestNode.Cn, TestNode.Vn), (parsed.Sender, parsed.Receiver));
        Assert.Equal((CreatedAt, "stations/LS-01"), (parsed.CreatedAt, parsed.Subject));
        Assert.Equal(Hashes.Sha256(Payload), parsed.PayloadHash);
        Assert.Equal(Encoding.UTF8.GetString(Payload), parsed.Payload.GetRawText());
        Assert.Equal(2.5, parsed.Payload.GetProperty("level").GetDouble());
        Assert.Equal((created.Id, created.PayloadHash, created.CreatedAt), (parsed.Id, parsed.PayloadHash, parsed.CreatedAt));
    }

    [Fact]
    public void Create_WritesCreatedAtInUtcWithMilliseconds()
    {
        var inHanoi = CreatedAt.ToOffset(TimeSpan.FromHours(7));

        var json = Encoding.UTF8.GetString(Envelope.Create(Id, "t", 1, TestNode.Cn, TestNode.Vn, inHanoi, "", Payload).Json);

        Assert.Contains("\"createdAt\":\"2025-06-01T08:30:15.123Z\"", json);
    }

    [Fact]
    public void Parse_PayloadByteChanged_IsRefusedForPayloadHashMismatch()
    {
        var json = Create().Json;
        var at = json.AsSpan().IndexOf("LS-01\",\"level"u8); // inside the payload, not the subject
        json[at + 3] = (byte)'2'; // LS-01 -> LS-21

        var refusal = Assert.Throws<ExchangeRefusal>(() => Envelope.Parse(json));

        Assert.Equal(RefusalReason.PayloadHashMismatch, refusal.Reason);
    }

    [Fact]
    public void Parse_PayloadWhitespaceChanged_IsRefusedForPayloadHashMismatch()
    {
        var text = Encoding.UTF8.GetString(Create().Json).Replace("\"level\":2.5", "\"level\": 2.5", StringComparison.Ordinal);

        Assert.Equal(RefusalReason.PayloadHashMismatch, Assert.Throws<ExchangeRefusal>(() => Envelope.Parse(Encoding.UTF8.GetBytes(text))).Reason);
    }

    /// <summary>Rows: what is broken, the text of a valid envelope it replaces, and the replacement.</summary>
    public static TheoryData<string, string, string> Breakages => new()
    {
        { "not JSON", "\"payloadHash\":", "\"payloadHash\"" },
        { "id missing", "\"id\":\"0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b\",", "" },
        { "id of version 4", "0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b", "f47ac10b-58cc-4372-a567-0e02b2c3d479" },
        { "type empty", "\"type\":\"hydrology.observation\"", "\"type\":\"\"" },
        { "sender not a node id", "\"sender\":\"CN-YOUYIGUAN\"", "\"sender\":\"china\"" },
        { "receiver missing", "\"receiver\":\"VN-HUUNGHI\",", "" },
        { "createdAt not a time", "\"createdAt\":\"2025-06-01T08:30:15.123Z\"", "\"createdAt\":\"yesterday\"" },
        { "schemaVersion a string", "\"schemaVersion\":2", "\"schemaVersion\":\"2\"" },
        { "payloadHash missing", "\"payloadHash\"", "\"payloadDigest\"" },
        { "payload missing", "\"payload\":", "\"body\":" },
    };

    [Theory, MemberData(nameof(Breakages))]
    public void Parse_MissingOrMalformedField_IsRefusedAsMalformedEnvelope(string breakage, string valid, string replacement)
    {
        var json = Encoding.UTF8.GetString(Create().Json);
        var broken = json.Replace(valid, replacement, StringComparison.Ordinal);
        Assert.True(json != broken, $"the row '{breakage}' changed nothing");

        var refusal = Assert.Throws<ExchangeRefusal>(() => Envelope.Parse(Encoding.UTF8.GetBytes(broken)));

        Assert.Equal(RefusalReason.MalformedEnvelope, refusal.Reason);
    }
}
