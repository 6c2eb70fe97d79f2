using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>One real VN node for the QR API tests (its peer is never started: QR codes need no exchange).</summary>
public sealed class QrNodeFixture : IAsyncLifetime
{
    public NodePair Nodes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Nodes = await NodePair.CreateAsync(FgateExecutable.Current(), start: false);
        await Nodes.Vn.StartAsync();
    }

    public async Task DisposeAsync() => await Nodes.DisposeAsync();
}

/// <summary>
/// /api/v1/payments/qr over HTTP on a real node: a signed-in trader decodes under each profile (200 whether valid or not,
/// the CLI's JSON shape), a malformed request is 400 naming the field, and a code is built as JSON or as a PNG.
/// </summary>
public sealed class QrApiTests(QrNodeFixture fixture) : IClassFixture<QrNodeFixture>
{
    // A dynamic VietQR transfer of 150,000 VND to 0011001234567 at BIN 970436: no merchant category, name or city.
    private const string VietQrTransfer =
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA530370454061500005802VN62230819PHI CAN XE 29C1234563047EB4";

    [Fact]
    public async Task ATrader_DecodesAVietQrCode_ValidUnderVietQr_AndMissing52_59_60UnderEmvco()
    {
        using var trader = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, "qr.trader.a", "trader", SampleClearance.VnExporter);
        var vietqr = await PostAsync(trader, "decode", new { payload = VietQrTransfer, profile = "vietqr" }, HttpStatusCode.OK);
        Assert.Equal(("vietqr", true, true, 0), (vietqr.GetProperty("profile").GetString(), vietqr.GetProperty("valid").GetBoolean(),
            vietqr.GetProperty("crcValid").GetBoolean(), vietqr.GetProperty("errors").GetArrayLength()));
        var beneficiary = vietqr.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("tag").GetString() == "38").GetProperty("fields")[1];
        Assert.Equal("970436", beneficiary.GetProperty("fields")[0].GetProperty("value").GetString());

        var emvco = await PostAsync(trader, "decode", new { payload = VietQrTransfer, profile = "emvco" }, HttpStatusCode.OK);
        Assert.False(emvco.GetProperty("valid").GetBoolean());
        Assert.True(emvco.GetProperty("crcValid").GetBoolean());
        Assert.Equal(["52", "59", "60"], emvco.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("tag").GetString()));
        Assert.All(emvco.GetProperty("errors").EnumerateArray(), e => Assert.Equal("mandatory", e.GetProperty("rule").GetString()));

        var tampered = await PostAsync(trader, "decode", new { payload = VietQrTransfer.Replace("150000", "950000", StringComparison.Ordinal), profile = "vietqr" }, HttpStatusCode.OK);
        Assert.False(tampered.GetProperty("crcValid").GetBoolean());
        Assert.Equal("crc", tampered.GetProperty("errors")[0].GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5", "Tên đơn vị chấp nhận thanh toán (59) là bắt buộc theo bộ quy tắc emvco.", "Mã tiền tệ giao dịch", "“visa” không phải bộ quy tắc QR: dùng emvco, vietqr, unionpay.")]
    [InlineData("zh-CN", "在emvco规则下，商户名称（59）为必填项。", "交易币种", "“visa”不是二维码规则集：请使用emvco、vietqr、unionpay。")]
    [InlineData("fr-FR, en;q=0.8", "Merchant name (59) is mandatory under the emvco profile.", "Transaction currency", "'visa' is not a QR profile: use emvco, vietqr or unionpay.")]
    public async Task TheDecoder_AnswersInTheRequestsLanguage_WithTheSameTagsAndRules(string acceptLanguage, string message, string name, string badProfile)
    {
        using var trader = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, $"qr.trader.lang.{acceptLanguage[..2]}", "trader", SampleClearance.VnExporter);
        trader.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var emvco = await PostAsync(trader, "decode", new { payload = VietQrTransfer, profile = "emvco" }, HttpStatusCode.OK);
        var errors = emvco.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([("52", "mandatory"), ("59", "mandatory"), ("60", "mandatory")], errors.Select(e => (e.GetProperty("tag").GetString(), e.GetProperty("rule").GetString())));
        Assert.Equal(message, errors[1].GetProperty("message").GetString());
        Assert.Equal(name, emvco.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("tag").GetString() == "53").GetProperty("name").GetString());

        var refused = await PostAsync(trader, "decode", new { payload = VietQrTransfer, profile = "visa" }, HttpStatusCode.BadRequest);
        Assert.Equal(badProfile, refused.GetProperty("errors").GetProperty("profile")[0].GetString());
        Assert.Equal("value", refused.GetProperty("rules").GetProperty("profile")[0].GetString());
    }

    [Fact]
    public async Task AMalformedRequest_Is400_NamingTheField()
    {
        using var trader = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, "qr.trader.b", "trader", SampleClearance.VnExporter);
        var noPayload = await PostAsync(trader, "decode", new { profile = "vietqr" }, HttpStatusCode.BadRequest);
        Assert.True(noPayload.GetProperty("errors").TryGetProperty("payload", out _));
        var badProfile = await PostAsync(trader, "decode", new { payload = VietQrTransfer, profile = "visa" }, HttpStatusCode.BadRequest);
        Assert.Contains("emvco, vietqr or unionpay", badProfile.GetProperty("errors").GetProperty("profile")[0].GetString());
        using var notJson = await trader.PostAsync("api/v1/payments/qr/decode", new StringContent("payload=0002", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        var badBin = await PostAsync(trader, "encode", new { bankBin = "97043", account = "0011001234567" }, HttpStatusCode.BadRequest);
        Assert.Equal(["bankBin"], badBin.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task ACodeIsBuilt_AsJsonWithABase64Png_OrAsThePngAlone()
    {
        using var trader = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, "qr.trader.c", "trader", SampleClearance.VnExporter);
        var request = new { profile = "vietqr", bankBin = "970436", account = "0011001234567", amount = 150000, purpose = "PHI CAN XE 29C12345" };
        var encoded = await PostAsync(trader, "encode", request, HttpStatusCode.OK);
        Assert.Equal(VietQrTransfer, encoded.GetProperty("payload").GetString());
        Assert.Equal("PNG", Encoding.ASCII.GetString(Convert.FromBase64String(encoded.GetProperty("png").GetString()!), 1, 3));

        using var message = new HttpRequestMessage(HttpMethod.Post, "api/v1/payments/qr/encode") { Content = JsonContent.Create(request) };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        using var image = await trader.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PNG", Encoding.ASCII.GetString(await image.Content.ReadAsByteArrayAsync(), 1, 3));
    }

    [Fact]
    public async Task TheApi_IsInTheOpenApiDocument_AndNeedsASignedInUser()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Nodes.VnApi.Http.BaseAddress };
        using var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("openapi/v1.json"));
        foreach (var path in new[] { "/api/v1/payments/qr/decode", "/api/v1/payments/qr/encode" })
            Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty(path, out _), path);
        using var refused = await anonymous.PostAsJsonAsync("api/v1/payments/qr/decode", new { payload = VietQrTransfer });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync($"api/v1/payments/qr/{path}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
