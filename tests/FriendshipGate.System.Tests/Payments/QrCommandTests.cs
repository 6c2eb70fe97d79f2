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
    [InlineData("qr", "decode", VietQrTransfer, "--profile", "visa")]
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
