using System.Text.Json;

namespace FriendshipGate.Hydrology.Tests;

public sealed class StationCodeTests
{
    [Theory]
    [InlineData("VN-LAOCAI", "VN")]
    [InlineData("CN-HEKOU", "CN")]
    [InlineData("VN-AB", "VN")] // the shortest name: 2 characters
    [InlineData("CN-LONGZHOU2", "CN")] // digits are allowed
    [InlineData("VN-0123456789ABCDEF", "VN")] // the longest name: 16 characters
    public void A_valid_code_is_accepted_and_keeps_its_text_and_side(string text, string side)
    {
        var code = StationCode.Parse(text);

        Assert.Equal(text, code.Value);
        Assert.Equal(text, code.ToString());
        Assert.Equal(side, code.Side);
        Assert.True(StationCode.TryParse(text, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Theory]
    [InlineData(null, "nothing")]
    [InlineData("", "empty")]
    [InlineData("vn-laocai", "lower case")]
    [InlineData("VN-LaoCai", "mixed case")]
    [InlineData("Vn-LAOCAI", "lower-case side")]
    [InlineData("LAOCAI", "no side")]
    [InlineData("-LAOCAI", "empty side")]
    [InlineData("VNLAOCAI", "no dash")]
    [InlineData("US-LAOCAI", "a side other than VN or CN")]
    [InlineData("VNM-LAOCAI", "a three-letter side")]
    [InlineData("VN-", "no name")]
    [InlineData("VN-L", "a one-character name")]
    [InlineData("VN-0123456789ABCDEFG", "a 17-character name")]
    [InlineData("VN_LAOCAI", "an underscore for the dash")]
    [InlineData("VN-LAO-CAI", "a dash inside the name")]
    [InlineData("VN-LAO CAI", "a space inside the name")]
    [InlineData("VN-LÀOCAI", "a letter with a diacritic")]
    [InlineData("CN-河口", "Chinese characters")]
    [InlineData(" VN-LAOCAI", "a leading space")]
    [InlineData("VN-LAOCAI ", "a trailing space")]
    [InlineData("VN-LAOCAI\n", "a trailing newline")]
    public void A_code_that_breaks_the_pattern_is_refused(string? text, string why)
    {
        Assert.False(StationCode.TryParse(text, out var code), why);
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_of_a_bad_code_throws_a_format_error_quoting_it_and_giving_an_example()
    {
        var error = Assert.Throws<FormatException>(() => StationCode.Parse("vn-laocai"));

        Assert.Contains("'vn-laocai'", error.Message);
        Assert.Contains("VN-LAOCAI", error.Message);
    }

    [Fact]
    public void Codes_with_the_same_text_are_equal_and_different_texts_are_not()
    {
        Assert.Equal(StationCode.Parse("VN-LAOCAI"), StationCode.Parse("VN-LAOCAI"));
        Assert.NotEqual(StationCode.Parse("VN-LAOCAI"), StationCode.Parse("VN-HAGIANG"));
    }

    [Fact]
    public void The_default_code_prints_as_an_empty_string() => Assert.Equal("", default(StationCode).ToString());

    [Fact]
    public void In_json_a_code_is_a_plain_string_and_reads_back()
    {
        var json = JsonSerializer.Serialize(StationCode.Parse("CN-LONGZHOU"));

        Assert.Equal("\"CN-LONGZHOU\"", json);
        Assert.Equal(StationCode.Parse("CN-LONGZHOU"), JsonSerializer.Deserialize<StationCode>(json));
    }

    [Fact]
    public void Reading_a_bad_code_from_json_fails()
    {
        var error = Record.Exception(() => JsonSerializer.Deserialize<StationCode>("\"cn-longzhou\""));

        Assert.True(error is FormatException or JsonException, $"unexpected {error?.GetType().Name ?? "no exception"}");
    }
}
