using System.CommandLine;
using FriendshipGate.Hydrology;
using FriendshipGate.Simulation.LiveTraffic;
using FriendshipGate.Simulation.Twin;
using FriendshipGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Cli;

/// <summary>
/// Both sides' nodes in one process on loopback, each with its own SQLite file and keys, created and made to
/// trust each other on first run. A small feed of river readings keeps the exchange busy,
/// trucks of the twin's scenario pass the VN gate in scaled real time (<see cref="DemoGateTraffic"/>), and containers
/// cross the road in the demo's fleet (<see cref="DemoFleetTraffic"/>).
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder for both nodes' data.", DefaultValueFactory = _ => "fgate-data" };
        var vnUrl = new Option<string>("--vn-url") { DefaultValueFactory = _ => "http://127.0.0.1:7401", Description = "Where the VN node listens." };
        var cnUrl = new Option<string>("--cn-url") { DefaultValueFactory = _ => "http://127.0.0.1:7402", Description = "Where the CN node listens." };
        var feed = new Option<int>("--feed-seconds") { DefaultValueFactory = _ => 10, Description = "Seconds between demo river readings (0: none)." };
        var scenario = new Option<string>("--scenario") { DefaultValueFactory = _ => "ordinary-day", Description = $"The twin's scenario whose main-route trucks come to the VN gate ({string.Join(", ", Scenario.Names)})." };
        var speed = new Option<double>("--speed") { DefaultValueFactory = _ => 60, Description = "How many times faster than the clock the scenario runs (60: a day in 24 minutes; 0: no trucks)." };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1, Description = "Seed of the scenario's trucks and loads." };
        var fleet = new Option<int>("--fleet-seconds") { DefaultValueFactory = _ => 0, Description = "Seconds between extra containers for the demo's fleet, besides those of released trucks (0: none)." };
        var demo = new Command("demo", "Run a VN node and a CN node on loopback until Ctrl+C.") { data, vnUrl, cnUrl, feed, scenario, speed, seed, fleet };
        speed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 3600) r.AddError("--speed must be between 0 and 3600.");
        });
        scenario.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } name && !Scenario.Names.Contains(name))
                r.AddError($"--scenario: unknown scenario '{name}' (known: {string.Join(", ", Scenario.Names)}).");
        });
        demo.SetAction(async (result, ct) =>
        {
            var root = Path.GetFullPath(result.GetValue(data)!);
            var vnDir = Path.Combine(root, "vn");
            var cnDir = Path.Combine(root, "cn");
            if (!File.Exists(Path.Combine(vnDir, NodeSettings.FileName)) || !File.Exists(Path.Combine(cnDir, NodeSettings.FileName)))
            {
                Console.WriteLine($"first run: creating both nodes and their keys in {root}");
                var vn = NodeDirectory.Init(vnDir, NodeDirectory.DefaultId("VN"), result.GetValue(vnUrl)!, "ES256");
                var cn = NodeDirectory.Init(cnDir, NodeDirectory.DefaultId("CN"), result.GetValue(cnUrl)!, "SM2SM3");
                NodeDirectory.Trust(vnDir, cn);
                NodeDirectory.Trust(cnDir, vn);
            }
            var overrides = (string url) => new Dictionary<string, string?> { ["Node:Urls"] = url };
            // The VN node runs the demo's fleet: six simulated vehicles on an embedded broker (unless node.json names one).
            var vnOverrides = new Dictionary<string, string?>(overrides(result.GetValue(vnUrl)!)) { ["Fleet:Enabled"] = "true", ["Fleet:SimulatedVehicles"] = "6" };
            var vnSettings = NodeSettings.Load(vnDir, NodeSettings.Configuration(vnDir, vnOverrides));
            var cnSettings = NodeSettings.Load(cnDir, NodeSettings.Configuration(cnDir, overrides(result.GetValue(cnUrl)!)));
            await using var vnApp = await NodeHost.BuildAsync(vnSettings, l => l.SetMinimumLevel(LogLevel.Warning), ct);
            await using var cnApp = await NodeHost.BuildAsync(cnSettings, l => l.SetMinimumLevel(LogLevel.Warning), ct);
            await vnApp.StartAsync(ct);
            await cnApp.StartAsync(ct);
            foreach (var (settings, flag) in new[] { (vnSettings, "🇻🇳"), (cnSettings, "🇨🇳") })
            {
                Console.WriteLine($"{flag} {settings.Id,-13} {settings.Urls}   API reference {settings.Urls}/reference   status {settings.Urls}/exchange/v1/status");
                Console.WriteLine($"   operator token (Authorization: Bearer ...): {settings.OperatorToken}");
            }
            if (vnApp.Services.GetRequiredService<FriendshipGate.Fleet.FleetHost>().Broker is { } broker)
                Console.WriteLine($"fleet: VDA 5050 over MQTT at {broker} (watch: mosquitto_sub -h {broker.Host} -p {broker.Port} -t 'uagv/#' -v); status {vnSettings.Urls}/api/v1/fleet");
            Console.WriteLine($"screens: {vnSettings.Urls}/signin (VN) and {cnSettings.Urls}/signin (CN); every demo user's password is {DemoUsers.Password}");
            Console.WriteLine("demo users (API: Authorization: Bearer TOKEN):");
            foreach (var user in await DemoUsers.EnsureAsync(root, vnApp, cnApp, ct))
                Console.WriteLine($"   {user.Side} {user.Name,-11} {user.Role,-8} {user.Company ?? "",-18} {user.Token}  {user.DisplayName}");
            Console.WriteLine("Press Ctrl+C to stop.");
            var seconds = result.GetValue(feed);
            var fleetSeconds = result.GetValue(fleet);
            var fleetTraffic = new DemoFleetTraffic(vnApp);
            var trucks = result.GetValue(speed) > 0 ? Trucks(vnApp, Scenario.Load(result.GetValue(scenario)!), result.GetValue(seed), result.GetValue(speed)) : null;
            try
            {
                await Task.WhenAll(
                    seconds > 0 ? FeedAsync(vnApp, cnApp, TimeSpan.FromSeconds(seconds), ct) : Task.Delay(Timeout.Infinite, ct),
                    trucks is not null ? new DemoGateTraffic(vnApp, trucks, fleetTraffic).RunAsync(ct) : Task.CompletedTask,
                    fleetSeconds > 0 ? fleetTraffic.RunAsync(TimeSpan.FromSeconds(fleetSeconds), ct) : Task.CompletedTask);
            }
            catch (OperationCanceledException) { }
            await cnApp.StopAsync(CancellationToken.None);
            await vnApp.StopAsync(CancellationToken.None);
            return 0;
        });
        return demo;
    }

    /// <summary>
    /// The scenario's main-route trucks that the VN node's outbound lanes would serve: the demo gate has a few of the route's
    /// service points, and gets that share of its trucks.
    /// </summary>
    private static ScenarioTraffic Trucks(WebApplication vn, Scenario scenario, ulong seed, double speed)
    {
        var route = scenario.Routes[0];
        var lanes = vn.Services.GetRequiredService<FriendshipGate.Gate.GateOptions>().Lanes.Count(l => l.Direction == FriendshipGate.Gate.Direction.Outbound);
        var share = Math.Min(1, (double)lanes / route.ServicePoints);
        var trucks = new ScenarioTraffic(scenario, seed, speed, TimeProvider.System, [route.Name], share);
        Console.WriteLine($"trucks: scenario {scenario.Name} at {speed:0.#}x, scenario time now {trucks.ScenarioNow:HH:mm}: {lanes} of the main route's " +
            $"{route.ServicePoints} service points, so {trucks.Volume.PerDay:N0} of its {route.VehiclesPerDay:N0} trucks a scenario day");
        return trucks;
    }

    /// <summary>Each side records a plausible reading of each of its stations now and then.</summary>
    private static async Task FeedAsync(WebApplication vn, WebApplication cn, TimeSpan every, CancellationToken ct)
    {
        var random = new Random();
        while (!ct.IsCancellationRequested)
        {
            foreach (var app in new[] { vn, cn })
            {
                var ledger = app.Services.GetRequiredService<ObservationLedger>();
                var side = app.Services.GetRequiredService<FriendshipGate.Exchange.ExchangeOptions>().Self.Side;
                var now = DateTimeOffset.UtcNow;
                var readings = app.Services.GetRequiredService<StationCatalog>().All.Where(s => s.Code.Side == side).Select(s =>
                {
                    // Around the first known warning level, so now and then a reading crosses it and raises an alert.
                    var baseLevel = s.WarningLevelsM.Count > 0 ? s.WarningLevelsM[0] - 2 : 10;
                    return new Observation(s.Code, s.River.En ?? "", now, Math.Round(baseLevel + random.NextDouble() * 2.5, 2),
                        Math.Round(200 + random.NextDouble() * 800, 1), Math.Round(random.NextDouble() * 20, 1));
                }).ToList();
                if (readings.Count > 0) await ledger.RecordAsync(readings, ct);
            }
            await Task.Delay(every, ct);
        }
    }
}
