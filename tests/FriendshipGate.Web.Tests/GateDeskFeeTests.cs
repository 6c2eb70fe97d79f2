using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// The gate operator's fee desk (/gate/fees): a booking looked up by its id, a fee issued with its code shown large for the
/// driver, refused input shown under its field, a payment followed without a reload, an unpaid fee cancelled with a reason
/// after a confirmation; other roles are denied the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GateDeskFeeTests(BrowserNodes nodes)
{
    [Fact]
    public async Task AnOperator_IssuesAFee_ShowsItsCode_AndSeesItPaid_WithoutAReload()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-66006", "VN-PC-2026-000666");
        var booking = (await gate.BookAsync(number)).GetProperty("id").GetString()!;

        var page = await OpenDeskAsync("zh-CN");
        await Assertions.Expect(page.Locator("nav a[href='gate/fees']")).ToHaveTextAsync("收费台");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        // As a hand scanner types it: the id (here in lower case, with spaces around it), then Enter.
        await page.FillAsync("#desk-booking", $" {booking.ToLowerInvariant()} ");
        await page.PressAsync("#desk-booking", "Enter");
        await Assertions.Expect(page.GetByTestId("desk-booking")).ToHaveAttributeAsync("data-booking", booking);
        await Assertions.Expect(page.GetByTestId("desk-declaration")).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("#desk-booking")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("booking-state")).ToHaveTextAsync("已预约");
        await Assertions.Expect(page.GetByTestId("driver-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("desk-no-fees")).ToBeVisibleAsync();

        // VND has no minor unit: the amount is refused under its field with the API's own rule and words, and nothing is issued.
        await page.SelectOptionAsync("#fee-kind", "weighing");
        await page.FillAsync("#fee-amount", "30000.5");
        await page.ClickAsync("[data-action='issue-fee']");
        await Assertions.Expect(page.Locator("[data-error-for='amount']")).ToHaveTextAsync("VND最多0位小数；30000.5超出。");
        await Assertions.Expect(page.Locator("#fee-amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("desk-no-fees")).ToBeVisibleAsync();

        await page.FillAsync("#fee-amount", "30000");
        await page.ClickAsync("[data-action='issue-fee']");
        var code = page.GetByTestId("desk-code");
        await Assertions.Expect(code.GetByTestId("code-state")).ToHaveTextAsync("待支付");
        await Assertions.Expect(page.Locator("[data-error-for='amount']")).ToHaveCountAsync(0);
        using var api = nodes.Api("vn.operator");
        var fee = (await api.GetFromJsonAsync<JsonElement>($"api/v1/payments/fees?reference={booking}")).EnumerateArray().Single();
        var feeId = fee.GetProperty("id").GetString()!;
        var payload = fee.GetProperty("payload").GetString()!;
        Assert.Equal(("weighing", 30000m, "issued"), (fee.GetProperty("kind").GetString(), fee.GetProperty("amount").GetProperty("value").GetDecimal(), fee.GetProperty("state").GetString()));
        await Assertions.Expect(code).ToHaveAttributeAsync("data-fee", feeId);
        await Assertions.Expect(code.GetByTestId("code-payload")).ToHaveTextAsync(payload);
        var image = code.Locator("img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "过磅费支付二维码，30,000 VND");
        Assert.True(await image.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)") >= 320);
        var row = page.Locator($"tr[data-fee='{feeId}']");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("待支付");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "gate-desk-fee-issued-zh");

        // The driver pays from a wallet app (here: the payments API, as the trader, with the scanned payload): the desk follows.
        await gate.PayAsync(payload, "desk.fee.wallet");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToContainTextAsync("已支付");
        await Assertions.Expect(code.GetByTestId("code-state")).ToHaveTextAsync("已支付");
        await Assertions.Expect(code.Locator("img")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("[data-action='cancel-fee']")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("[data-action='show-code']")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        await BrowserNodes.ScreenshotAsync(page, "gate-desk-fee-paid-zh");
    }

    [Fact]
    public async Task AnOperator_CancelsAnUnpaidFee_WithAReason_AfterConfirming()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-67007", "VN-PC-2026-000677");
        var booking = (await gate.BookAsync(number)).GetProperty("id").GetString()!;
        var feeId = (await gate.ChargeAsync(booking, "storage", 120_000)).GetProperty("id").GetString()!;
        using var api = nodes.Api("vn.operator");

        var page = await OpenDeskAsync("vi-VN");
        await page.FillAsync("#desk-booking", "BK-NOSUCHBOOKING");
        await page.ClickAsync("[data-action='look-up']");
        await Assertions.Expect(page.GetByTestId("desk-booking-error")).ToHaveTextAsync("không có lịch hẹn BK-NOSUCHBOOKING.");
        await Assertions.Expect(page.GetByTestId("desk-booking")).ToHaveCountAsync(0);

        await page.FillAsync("#desk-booking", booking);
        await page.ClickAsync("[data-action='look-up']");
        await Assertions.Expect(page.GetByTestId("desk-booking-error")).ToHaveCountAsync(0);
        var row = page.Locator($"tr[data-fee='{feeId}']");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("Chưa thanh toán");
        var payload = (await api.GetFromJsonAsync<JsonElement>($"api/v1/payments/fees/{feeId}")).GetProperty("fee").GetProperty("payload").GetString()!;
        await row.Locator("[data-action='show-code']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("desk-code")).ToHaveAttributeAsync("data-fee", feeId);
        await Assertions.Expect(page.GetByTestId("code-payload")).ToHaveTextAsync(payload);

        // Asked, then kept: nothing changes.
        await row.Locator("[data-action='cancel-fee']").ClickAsync();
        await Assertions.Expect(row.GetByTestId("cancel-reason")).ToBeFocusedAsync();
        await row.Locator("[data-action='keep-fee']").ClickAsync();
        await Assertions.Expect(row.GetByTestId("cancel-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("Chưa thanh toán");

        // Confirmed without a reason: asked for one, the fee still due.
        await row.Locator("[data-action='cancel-fee']").ClickAsync();
        await row.Locator("[data-action='confirm-cancel']").ClickAsync();
        await Assertions.Expect(row.GetByTestId("cancel-error")).ToHaveTextAsync("Hãy nhập lý do hủy.");
        Assert.Equal("issued", await StateAsync(api, feeId));
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "gate-desk-fee-cancel-confirm-vi");

        // With a reason, confirmed from the keyboard.
        const string reason = "Cân nhầm xe, lập lại phí";
        await row.GetByTestId("cancel-reason").FillAsync(reason);
        await row.Locator("[data-action='confirm-cancel']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("Đã hủy");
        await Assertions.Expect(row.GetByTestId("fee-reason")).ToHaveTextAsync(reason);
        await Assertions.Expect(page.GetByTestId("cancel-done")).ToHaveTextAsync($"Đã hủy khoản phí {feeId}.");
        await Assertions.Expect(row.Locator("[data-action='cancel-fee']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("code-closed")).ToContainTextAsync("Đã hủy");
        await Assertions.Expect(page.GetByTestId("code-payload")).ToHaveCountAsync(0);
        Assert.Equal("cancelled", await StateAsync(api, feeId));
        Assert.Equal(reason, (await api.GetFromJsonAsync<JsonElement>($"api/v1/payments/fees/{feeId}")).GetProperty("fee").GetProperty("reason").GetString());
        await BrowserNodes.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("vn.trader")]
    [InlineData("vn.officer")]
    public async Task OnlyTheGateOperator_OpensTheFeeDesk(string user)
    {
        var page = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, user);
        await Assertions.Expect(page.Locator("nav a[href='gate/fees']")).ToHaveCountAsync(0);
        await page.GotoAsync(nodes.VnUrl + "gate/fees");
        await page.WaitForURLAsync(url => url.Contains("/denied", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#desk-booking")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenDeskAsync(string locale)
    {
        var page = await nodes.NewPageAsync(locale);
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.operator");
        await page.GotoAsync(nodes.VnUrl + "gate/fees");
        await BrowserNodes.WaitInteractiveAsync(page);
        return page;
    }

    private static async Task<string?> StateAsync(HttpClient api, string feeId) =>
        (await api.GetFromJsonAsync<JsonElement>($"api/v1/payments/fees/{feeId}")).GetProperty("fee").GetProperty("state").GetString();
}
