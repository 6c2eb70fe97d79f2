using System.Net.Http.Json;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CommandCenterTests(BrowserNodes nodes)
{
    [Fact]
    public async Task TheCountersAndTheMap_ChangeWithoutAReload()
    {
        var page = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.officer");
        await page.GotoAsync(nodes.VnUrl + "command-center");
        await BrowserNodes.WaitInteractiveAsync(page);
        // A mark on this very document: a reload would lose it.
        await page.EvaluateAsync("() => window.stillTheSamePage = true");
        var inspection = int.Parse(await page.GetByTestId("counter-inspection").Locator("dd").InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        var dots = await page.Locator("[data-testid='road-map'] circle.dot").CountAsync();

        // Durian goes to the yellow lane here: a documents check, counted as under inspection.
        using var api = nodes.Api("vn.trader");
        using var lodged = await api.PostAsJsonAsync("api/v1/clearance/declarations", ApiDeclarations.DurianExport("VN-PC-2026-000555"));
        Assert.True(lodged.IsSuccessStatusCode, await lodged.Content.ReadAsStringAsync());

        await Assertions.Expect(page.GetByTestId("counter-inspection").Locator("dd")).ToHaveTextAsync((inspection + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid='road-map'] circle.dot")).ToHaveCountAsync(dots + 1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        await Assertions.Expect(page.GetByTestId("exchange-link")).ToBeVisibleAsync();
        await BrowserNodes.ScreenshotAsync(page, "command-center");
    }

    [Fact]
    public async Task SwitchingToChinese_ChangesTheLabels()
    {
        var page = await nodes.NewPageAsync("en-GB");
        await BrowserNodes.SignInAsync(page, nodes.CnUrl, "cn.officer");
        await page.GotoAsync(nodes.CnUrl + "command-center");
        Assert.StartsWith("Command center", await page.InnerTextAsync("h1"));
        await page.ClickAsync("a[data-language='zh']");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("指挥中心");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await BrowserNodes.ScreenshotAsync(page, "command-center-zh");
    }
}
