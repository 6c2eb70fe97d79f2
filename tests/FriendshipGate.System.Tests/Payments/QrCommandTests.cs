using System.Text.Json;

namespace FriendshipGate.System.Tests;

/// <summary>'fgate qr' as a user runs it: exit 0 when valid, 1 when not, 2 for a usage error; one JSON object with --json.</summary>
public sealed class QrCommandTests
{
    private const string VietQrTransfer =
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA530370454061500005802VN62230819PHI CAN XE 29C1234563047EB4";

    [Fact]
    public async Task Decode_ValidUnderVietQr_Exit0_WithOneJsonObject()
    {
        var run = await FgateRun.RunAsync("qr", "decode", VietQrTransfer, "--profile", "vietqr", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(("vietqr", true, true), (json.RootElement.GetProperty("profile").GetString(), json.RootElement.GetProperty("valid").GetBoolean(),
            json.RootElement.GetProperty("crcValid").GetBoolean()));
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Decode_InvalidUnderEmvco_Exit1_NamingEachViolation()
    {
        var json = await FgateRun.RunAsync("qr", "decode", VietQrTransfer, "--json");
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("emvco", document.RootElement.GetProperty("profile").GetString());
        Assert.Equal([("52", "mandatory"), ("59", "mandatory"), ("60", "mandatory")],
            document.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("tag").GetString(), e.GetProperty("rule").GetString())));

        var text = await FgateRun.RunAsync("qr", "decode", VietQrTransfer);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("crc      holds", text.Out);
        Assert.Contains("38.01.00", text.Out);
        Assert.Contains("Merchant name (59) is mandatory under the emvco profile.", text.Out);
    }

    [Theory]
    [InlineData("vi", "CRC         khớp", "hợp lệ      không, 3 vi phạm", "59  mandatory  Tên đơn vị chấp nhận thanh toán (59) là bắt buộc theo bộ quy tắc emvco.")]
    [InlineData("zh", "CRC  正确", "有效   否，3项违规", "59  mandatory  在emvco规则下，商户名称（59）为必填项。")]
    [InlineData("en", "crc      holds", "valid    no, 3 violations", "59  mandatory  Merchant name (59) is mandatory under the emvco profile.")]
    public async Task Decode_SpeaksTheLanguageOfLang_WithTheSameExitCodeTagsAndRules(string language, string crc, string valid, string violation)
    {
        var text = await FgateRun.RunAsync("qr", "decode", VietQrTransfer, "--lang", language);
        Assert.Equal(1, text.ExitCode);
        var lines = text.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(crc, lines);
        Assert.Contains(valid, lines);
        Assert.Contains(violation, lines);

        var json = await FgateRun.RunAsync("qr", "decode", VietQrTransfer, "--lang", language, "--json");
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var errors = document.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([("52", "mandatory"), ("59", "mandatory"), ("60", "mandatory")], errors.Select(e => (e.GetProperty("tag").GetString(), e.GetProperty("rule").GetString())));
        Assert.EndsWith(violation.Split("  ")[^1], errors[1].GetProperty("message").GetString());

        var valid0 = await FgateRun.RunAsync("qr", "decode", VietQrTransfer, "--profile", "vietqr", "--lang", language);
        Assert.True(valid0.ExitCode == 0, valid0.Error);
    }

    [Theory]
    [InlineData("qr", "decode", VietQrTransfer, "--profile", "visa")]
    [InlineData("qr", "decode", VietQrTransfer, "--lang", "fr")]
    [InlineData("qr", "decode")]
    [InlineData("qr", "encode", "--bin", "970436")]
    [InlineData("qr", "encode", "--bin", "97043", "--account", "0011001234567")]
    [InlineData("qr", "encode", "--bin", "970436", "--account", "0011001234567", "--amount", "lots")]
    public async Task UsageErrors_Exit2_WithOnePlainLine(params string[] args)
    {
        var run = await FgateRun.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("fgate: ", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Encode_PrintsThePayload_AndWritesThePng()
    {
        var png = Path.Combine(Path.GetTempPath(), $"fgate-qr-{Guid.NewGuid():N}.png");
        try
        {
            var run = await FgateRun.RunAsync("qr", "encode", "--bin", "970436", "--account", "0011001234567", "--amount", "150000",
                "--purpose", "PHI CAN XE 29C12345", "--png", png);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(VietQrTransfer, run.Out.Trim());
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png))[..4]);
        }
        finally
        {
            File.Delete(png);
        }
    }
}
