using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FriendshipGate.Web.Tests.Fleet;

/// <summary>
/// Issue 11: the command center keeps up with 200 moving vehicles. A real node, 200 vehicles publishing VDA 5050 states
/// through Mosquitto, Chromium on the command center. Asserts what the screen does, never how long it took; the cost per
/// tick is measured and written to the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FleetLoadTests(BrowserNodes browser, FleetNode fleet, ITestOutputHelper output) : IClassFixture<FleetNode>
{
    private const string Markers = "[data-testid='fleet-map'] g.agv";

    [Fact]
    public async Task TwoHundredMovingVehicles_AreOnTheMap_AndMoveWithoutAReload()
    {
        var page = await browser.NewPageAsync();
        await BrowserNodes.SignInAsync(page, fleet.Url, FleetNode.Officer);
        await page.GotoAsync(fleet.Url + "command-center");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => window.stillTheSamePage = true");

        await Assertions.Expect(page.Locator(Markers)).ToHaveCountAsync(FleetNode.VehicleCount, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid='fleet-table'] tbody tr")).ToHaveCountAsync(FleetNode.VehicleCount);
        await Assertions.Expect(page.Locator(Markers + "[data-container]")).ToHaveCountAsync(FleetNode.VehicleCount / 5);
        var movers = Enumerable.Range(0, FleetNode.VehicleCount).Where(MovingVehicles.Moves).Select(i => fleet.Vehicles[i].Id.ToString()).ToHashSet();

        // Two moments: every moving vehicle's marker has moved, and no standing one has, with no reload in between.
        var before = await PositionsAsync(page);
        await page.WaitForFunctionAsync("""
            ([selector, before, movers]) => movers.every(id => {
                const marker = document.querySelector(`${selector}[data-vehicle="${id}"]`);
                return marker && marker.dataset.x !== before[id];
            })
            """, new object[] { Markers, before, movers.ToArray() }, new() { Timeout = 20_000 });
        var after = await PositionsAsync(page);
        Assert.All(before.Keys.Where(id => !movers.Contains(id)), id => Assert.Equal(before[id], after[id]));
        Assert.Equal(FleetNode.VehicleCount - movers.Count, await page.Locator(Markers + ":is([data-activity='waiting'], [data-activity='charging'])").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        await MeasureTicksAsync(page, ticks: 20);
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "command-center-fleet");
        await page.GetByTestId("fleet-panel").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "command-center-fleet-map.png") });

        // Still answering under the load: the language switch works and the vehicles come back, in Chinese.
        await page.ClickAsync("a[data-language='zh']");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("指挥中心");
        await Assertions.Expect(page.GetByTestId("fleet-summary")).ToContainTextAsync($"{FleetNode.VehicleCount}辆车");
        await Assertions.Expect(page.Locator(Markers)).ToHaveCountAsync(FleetNode.VehicleCount);

        // The same vehicles with no screen open (the feed stops ticking): what the screen itself costs the node is the difference.
        await page.Context.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var cpuBefore = fleet.NodeCpuTime();
        await Task.Delay(TimeSpan.FromSeconds(5));
        output.WriteLine($"no screen open: node CPU {(fleet.NodeCpuTime() - cpuBefore).TotalMilliseconds / 5:0} ms per second (receiving {FleetNode.VehicleCount * 2} states/s over MQTT)");
    }

    private static Task<Dictionary<string, string>> PositionsAsync(IPage page) => page.EvaluateAsync<Dictionary<string, string>>(
        "selector => Object.fromEntries([...document.querySelectorAll(selector)].map(g => [g.dataset.vehicle, g.dataset.x]))", Markers);

    /// <summary>
    /// Over <paramref name="ticks"/> ticks of the page: the browser's main-thread time (Chrome's TaskDuration), the attribute
    /// changes the server sent to the map, and the node's CPU time. Written out, not asserted: the machine is shared.
    /// </summary>
    private async Task MeasureTicksAsync(IPage page, int ticks)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await page.EvaluateAsync("""
            () => {
                window.ccTicks = 0; window.ccMapChanges = 0;
                new MutationObserver(() => window.ccTicks++).observe(document.querySelector("[data-testid='cc-updated']"), { childList: true, characterData: true, subtree: true });
                new MutationObserver(list => window.ccMapChanges += list.length).observe(document.querySelector("[data-testid='fleet-map']"), { attributes: true, childList: true, subtree: true });
            }
            """);
        var taskBefore = await TaskSecondsAsync(cdp);
        var cpuBefore = fleet.NodeCpuTime();
        await page.WaitForFunctionAsync("n => window.ccTicks >= n", ticks, new() { Timeout = 60_000 });
        var counted = await page.EvaluateAsync<int>("() => window.ccTicks");
        var changes = await page.EvaluateAsync<int>("() => window.ccMapChanges");
        var browserMs = (await TaskSecondsAsync(cdp) - taskBefore) * 1000 / counted;
        var nodeMs = (fleet.NodeCpuTime() - cpuBefore).TotalMilliseconds / counted;
        output.WriteLine($"{FleetNode.VehicleCount} vehicles, {counted} ticks: browser main thread {browserMs:0.0} ms/tick, " +
            $"{changes / (double)counted:0} map mutations/tick, node CPU {nodeMs:0} ms/tick (includes receiving {FleetNode.VehicleCount * 2} states/s over MQTT)");
    }

    private static async Task<double> TaskSecondsAsync(ICDPSession cdp)
    {
        var metrics = await cdp.SendAsync("Performance.getMetrics");
        return metrics!.Value.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("name").GetString() == "TaskDuration").GetProperty("value").GetDouble();
    }
}
