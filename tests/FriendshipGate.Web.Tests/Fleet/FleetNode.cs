using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using FriendshipGate.Bench;
using FriendshipGate.Fleet;

namespace FriendshipGate.Web.Tests.Fleet;

/// <summary>
/// A real VN node process whose fleet of <see cref="VehicleCount"/> vehicles listens on the Mosquitto broker the fleet
/// tests use (FGATE_MQTT, or 127.0.0.1:1883 as test.sh starts it), and those vehicles moving on it. Its own CN peer is
/// not started: the command center does not need it, and the two cores are better spent on the vehicles.
/// </summary>
public sealed class FleetNode : IAsyncLifetime
{
    public const int VehicleCount = 200;
    public const string Officer = "vn.fleet.officer";

    private MovingVehicles? moving;

    public NodePair Nodes { get; private set; } = default!;
    public string Url => Nodes.Vn.Url;
    public IReadOnlyList<FleetVehicle> Vehicles { get; private set; } = [];

    public static BrokerAddress Broker { get; } = BrokerAddress.Parse(Environment.GetEnvironmentVariable("FGATE_MQTT") is { Length: > 0 } s ? s : "127.0.0.1:1883");

    public async Task InitializeAsync()
    {
        RequireBroker();
        // A manufacturer of its own: other tests on the same broker never see these vehicles, nor these nodes theirs.
        var manufacturer = "cc" + Guid.NewGuid().ToString("N")[..10];
        Vehicles = [.. Enumerable.Range(1, VehicleCount).Select(i => new FleetVehicle(new VehicleId(manufacturer, $"AGV-{i:D3}"), i % 2 == 0 ? Vda5050Version.V2_0 : Vda5050Version.V2_1))];
        Nodes = await NodePair.CreateAsync(FgateExecutable.Current(), start: false);
        var file = Path.Combine(Nodes.Vn.Directory, "node.json");
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        settings["Fleet"] = new JsonObject
        {
            ["Enabled"] = true,
            ["Broker"] = Broker.ToString(),
            ["Vehicles"] = new JsonArray([.. Vehicles.Select(v => (JsonNode)new JsonObject
            {
                ["Manufacturer"] = v.Id.Manufacturer, ["Serial"] = v.Id.SerialNumber, ["Version"] = v.Version.Text,
            })]),
        };
        await File.WriteAllTextAsync(file, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await Nodes.Vn.StartAsync();
        using var response = await Nodes.VnApi.Http.PostAsJsonAsync("api/v1/users",
            new { name = Officer, role = "officer", company = (string?)null, displayName = "Trần Thị Bình", password = BrowserNodes.Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        moving = await MovingVehicles.StartAsync(Broker, Vehicles);
    }

    /// <summary>The node's CPU time so far (user + system): what the vehicles and the open screens cost it.</summary>
    public TimeSpan NodeCpuTime() => Nodes.Vn.ProcessorTime;

    private static void RequireBroker()
    {
        using var tcp = new TcpClient();
        try { tcp.Connect(Broker.Host, Broker.Port); }
        catch (SocketException e)
        {
            Assert.Fail($"no MQTT broker at {Broker} ({e.SocketErrorCode}): start Mosquitto as test.sh does, or set FGATE_MQTT=HOST:PORT.");
        }
    }

    public async Task DisposeAsync()
    {
        if (moving is not null) await moving.DisposeAsync();
        if (Nodes is not null) await Nodes.DisposeAsync();
    }
}
