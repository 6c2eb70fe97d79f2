using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.Qr.NapasExamples;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>
/// The NAPAS specification's examples and errata, one test each (docs/payments/emvco-qr.md, "NAPAS specification errata"):
/// every example that is right decodes valid under vietqr; each fault is refused or read as the table says, with its warning.
/// </summary>
public sealed class NapasErrataTests
{
    [Theory]
    [InlineData(StaticCard)]
    [InlineData(DynamicAccount)]
    [InlineData(DynamicCard)]
    [InlineData(CashWithdrawal)]
    [InlineData(StaticAccountCorrected)]
    public void EverySpecificationExample_ThatIsRight_IsValidUnderVietQr_WithoutWarnings(string payload)
    {
        var decoding = QrDecoder.Decode(payload, QrProfile.VietQr);
        Assert.True(decoding.Valid, string.Join("; ", decoding.Errors));
        Assert.True(decoding.CrcValid);
        Assert.Empty(decoding.Warnings);
    }

    [Fact]
    public void StaticAccountExample_AsPrinted_IsRefused_AndBothReadingsOfTheAccountAreShown()
    {
        var decoding = QrDecoder.Decode(StaticAccountAsPrinted, QrProfile.VietQr);
        // The checksum was computed over the miscounted text, so it holds: only the length is wrong.
        Assert.True(decoding.CrcValid);
        Assert.False(decoding.Valid);
        var violation = Assert.Single(decoding.Errors);
        Assert.Equal(("38.01", QrRule.Length), (violation.Tag, violation.Rule));
        var warning = Assert.Single(decoding.Warnings);
        Assert.Equal(("38.01.01", QrWarning.LengthMiscounted), (warning.Tag, warning.Rule));
        Assert.Contains("'0011012345678'", warning.Message);
        Assert.Contains("'001101234567'", warning.Message);
        Assert.Contains("“0011012345678”", warning.In("vi").Message);
        Assert.Contains("“001101234567”", warning.In("zh").Message);
    }

    [Fact]
    public void FormatIndicatorZero_IsReadUnderVietQr_WithAWarning_AndRefusedByTheEmvcoCore()
    {
        var vietQr = QrDecoder.Decode(FormatIndicatorZero, QrProfile.VietQr);
        Assert.True(vietQr.Valid, string.Join("; ", vietQr.Errors));
        var warning = Assert.Single(vietQr.Warnings);
        Assert.Equal(("00", QrWarning.FormatIndicatorZero), (warning.Tag, warning.Rule));

        var emvco = QrDecoder.Decode(FormatIndicatorZero, QrProfile.Emvco);
        Assert.Contains(emvco.Errors, e => (e.Tag, e.Rule) == ("00", QrRule.Value));
        Assert.Empty(emvco.Warnings);
    }

    [Fact]
    public void OtherFormatIndicators_StayRefusedUnderVietQr()
    {
        var decoding = QrDecoder.Decode(Samples.Strict(("00", "02")), QrProfile.VietQr);
        Assert.Contains(decoding.Errors, e => (e.Tag, e.Rule) == ("00", QrRule.Value));
        Assert.Empty(decoding.Warnings);
    }

    [Fact]
    public void LengthsCountedInBytes_AreRefused_WithTheLikelyCauseNamed()
    {
        var decoding = QrDecoder.Decode(LengthsInBytes, QrProfile.VietQr);
        Assert.False(decoding.Valid);
        Assert.Contains(decoding.Errors, e => e.Rule is QrRule.Length or QrRule.Format);
        var warning = Assert.Single(decoding.Warnings);
        Assert.Equal(("payload", QrWarning.LengthInBytes), (warning.Tag, warning.Rule));
    }

    [Fact]
    public void ACharacterCountedVietnameseCode_HasNoBytesWarning()
    {
        var decoding = QrDecoder.Decode(Samples.VietQrWithLocalName, QrProfile.VietQr);
        Assert.True(decoding.Valid);
        Assert.Empty(decoding.Warnings);
    }

    [Fact]
    public void DynamicIndicator22_OfAPublishedSummary_IsRefused()
    {
        // giautm/sgqr-go's table, transcribed with references to the specification, gives 22 for a dynamic code; every
        // example of the specification uses 12, as EMVCo does.
        var decoding = QrDecoder.Decode(Samples.Strict(("01", "22")), QrProfile.VietQr);
        Assert.Equal([("01", QrRule.Value)], decoding.Errors.Select(e => (e.Tag, e.Rule)));
    }

    [Fact]
    public void ALibraryExample_NotTraceableToTheSpecification_IsRefused_AndNotTreatedAsAnErratum()
    {
        var decoding = QrDecoder.Decode(UntraceableLibraryExample, QrProfile.VietQr);
        Assert.False(decoding.CrcValid);
        Assert.Equal([("63", QrRule.Crc), ("38.02", QrRule.Mandatory)], decoding.Errors.Select(e => (e.Tag, e.Rule)));
        Assert.Empty(decoding.Warnings);
    }
}
