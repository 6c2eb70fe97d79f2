using System.Text;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Tests.Qr;

public sealed class Crc16Tests
{
    [Theory]
    [InlineData("123456789", "29B1")] // the catalogue check value of CRC-16/CCITT-FALSE
    [InlineData("", "FFFF")] // nothing read: the initial value
    [InlineData("A", "B915")]
    public void KnownVectors(string text, string expected) => Assert.Equal(expected, Crc16.Hex(text));

    [Fact]
    public void TheEmvcoExample_IsCheckedOverUtf8Bytes_UpToAndIncluding6304()
    {
        var body = Samples.EmvcoSpecExample[..^4];
        Assert.EndsWith("6304", body);
        Assert.Equal("A13A", Crc16.Hex(body));
        // Over UTF-16 code units the Chinese names would give another checksum.
        Assert.NotEqual(0xA13A, Crc16.Compute(Encoding.Unicode.GetBytes(body)));
    }

    [Fact]
    public void IsUpperCaseHex_PaddedToFourDigits()
    {
        var hex = Enumerable.Range(0, 2000).Select(i => Crc16.Hex(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.All(hex, h => Assert.Matches("^[0-9A-F]{4}$", h));
    }
}
