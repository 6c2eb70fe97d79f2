using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Tests.Qr;

public sealed class QrEncoderTests
{
    private static readonly QrEncodeRequest Transfer = new() { BankBin = "970436", Account = "0011001234567" };

    [Fact]
    public void AVietQrTransfer_IsBuiltAsNapasWritesIt()
    {
        var encoding = QrEncoder.Encode(Transfer with { Amount = 150000, Purpose = "PHI CAN XE 29C12345" });
        Assert.True(encoding.Succeeded, string.Join("; ", encoding.Errors));
        // Byte for byte the sample whose CRC was computed independently.
        Assert.Equal(Samples.VietQrTransfer, encoding.Payload);
    }

    [Fact]
    public void WithoutAnAmount_TheCodeIsStatic()
    {
        var payload = QrEncoder.Encode(Transfer).Payload!;
        var tree = QrDecoder.Read(payload);
        Assert.Equal("11", tree.Find("01")!.Value);
        Assert.Null(tree.Find("54"));
        Assert.Null(tree.Find("62"));
        Assert.True(QrDecoder.Decode(payload, QrProfile.VietQr).Valid);
    }

    [Fact]
    public void ACardNumber_GetsTheCardServiceCode()
    {
        var payload = QrEncoder.Encode(Transfer with { Account = "9704366800000012", ToCard = true }).Payload!;
        Assert.Equal("QRIBFTTC", QrDecoder.Read(payload).Find("38.02")!.Value);
    }

    [Fact]
    public void VietnameseNames_AreWrittenWithoutMarks_AndTheLocalSpellingGoesTo64()
    {
        var encoding = QrEncoder.Encode(Transfer with
        {
            Profile = QrProfile.Emvco,
            MerchantCategory = "4789",
            MerchantName = "Cửa khẩu Hữu Nghị",
            MerchantCity = "Đồng Đăng",
            LocalName = "Cửa khẩu Hữu Nghị",
            LocalCity = "Đồng Đăng",
        });
        Assert.True(encoding.Succeeded, string.Join("; ", encoding.Errors));
        var tree = QrDecoder.Read(encoding.Payload!);
        Assert.Equal(("Cua khau Huu Nghi", "Dong Dang"), (tree.Find("59")!.Value, tree.Find("60")!.Value));
        Assert.Equal(("vi", "Cửa khẩu Hữu Nghị", "Đồng Đăng"), (tree.Find("64.00")!.Value, tree.Find("64.01")!.Value, tree.Find("64.02")!.Value));
        Assert.Equal(17, tree.Find("64.01")!.Length);
        Assert.True(QrDecoder.Decode(encoding.Payload!, QrProfile.VietQr).Valid);
    }

    [Fact]
    public void AChineseLocalName_IsMarkedZh()
    {
        var payload = QrEncoder.Encode(Transfer with { LocalName = "友谊关" }).Payload!;
        Assert.Equal(("zh", "友谊关", 3), (QrDecoder.Read(payload).Find("64.00")!.Value, QrDecoder.Read(payload).Find("64.01")!.Value, QrDecoder.Read(payload).Find("64.01")!.Length));
    }

    [Fact]
    public void UnderStrictEmvco_CategoryNameAndCity_AreRequired_NamedByRequestField()
    {
        var encoding = QrEncoder.Encode(Transfer with { Profile = QrProfile.Emvco });
        Assert.False(encoding.Succeeded);
        Assert.Equal(["merchantCategory", "merchantName", "merchantCity"], encoding.Errors.Select(e => e.Field));
    }

    [Fact]
    public void BadInput_IsRefusedFieldByField_AllAtOnce()
    {
        var encoding = QrEncoder.Encode(Transfer with
        {
            Profile = QrProfile.Emvco,
            BankBin = "97043",
            Amount = 150000.5m,
            MerchantName = "友谊关",
            Purpose = new string('P', 26),
        });
        Assert.False(encoding.Succeeded);
        // Shapes first (bin, name, purpose), then the profile's rules over what remains (the dong has no decimals; category and city are missing).
        Assert.Equal(["bankBin", "merchantName", "purpose", "amount", "merchantCategory", "merchantCity"], encoding.Errors.Select(e => e.Field));
        Assert.Contains("no minor unit", encoding.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBinAndAccount_AreNamed()
    {
        var encoding = QrEncoder.Encode(new QrEncodeRequest { BankBin = "", Account = "" });
        Assert.Contains(encoding.Errors, e => e.Field == "account");
        Assert.DoesNotContain(encoding.Errors, e => e.Field == "payload");
        var noBin = QrEncoder.Encode(Transfer with { BankBin = "" });
        Assert.Equal(["bankBin"], noBin.Errors.Select(e => e.Field));
    }

    [Fact]
    public void UnionPay_NeedsTheMerchantAccountItsAcquirerAssigned()
    {
        var encoding = QrEncoder.Encode(Transfer with { Profile = QrProfile.UnionPay });
        Assert.Equal("unionPayAccount", Assert.Single(encoding.Errors).Field);
    }

    [Fact]
    public void UnionPay_WritesTheAcquirersAccountIn15_AndKeepsTheProfile()
    {
        var encoding = QrEncoder.Encode(new QrEncodeRequest
        {
            Profile = QrProfile.UnionPay, UnionPayAccount = "2501000025010000123456789012345", Amount = 23.72m, Currency = "156", Country = "CN",
            MerchantCategory = "4789", MerchantName = "Youyiguan Gate", MerchantCity = "Pingxiang", BillNumber = "FEE0123",
        });
        Assert.True(encoding.Succeeded, string.Join("; ", encoding.Errors));
        var decoded = QrDecoder.Decode(encoding.Payload!, QrProfile.UnionPay);
        Assert.True(decoded.Valid, string.Join("; ", decoded.Errors));
        var tree = QrDecoder.Read(encoding.Payload!);
        Assert.Equal(("12", "2501000025010000123456789012345", "23.72"), (tree.Find("01")!.Value, tree.Find("15")!.Value, tree.Find("54")!.Value));
        Assert.Null(tree.Find("38"));
    }

    [Fact]
    public void TheImage_IsAPng()
    {
        var png = QrImage.Png(Samples.VietQrWithLocalName);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.True(png.Length > 200);
    }
}
