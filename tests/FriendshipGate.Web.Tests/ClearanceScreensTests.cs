using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ClearanceScreensTests(BrowserNodes nodes)
{
    private static readonly (string Field, string Value)[] DurianExport = PortalDeclarations.DurianExport("12C-12345", "VN123456", "VN-PC-2026-000777", "E26VN0777");

    [Fact]
    public async Task ATraderDeclaresInVietnamese_AndTheOtherSidesOfficerSeesItArrive_AndReleasesIt()
    {
        // The trader's browser reads Vietnamese: the screens answer in Vietnamese without being asked.
        var trader = await nodes.NewPageAsync("vi-VN");
        await BrowserNodes.SignInAsync(trader, nodes.VnUrl, "vn.trader");
        await trader.GotoAsync(nodes.VnUrl + "trader/declarations/new");
        await BrowserNodes.WaitInteractiveAsync(trader);
        Assert.Equal("Khai báo hải quan mới", await trader.InnerTextAsync("h1"));

        // Field by field, as the trader types: a wrong check digit is named under its field, and goes when corrected.
        var container = trader.Locator("[data-field='transport.containers[0]']");
        await container.FillAsync("CSQU3054384");
        await Assertions.Expect(trader.Locator("[data-error-for='transport.containers[0]']")).ToContainTextAsync("sai số kiểm tra theo ISO 6346");
        await container.FillAsync("CSQU3054383");
        await Assertions.Expect(trader.Locator("[data-error-for='transport.containers[0]']")).ToHaveCountAsync(0);

        foreach (var (field, value) in DurianExport)
            await trader.Locator($"[data-field='{field}']").FillAsync(value);
        await Assertions.Expect(trader.GetByTestId("validation-summary")).ToHaveTextAsync("Tờ khai hợp lệ, có thể gửi.");
        await BrowserNodes.ScreenshotAsync(trader, "trader-new-declaration-vi");
        await trader.GetByTestId("submit-declaration").ClickAsync();
        await trader.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/declarations/\d+$"));
        var number = trader.Url.Split('/')[^1];
        await Assertions.Expect(trader.GetByTestId("declaration-state")).ToHaveTextAsync("Đang kiểm tra");
        await BrowserNodes.ScreenshotAsync(trader, "trader-declaration-vi");

        // The CN officer's workspace shows the advance data arriving, live, in Chinese.
        var officer = await nodes.NewPageAsync("zh-CN");
        await BrowserNodes.SignInAsync(officer, nodes.CnUrl, "cn.officer");
        await officer.GotoAsync(nodes.CnUrl + "officer");
        await BrowserNodes.WaitInteractiveAsync(officer);
        await Assertions.Expect(officer.Locator($"[data-origin='{number}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The CN importer lodges from the advance data and the goods arrive (no screen for these steps yet: the API).
        using var cnTrader = nodes.Api("cn.trader");
        using var imported = await cnTrader.PostAsJsonAsync($"api/v1/clearance/advance-data/{number}/import-declaration", new { });
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var importNumber = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        using var cnOfficerApi = nodes.Api("cn.officer");
        using var arrived = await cnOfficerApi.PostAsync($"api/v1/clearance/declarations/{importNumber}/arrival", null);
        Assert.True(arrived.IsSuccessStatusCode, await arrived.Content.ReadAsStringAsync());

        // The import waits in the officer's yellow-lane queue, live; the officer opens it, reads why, and releases it.
        await officer.ClickAsync("[data-lane-filter='yellow']");
        await Assertions.Expect(officer.Locator($"tr[data-number='{importNumber}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await BrowserNodes.ScreenshotAsync(officer, "officer-workspace-zh");
        await officer.ClickAsync($"a[href='declarations/{importNumber}']");
        await BrowserNodes.WaitInteractiveAsync(officer);
        await Assertions.Expect(officer.GetByTestId("risk-reasons")).ToContainTextAsync("榴莲：单证审核");
        await officer.FillAsync("#decide-reason", "单证齐全");
        await officer.ClickAsync("[data-action='release']");
        await Assertions.Expect(officer.GetByTestId("declaration-state")).ToHaveTextAsync("进口放行");
        await BrowserNodes.ScreenshotAsync(officer, "officer-released-zh");
    }

    [Fact]
    public async Task ATrader_CannotOpenAnotherCompanysDeclaration_NorAnOfficersPage()
    {
        using var api = nodes.Api("vn.trader");
        using var lodged = await api.PostAsJsonAsync("api/v1/clearance/declarations", ApiDeclarations.DurianExport("VN-PC-2026-000901"));
        Assert.True(lodged.IsSuccessStatusCode, await lodged.Content.ReadAsStringAsync());
        var number = (await lodged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        var other = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(other, nodes.VnUrl, "vn.other");
        await other.GotoAsync(nodes.VnUrl + "declarations/" + number);
        await Assertions.Expect(other.GetByTestId("declaration-refused")).ToBeVisibleAsync();
        Assert.DoesNotContain("CSQU3054383", await other.ContentAsync());
        await BrowserNodes.ScreenshotAsync(other, "trader-refused-other-company");

        await other.GotoAsync(nodes.VnUrl + "officer");
        Assert.Contains("/denied", other.Url);
        await other.GotoAsync(nodes.VnUrl + "trader");
        await BrowserNodes.WaitInteractiveAsync(other);
        Assert.DoesNotContain(number, await other.ContentAsync());
    }
}
