using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.Qr.Samples;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>Profile-aware validation: the same payload judged by EMVCo core, VietQR and UnionPay, each violation named.</summary>
public sealed class QrProfileRulesTests
{
    [Fact]
    public void AVietQrTransfer_IsValidUnderVietQr_ButNotUnderStrictEmvco_ForWantOfCategoryNameAndCity()
    {
        var vietqr = QrDecoder.Decode(VietQrTransfer, QrProfile.VietQr);
        Assert.True(vietqr.Valid, string.Join("; ", vietqr.Errors));
        Assert.True(vietqr.CrcValid);

        var emvco = QrDecoder.Decode(VietQrTransfer, QrProfile.Emvco);
        Assert.False(emvco.Valid);
        Assert.True(emvco.CrcValid);
        Assert.Equal([("52", QrRule.Mandatory), ("59", QrRule.Mandatory), ("60", QrRule.Mandatory)], emvco.Errors.Select(e => (e.Tag, e.Rule)));
        Assert.Equal("Merchant name (59) is mandatory under the emvco profile.", emvco.Errors[1].Message);
    }

    [Theory]
    [InlineData(EmvcoSpecExample, "emvco")]
    [InlineData(VietQrWithLocalName, "emvco")]
    [InlineData(VietQrWithLocalName, "vietqr")]
    [InlineData(UnionPayIn15, "emvco")]
    [InlineData(UnionPayIn15, "unionpay")]
    [InlineData(UnionPayIn26, "unionpay")]
    [InlineData(WithEmoji, "vietqr")]
    public void Valid(string payload, string profile)
    {
        var decoding = QrDecoder.Decode(payload, QrProfile.Parse(profile));
        Assert.True(decoding.Valid, string.Join("; ", decoding.Errors));
        Assert.Equal(profile, decoding.Profile);
    }

    [Fact]
    public void TheStrictSample_KeepsEveryProfileButUnionPay()
    {
        Assert.True(QrDecoder.Decode(Strict(), QrProfile.Emvco).Valid);
        Assert.True(QrDecoder.Decode(Strict(), QrProfile.VietQr).Valid);
        Assert.Equal([("15", QrRule.Mandatory)], QrDecoder.Decode(Strict(), QrProfile.UnionPay).Errors.Select(e => (e.Tag, e.Rule)));
    }

    [Fact]
    public void TheEmvcoExample_UnderVietQr_LacksTheNapasAccount_AndIsNotInDong()
    {
        var decoding = QrDecoder.Decode(EmvcoSpecExample, QrProfile.VietQr);
        Assert.Equal([("53", QrRule.Value), ("58", QrRule.Value), ("38", QrRule.Mandatory)], decoding.Errors.Select(e => (e.Tag, e.Rule)));
    }

    public static TheoryData<string, (string, string?)[], string, string> OneBrokenRule => new()
    {
        { "emvco", [("59", null)], "59", QrRule.Mandatory },
        { "emvco", [("59", new string('N', 26))], "59", QrRule.Length },
        { "emvco", [("60", new string('C', 16))], "60", QrRule.Length },
        { "emvco", [("52", "478")], "52", QrRule.Length },
        { "emvco", [("52", "47A9")], "52", QrRule.Format },
        { "emvco", [("59", "Cửa khẩu Hữu Nghị")], "59", QrRule.Format },
        { "emvco", [("00", "02")], "00", QrRule.Value },
        { "emvco", [("01", "13")], "01", QrRule.Value },
        { "emvco", [("54", "150,000")], "54", QrRule.Format },
        { "emvco", [("54", "150000.5")], "54", QrRule.Value },
        { "emvco", [("58", "vn")], "58", QrRule.Format },
        { "emvco", [("55", "02")], "56", QrRule.Mandatory },
        { "emvco", [("56", "5000")], "56", QrRule.Value },
        { "emvco", [("55", "03"), ("57", "120")], "57", QrRule.Value },
        { "emvco", [("55", "04")], "55", QrRule.Value },
        { "emvco", [("62", Tlv("09", "MX"))], "62.09", QrRule.Value },
        { "emvco", [("62", Tlv("08", new string('P', 26)))], "62.08", QrRule.Length },
        { "emvco", [("38", Tlv("01", "X"))], "38.00", QrRule.Mandatory },
        { "emvco", [("64", Tlv("01", "友谊关"))], "64.00", QrRule.Mandatory },
        { "vietqr", [("53", null)], "53", QrRule.Mandatory },
        { "vietqr", [("53", "156")], "53", QrRule.Value },
        { "vietqr", [("58", "CN")], "58", QrRule.Value },
        { "vietqr", [("38", null)], "38", QrRule.Mandatory },
        { "vietqr", [("38", VietQrAccount(guid: "A000000728"))], "38.00", QrRule.Value },
        { "vietqr", [("38", VietQrAccount(service: "QRTRANSF"))], "38.02", QrRule.Value },
        { "vietqr", [("38", VietQrAccount(bin: "97043"))], "38.01.00", QrRule.Length },
        { "vietqr", [("38", VietQrAccount(bin: "97043A"))], "38.01.00", QrRule.Format },
        { "vietqr", [("38", VietQrAccount(account: new string('1', 20)))], "38.01.01", QrRule.Length },
        { "vietqr", [("38", VietQrAccount(service: "QRIBFTTC", account: "9704ABC"))], "38.01.01", QrRule.Format },
        { "vietqr", [("38", Tlv("00", "A000000727") + Tlv("02", "QRIBFTTA"))], "38.01", QrRule.Mandatory },
        { "unionpay", [("15", "2500ABCD")], "15", QrRule.Format },
    };

