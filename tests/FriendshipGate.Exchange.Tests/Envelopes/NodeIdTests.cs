using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

public sealed class NodeIdTests
{
    [Theory]
    [InlineData("VN-HUUNGHI", "VN")]
    [InlineData("CN-YOUYIGUAN", "CN")]
    [InlineData("VN-1", "VN")]
    [InlineData("VN-LANG-SON-2", "VN")]
    [InlineData("CN-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "CN")] // 30 characters after the dash
    public void Parse_Valid_KeepsTheTextAndItsSide(string text, string side)
    {
        var id = NodeId.Parse(text);

        Assert.Equal((text, side, text), (id.Value, id.Side, id.ToString()));
        Assert.True(NodeId.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("VN")]
    [InlineData("VN-")]
    [InlineData("VNHUUNGHI")]
    [InlineData("vn-huunghi")]
    [InlineData("VN-huunghi")]
    [InlineData("V-HUUNGHI")]
    [InlineData("VNM-HUUNGHI")]
    [InlineData("VN_HUUNGHI")]
    [InlineData("VN-HỮU-NGHỊ")]
    [InlineData("VN-HUU NGHI")]
    [InlineData(" VN-HUUNGHI")]
    [InlineData("VN-HUUNGHI ")]
    [InlineData("CN-ABCDEFGHIJKLMNOPQRSTUVWXYZ01234")] // 31 characters after the dash
    public void TryParse_Invalid_IsRefused(string? text)
    {
        Assert.False(NodeId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithAnExample()
    {
        var error = Assert.Throws<FormatException>(() => NodeId.Parse("vn-huunghi"));

        Assert.Contains("'vn-huunghi'", error.Message);
        Assert.Contains("VN-HUUNGHI", error.Message);
    }

    [Theory]
    [InlineData("VN-HUUNGHI\n")]
    [InlineData("CN-YOUYIGUAN\n")]
    public void TryParse_TrailingNewline_IsRefused(string text) => Assert.False(NodeId.TryParse(text, out _));

    [Fact]
    public void Json_RoundTripsAsAPlainString()
    {
        var json = JsonSerializer.Serialize(NodeId.Parse("CN-YOUYIGUAN"), WireJson.Options);

        Assert.Equal("\"CN-YOUYIGUAN\"", json);
        Assert.Equal(NodeId.Parse("CN-YOUYIGUAN"), JsonSerializer.Deserialize<NodeId>(json, WireJson.Options));
        Assert.Throws<FormatException>(() => JsonSerializer.Deserialize<NodeId>("\"cn-x\"", WireJson.Options));
    }
}
