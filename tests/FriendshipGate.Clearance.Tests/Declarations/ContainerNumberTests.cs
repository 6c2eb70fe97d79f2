namespace FriendshipGate.Clearance.Tests;

public sealed class ContainerNumberTests
{
    [Theory]
    [InlineData("CSQU3054383")]
    [InlineData("MSKU9070323")]
    [InlineData("TGHU 956782 0")]
    [InlineData("csqu305438-3")]
    public void ValidNumbers_Parse_Compact_AndUpperCase(string text)
    {
        Assert.True(ContainerNumber.TryParse(text, out var number, out var reason), reason);
        Assert.Equal(11, number.Value.Length);
        Assert.Equal(number.Value.ToUpperInvariant(), number.Value);
    }

    [Fact]
    public void CheckDigit_FollowsIso6346_IncludingTheTenCountsAsZeroRule()
    {
        Assert.Equal(3, ContainerNumber.CheckDigit("CSQU305438"));
        // Search the serials for one whose sum mod 11 is 10: ISO 6346 writes its check digit as 0.
        var serial = Enumerable.Range(0, 1000).Select(i => $"ABCU000{i:000}")
            .First(s => Sum(s) % 11 == 10);
        Assert.Equal(0, ContainerNumber.CheckDigit(serial));
        Assert.True(ContainerNumber.TryParse(serial + "0", out _, out _));
    }

    [Theory]
    [InlineData("CSQU3054384", "check digit")]
    [InlineData("CSQX3054383", "category")]
    [InlineData("CSQU305438", "ISO 6346")]
    [InlineData("", "ISO 6346")]
    [InlineData(null, "ISO 6346")]
    public void InvalidNumbers_AreRefused_SayingWhy(string? text, string expected)
    {
        Assert.False(ContainerNumber.TryParse(text, out _, out var reason));
        Assert.Contains(expected, reason);
    }

    // An independent reading of the standard: letter values from the ISO 6346 table, weights 2^position.
    private static int Sum(string first10)
    {
        const string letters = "A10B12C13D14E15F16G17H18I19J20K21L23M24N25O26P27Q28R29S30T31U32V34W35X36Y37Z38";
        var total = 0;
        for (var i = 0; i < 10; i++)
        {
            var c = first10[i];
            var value = char.IsDigit(c) ? c - '0' : int.Parse(letters.Substring(letters.IndexOf(c) + 1, 2));
            total += value * (1 << i);
        }
        return total;
    }
}
