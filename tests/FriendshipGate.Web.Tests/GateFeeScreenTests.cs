using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>The trader's portal shows the gate fees its company owes, each due one with its QR code, and sees it paid without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GateFeeScreenTests(BrowserNodes nodes)
{
    [Fact]
    public async Task ATrader_SeesADueFeeWithItsCode_AndSeesItPaid_WithoutAReload()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-65005", "VN-PC-2026-000655");
        var booking = (await gate.BookAsync(number)).GetProperty("id").GetString()!;
        var fee = await gate.ChargeAsync(booking, "parking", 50_000);
        var feeId = fee.GetProperty("id").GetString()!;
        var payload = fee.GetProperty("payload").GetString()!;

        var page = await nodes.NewPageAsync("zh-CN");
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.trader");
        await page.GotoAsync(nodes.VnUrl + "trader");
        await BrowserNodes.WaitInteractiveAsync(page);
        var row = page.Locator($"[data-fee='{feeId}']");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("待支付");
        await Assertions.Expect(row).ToContainTextAsync("停车费");
        await Assertions.Expect(row.GetByTestId("fee-payload")).ToHaveTextAsync(payload);
        await Assertions.Expect(row.Locator("img")).ToHaveAttributeAsync("alt", "停车费支付二维码，50,000 VND");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-fee-due-zh");

        // Paid from a wallet app (here: the payments API with the scanned payload): the portal follows, no reload.
        await gate.PayAsync(payload, "fee.screen.wallet");
        await Assertions.Expect(row.GetByTestId("fee-state")).ToHaveTextAsync("已支付");
        await Assertions.Expect(row.Locator("img")).ToHaveCountAsync(0);
    }
}
