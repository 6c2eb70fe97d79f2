using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

public sealed class MessageIdTests
{
    [Theory]
    [InlineData("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b")]
    [InlineData("01977f7a-0c00-7000-bfff-ffffffffffff")]
    [InlineData("0190A1B2-C3D4-7E5F-8A1B-2C3D4E5F6A7B")] // upper case is the same UUID
    public void Parse_UuidVersion7_IsAccepted(string text)
    {
        var id = MessageId.Parse(text);

        Assert.Equal(7, id.Value.Version);
        Assert.Equal(text.ToLowerInvariant(), id.ToString());
        Assert.True(MessageId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000000")] // nil
    [InlineData("f47ac10b-58cc-4372-a567-0e02b2c3d479")] // version 4
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8")] // version 1
    [InlineData("0190a1b2-c3d4-8e5f-8a1b-2c3d4e5f6a7b")] // version 8
    [InlineData("0190a1b2c3d47e5f8a1b2c3d4e5f6a7b")]     // no dashes
    [InlineData("{0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b}")] // braces
    [InlineData("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b-0")]
    [InlineData("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7")]
    public void TryParse_NotAUuidVersion7_IsRefused(string? text)
    {
        Assert.False(MessageId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_NotAUuidVersion7_ThrowsNamingTheText()
    {
        var error = Assert.Throws<FormatException>(() => MessageId.Parse("f47ac10b-58cc-4372-a567-0e02b2c3d479"));

        Assert.Contains("f47ac10b-58cc-4372-a567-0e02b2c3d479", error.Message);
        Assert.Contains("version 7", error.Message);
    }

    [Theory]
    [InlineData("0190a1b2-c3d4-7e5f-0a1b-2c3d4e5f6a7b")] // variant 0xxx (NCS)
    [InlineData("0190a1b2-c3d4-7e5f-ca1b-2c3d4e5f6a7b")] // variant 110x (Microsoft)
    [InlineData(" 0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b")]
    [InlineData("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b\n")]
    public void TryParse_WrongVariantOrPadding_IsRefused(string text) => Assert.False(MessageId.TryParse(text, out _));

    [Fact]
    public void New_CarriesTheClocksMillisecondsAndSortsByTime()
    {
        var time = new ManualTime();
        var first = MessageId.New(time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = MessageId.New(time);

        var unixMs = Convert.ToInt64(first.ToString().Replace("-", "")[..12], 16);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds() - 1, unixMs);
        Assert.Equal(7, first.Value.Version);
        Assert.True(string.CompareOrdinal(first.ToString(), second.ToString()) < 0);
        Assert.NotEqual(MessageId.New(time), MessageId.New(time));
    }

    [Fact]
    public void Json_RoundTripsAsAPlainStringAndRefusesOtherVersions()
    {
        var id = MessageId.Parse("0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b");

        var json = JsonSerializer.Serialize(id, WireJson.Options);

        Assert.Equal("\"0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a7b\"", json);
        Assert.Equal(id, JsonSerializer.Deserialize<MessageId>(json, WireJson.Options));
        Assert.Throws<FormatException>(() => JsonSerializer.Deserialize<MessageId>("\"f47ac10b-58cc-4372-a567-0e02b2c3d479\"", WireJson.Options));
    }
}
