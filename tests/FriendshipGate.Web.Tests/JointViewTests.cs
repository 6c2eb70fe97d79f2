using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Web.Ui.JointView;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>The joint view: both sides' figures side by side, the peer's read over a signed node-to-node request.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JointViewTests(BrowserNodes nodes)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task TheJointView_ShowsBothSides_AndThePeersFiguresChangeWithoutAReload()
    {
        var page = await OpenAsync();
        await Assertions.Expect(page.GetByTestId("joint-side-VN")).ToContainTextAsync("VN-");
        await Assertions.Expect(page.GetByTestId("joint-side-CN")).ToContainTextAsync("CN-");
        var cnAdvance = Cell(page, "advance", "CN");
        await Assertions.Expect(cnAdvance).Not.ToHaveTextAsync("—");
        var before = long.Parse(await cnAdvance.InnerTextAsync(), NumberStyles.Number, English);

        // A VN export sends advance data to CN: CN's figure, read from CN's node, goes up on VN's screen.
        using var api = nodes.Api("vn.trader");
        using var lodged = await api.PostAsJsonAsync("api/v1/clearance/declarations", ApiDeclarations.DurianExport("VN-PC-2026-000777"));
        Assert.True(lodged.IsSuccessStatusCode, await lodged.Content.ReadAsStringAsync());

        await Assertions.Expect(cnAdvance).ToHaveTextAsync((before + 1).ToString("N0", English), new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        await BrowserNodes.ScreenshotAsync(page, "command-center-joint");
    }

    [Fact]
    public async Task WhenThePeerIsDown_TheJointViewSaysSo_WithTheAgeOfItsLastFigures()
    {
        var page = await OpenAsync();
        var cnReleased = await Cell(page, "released", "CN").InnerTextAsync();
        try
        {
            await nodes.Nodes.Cn.StopAsync();
            await Assertions.Expect(page.GetByTestId("peer-status")).ToHaveAttributeAsync("data-reachable", "false", new() { Timeout = 15_000 });
            await Assertions.Expect(page.GetByTestId("peer-age")).ToContainTextAsync("old");
            // The last figures stay, marked by their age, rather than vanishing.
            await Assertions.Expect(Cell(page, "released", "CN")).ToHaveTextAsync(cnReleased);
            await BrowserNodes.AssertAccessibleAsync(page);
            await BrowserNodes.ScreenshotAsync(page, "command-center-joint-peer-down");
        }
        finally
        {
            if (!nodes.Nodes.Cn.IsRunning) await nodes.Nodes.Cn.StartAsync();
        }
        await Assertions.Expect(page.GetByTestId("peer-status")).ToHaveAttributeAsync("data-reachable", "true", new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
    }

    [Fact]
    public async Task ATrader_DoesNotSeeTheJointView()
    {
        var page = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.trader");
        await page.GotoAsync(nodes.VnUrl + "command-center/joint");
        await page.WaitForURLAsync(url => url.Contains("/denied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFiguresEndpoint_RefusesARequestNotSignedByThePeersRegisteredKey()
    {
        using var http = new HttpClient { BaseAddress = new Uri(nodes.VnUrl) };
        // Claims to be CN, signed with a key CN never registered with VN.
        var stranger = SigningKey.Generate("ES256");
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { from = NodeDirectory.DefaultId("CN").Value, to = NodeDirectory.DefaultId("VN").Value, at = DateTimeOffset.UtcNow }, JsonSerializerOptions.Web);
        using var forged = await http.PostAsJsonAsync("api/v1/peer/figures", new FiguresRequest(Jws.Sign(PeerFiguresProtocol.RequestType, payload, stranger)));
        Assert.True(forged.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{forged.StatusCode}: {await forged.Content.ReadAsStringAsync()}");
        Assert.False((await forged.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("figures", out _));
        using var empty = await http.PostAsJsonAsync("api/v1/peer/figures", new FiguresRequest(null));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.officer");
        await page.GotoAsync(nodes.VnUrl + "command-center/joint");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => window.stillTheSamePage = true");
        await Assertions.Expect(page.GetByTestId("peer-status")).ToHaveAttributeAsync("data-reachable", "true", new() { Timeout = 15_000 });
        return page;
    }

    private static ILocator Cell(IPage page, string key, string side) => page.Locator($"[data-testid='joint-row-{key}'] td[data-side='{side}']");
}
