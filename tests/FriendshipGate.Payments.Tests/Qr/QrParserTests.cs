using System.Text;
using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.Qr.Samples;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>The TLV layer: the tree keeps order and raw values, lengths count characters, and faults never throw.</summary>
public sealed class QrParserTests
{
    [Theory]
    [InlineData(EmvcoSpecExample)]
    [InlineData(VietQrTransfer)]
    [InlineData(VietQrWithLocalName)]
    [InlineData(UnionPayIn15)]
    [InlineData(UnionPayIn26)]
    [InlineData(WithEmoji)]
    public void RoundTrip_WritesBackExactlyWhatWasRead(string payload)
    {
        var tree = QrDecoder.Read(payload);
        Assert.Equal(payload, tree.Write());
    }

    [Fact]
    public void TheEmvcoExample_KeepsItsOrder_AndItsTemplatesAreRead()
    {
        var tree = QrDecoder.Read(EmvcoSpecExample);
        // Not in ascending order: EMVCo fixes only 00 first and 63 last.
        Assert.Equal(["00", "01", "29", "31", "52", "58", "59", "60", "64", "54", "53", "55", "62", "91", "63"], tree.Fields.Select(f => f.Id));
        Assert.Equal(("最佳运输", 4), (tree.Find("64.01")!.Value, tree.Find("64.01")!.Length));
        Assert.Equal("北京", tree.Find("64.02")!.Value);
        Assert.Equal(["03", "06", "07", "09"], tree.Find("62")!.Fields!.Select(f => f.Id));
        Assert.Equal("***", tree.Find("62.06")!.Value);
        Assert.Equal("A011223344998877", tree.Find("91.00")!.Value);
        Assert.Equal("23.72", tree.Find("54")!.Value);
    }

    [Fact]
    public void NapasTemplate_ReadsTheBeneficiaryOrganisationAsATemplate()
    {
        var tree = QrDecoder.Read(VietQrTransfer);
        var account = tree.Find("38")!;
        Assert.Equal("Merchant account information template (NAPAS VietQR)", account.Name);
        Assert.Equal(["38.00", "38.01", "38.02"], account.Fields!.Select(f => f.Tag));
        Assert.Equal(("970436", "Acquirer ID (bank BIN)"), (tree.Find("38.01.00")!.Value, tree.Find("38.01.00")!.Name));
        Assert.Equal("0011001234567", tree.Find("38.01.01")!.Value);
        Assert.Equal("QRIBFTTA", tree.Find("38.02")!.Value);
        Assert.Equal("PHI CAN XE 29C12345", tree.Find("62.08")!.Value);
        // Another network's template keeps 01 as plain data.
        Assert.Null(QrDecoder.Read(UnionPayIn26).Find("26.01")!.Fields);
    }

    [Theory]
    [InlineData("Cửa khẩu Hữu Nghị", 17)]
    [InlineData("友谊关", 3)]
    [InlineData("Lạng Sơn", 8)]
    [InlineData("Xe tải 🚚", 8)]
    public void Lengths_CountCharacters_NotBytesNorUtf16Units(string name, int characters)
    {
        Assert.Equal(characters, QrText.Length(name));
        Assert.True(Encoding.UTF8.GetByteCount(name) > characters);
        var payload = Payload(Tlv("00", "01"), Tlv("64", Tlv("00", "vi") + Tlv("01", name)));
        Assert.Contains(Tlv("01", name), payload);
        Assert.StartsWith($"01{characters:D2}", Tlv("01", name));
        var decoding = QrDecoder.Decode(payload, QrProfile.Emvco);
        Assert.True(decoding.CrcValid);
        Assert.DoesNotContain(decoding.Errors, e => e.Tag.StartsWith("64", StringComparison.Ordinal));
        Assert.Equal(name, QrDecoder.Read(payload).Find("64.01")!.Value);
    }

    [Fact]
    public void ALengthCountedInBytes_IsCaught()
    {
        // "友谊关" is 9 bytes in UTF-8; a producer that counted bytes wrote 09 and its template runs past its end.
        var template = "0002zh" + "0109友谊关";
        var decoding = QrDecoder.Decode(Payload(Tlv("00", "01"), Tlv("64", template)), QrProfile.Emvco);
        Assert.Contains(decoding.Errors, e => e is { Tag: "64.01", Rule: QrRule.Length } && e.Message.Contains("declares 9 characters but only 3 remain"));
        Assert.Contains(decoding.Errors, e => e is { Tag: "64.01", Rule: QrRule.Mandatory });
    }

    [Fact]
    public void Duplicates_AreNamed_AndTheFirstOneCounts()
    {
        var payload = Payload(Tlv("00", "01"), Tlv("01", "12"), Tlv("38", VietQrAccount()), Tlv("52", "4789"), Tlv("53", "704"), Tlv("58", "VN"),
            Tlv("59", "FIRST NAME"), Tlv("59", "SECOND NAME"), Tlv("60", "LANG SON"));
        var decoding = QrDecoder.Decode(payload, QrProfile.Emvco);
        var duplicate = Assert.Single(decoding.Errors);
        Assert.Equal(("59", QrRule.Duplicate), (duplicate.Tag, duplicate.Rule));
        Assert.Equal("FIRST NAME", QrDecoder.Read(payload).Find("59")!.Value);
        Assert.Equal(2, decoding.Fields.Count(f => f.Id == "59"));
    }

    [Fact]
    public void DuplicatesInsideATemplate_AreNamedByTheirPath()
    {
        var decoding = QrDecoder.Decode(Strict(("62", Tlv("08", "A") + Tlv("08", "B"))), QrProfile.VietQr);
        Assert.Equal([("62.08", QrRule.Duplicate)], decoding.Errors.Select(e => (e.Tag, e.Rule)));
    }

    [Fact]
    public void EveryTruncation_IsReportedAsViolations_NeverThrown()
    {
        for (var cut = 0; cut < VietQrTransfer.Length; cut++)
        {
            var decoding = QrDecoder.Decode(VietQrTransfer[..cut], QrProfile.VietQr);
            Assert.False(decoding.Valid, $"cut at {cut}");
            Assert.False(decoding.CrcValid, $"cut at {cut}");
            Assert.NotEmpty(decoding.Errors);
        }
    }

    [Theory]
    [InlineData("000201010212380", "38", QrRule.Length, "too short for an ID and a length")]
    [InlineData("00020101021238570010A000000727", "38", QrRule.Length, "declares 57 characters but only 14 remain")]
    [InlineData("000201AB0212", "payload", QrRule.Format, "expected a two-digit ID")]
    [InlineData("0002010102125X04", "payload", QrRule.Format, "expected a two-digit ID")]
    [InlineData("000201010212590A", "59", QrRule.Format, "must be two digits")]
    [InlineData("", "payload", QrRule.Mandatory, "empty")]
    public void StructuralFaults_NameTheTagAndTheRule(string payload, string tag, string rule, string message)
    {
        var decoding = QrDecoder.Decode(payload, QrProfile.Emvco);
        Assert.Contains(decoding.Errors, e => e.Tag == tag && e.Rule == rule && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AZeroLength_IsALengthViolation()
    {
        var zero = QrDecoder.Decode(Payload(Tlv("00", "01"), "6100", Tlv("38", VietQrAccount()), Tlv("53", "704"), Tlv("58", "VN")), QrProfile.VietQr);
        Assert.Equal([("61", QrRule.Length)], zero.Errors.Select(e => (e.Tag, e.Rule)));
    }
}