    [Theory]
    [MemberData(nameof(OneBrokenRule))]
    public void EachBrokenRule_IsNamedByTagAndRule(string profile, (string, string?)[] changes, string tag, string rule)
    {
        var decoding = QrDecoder.Decode(Strict(changes), QrProfile.Parse(profile));
        var violation = Assert.Single(decoding.Errors);
        Assert.Equal((tag, rule), (violation.Tag, violation.Rule));
        Assert.EndsWith(".", violation.Message);
        Assert.False(decoding.Valid);
        Assert.True(decoding.CrcValid);
    }

    [Fact]
    public void AllViolations_AreReportedAtOnce()
    {
        var decoding = QrDecoder.Decode(Strict(("00", "02"), ("52", "ABCD"), ("59", null), ("60", new string('C', 16)), ("53", "156")), QrProfile.VietQr);
        // 59 may be absent under VietQR; the four others are each reported.
        Assert.Equal([("00", QrRule.Value), ("52", QrRule.Format), ("53", QrRule.Value), ("60", QrRule.Length)],
            decoding.Errors.Select(e => (e.Tag, e.Rule)).OrderBy(e => e.Tag, StringComparer.Ordinal));
    }

    [Fact]
    public void AnAlteredAmount_BreaksTheCrc()
    {
        var tampered = VietQrTransfer.Replace("5406150000", "5406950000", StringComparison.Ordinal);
        var decoding = QrDecoder.Decode(tampered, QrProfile.VietQr);
        Assert.False(decoding.CrcValid);
        var crc = Assert.Single(decoding.Errors);
        Assert.Equal(("63", QrRule.Crc), (crc.Tag, crc.Rule));
        Assert.Contains("7EB4", crc.Message);
    }

    [Fact]
    public void TheCrc_IsComparedWithoutRegardToCase_ButMustBeHex()
    {
        Assert.True(QrDecoder.Decode(VietQrTransfer[..^4] + "7eb4", QrProfile.VietQr).Valid);
        var notHex = QrDecoder.Decode(VietQrTransfer[..^4] + "7EBZ", QrProfile.VietQr);
        Assert.Equal([("63", QrRule.Format)], notHex.Errors.Select(e => (e.Tag, e.Rule)));
        var missing = QrDecoder.Decode(VietQrTransfer[..^8], QrProfile.VietQr);
        Assert.Equal([("63", QrRule.Mandatory)], missing.Errors.Select(e => (e.Tag, e.Rule)));
        Assert.False(missing.CrcValid);
    }

    [Fact]
    public void OrderViolations_00NotFirst_63NotLast()
    {
        var swapped = Payload(Tlv("01", "12"), Tlv("00", "01"), Tlv("38", VietQrAccount()), Tlv("53", "704"), Tlv("58", "VN"));
        Assert.Equal([("00", QrRule.Order)], QrDecoder.Decode(swapped, QrProfile.VietQr).Errors.Select(e => (e.Tag, e.Rule)));

        var trailing = QrDecoder.Decode(VietQrTransfer + Tlv("61", "10000"), QrProfile.VietQr);
        Assert.True(trailing.CrcValid);
        Assert.Equal([("63", QrRule.Order)], trailing.Errors.Select(e => (e.Tag, e.Rule)));
    }

    [Fact]
    public void UnionPay_NeedsAUnionPayAccount()
    {
        var decoding = QrDecoder.Decode(VietQrTransfer, QrProfile.UnionPay);
        Assert.Equal([("52", QrRule.Mandatory), ("59", QrRule.Mandatory), ("60", QrRule.Mandatory), ("15", QrRule.Mandatory)],
            decoding.Errors.Select(e => (e.Tag, e.Rule)));
        Assert.Contains("A000000333", decoding.Errors[^1].Message);
        Assert.Equal("Merchant account information template (UnionPay)", QrDecoder.Read(UnionPayIn26).Find("26")!.Name);
    }

    [Fact]
    public void EveryRuleCode_IsOneOfTheDocumentedOnes()
    {
        var payloads = OneBrokenRule.Select(row => Strict(((string, string?)[])row[1])).Append(VietQrTransfer[..40]).Append("000201AB");
        foreach (var profile in QrProfile.All)
            Assert.All(payloads.SelectMany(p => QrDecoder.Decode(p, profile).Errors), e => Assert.Contains(e.Rule, QrRule.All));
    }

    [Theory]
    [InlineData("VietQR", "vietqr")]
    [InlineData(" emvco ", "emvco")]
    [InlineData("UNIONPAY", "unionpay")]
    public void Profiles_ParseByName(string text, string name) => Assert.Equal(name, QrProfile.Parse(text).Name);

    [Theory]
    [InlineData("visa")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownProfiles_AreRefused(string? text)
    {
        Assert.False(QrProfile.TryParse(text, out _));
        Assert.Contains("emvco, vietqr or unionpay", Assert.Throws<FormatException>(() => QrProfile.Parse(text)).Message);
    }
}
