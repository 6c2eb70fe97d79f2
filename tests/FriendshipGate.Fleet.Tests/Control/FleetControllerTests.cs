using System.Collections.Concurrent;
using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// The whole fleet through a real Mosquitto broker: the controller, its fleet link and simulated vehicles, each its own MQTT
/// client, on a clock running 200 times faster than real time (hours of traffic in a few minutes). They run alone: at that
/// pace they keep the test process's thread pool busy, and other tests' MQTT clients would lag behind their brokers.
/// </summary>
[Collection(nameof(AloneCollection))]
public sealed class FleetControllerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Speedup = 200;

    /// <summary>
    /// Twenty vehicles (half 2.0, half 2.1) carry 500 containers across the road, half each way, through a real Mosquitto
    /// broker: no two vehicles head-on in a single-lane section, none on a node another stands on, every order finished,
    /// every vehicle used; and every order and instant action on the broker (and a sample of the states) valid against the
    /// official schema of its version.
    /// </summary>
    [Fact]
    public async Task TwentyVehicles_Carry500ContainersAcrossTheRoad_WithNoCollisionDeadlockOrStarvation_AndEveryOrderFinished()
    {
        var manufacturer = Broker.UniqueManufacturer("fleet");
        await using var watcher = await BrokerWatcher.StartAsync(Broker.Required(), manufacturer, stateSamples: ["IGV-01", "IGV-02"]);
        var outcome = await RunAsync(manufacturer, vehicles: 20, containers: 500, patience: TimeSpan.FromMinutes(12), speedup: 400);

        Assert.Empty(outcome.Breaches);
        Assert.Equal(outcome.Submitted.Select(o => o.Id).Order(), outcome.Delivered.Keys.Order());
        Assert.Equal(20, outcome.DeliveriesByVehicle.Count);
        await watcher.CatchUpAsync(TimeSpan.FromMinutes(2));
        Assert.Empty(watcher.Violations());
        Assert.True(watcher.Orders > 500, $"only {watcher.Orders} orders seen on the broker; the watcher's connection: {watcher.Lost ?? "never lost"}");
    }

    /// <summary>
    /// A goes silent on the road with its container; B, coming the other way, never enters what A holds; once A reports
    /// again both finish. Before silence was treated as a delay, the re-plan on A's return left both waiting for a route.
    /// </summary>
    [Fact]
    public async Task AVehicleThatGoesSilentOnTheRoad_KeepsWhatItWasReleasedInto_UntilItIsFound()
    {
        var broker = Broker.Required();
        var time = new AcceleratedTime(Speedup);
        var graph = RoadGraphLoader.LoadDefault();
        var manufacturer = Broker.UniqueManufacturer("silent");
        var fleet = new[] { new FleetVehicle(new VehicleId(manufacturer, "IGV-A"), Vda5050Version.V2_1), new FleetVehicle(new VehicleId(manufacturer, "IGV-B"), Vda5050Version.V2_0) };
        await using var link = await FleetLink.ConnectAsync(new FleetLinkOptions(broker) { SilenceTimeout = TimeSpan.FromMinutes(5) }, fleet, time);
        var nodesOfB = new ConcurrentQueue<string>();
        link.EventRaised += e => { if (e is VehicleStateReceived { State: var s } && e.Vehicle == fleet[1].Id) nodesOfB.Enqueue(s.LastNodeId); };
        await using var controller = new FleetController(graph, link, fleet, time, new FleetControllerOptions { DispatchInterval = TimeSpan.FromSeconds(5) });
        var delivered = new ConcurrentBag<string>();
        controller.OrderDelivered += o => delivered.Add(o.Id);
        var starts = new[] { graph["VN-P001"], graph["CN-P001"] };
        var vehicles = new List<SimulatedVehicle>();
        try
        {
            for (var i = 0; i < 2; i++)
                vehicles.Add(await SimulatedVehicle.StartAsync(new SimulatedVehicleOptions(broker, fleet[i].Id, fleet[i].Version)
                {
                    StartNodeId = starts[i].Id, StartX = starts[i].X, StartY = starts[i].Y, MapId = graph.MapId,
                    SpeedMetersPerSecond = 6, TickInterval = TimeSpan.FromSeconds(2), StateInterval = TimeSpan.FromSeconds(30), HandlingDuration = TimeSpan.FromSeconds(60),
                }, time));
            var a = await controller.SubmitAsync($"FGTU000001{ContainerNumber("000001")}", "VN-B01", "CN-B01");
            var b = await controller.SubmitAsync($"FGTU000002{ContainerNumber("000002")}", "CN-B02", "VN-B02");

            // A goes silent once it is out on the road with its container.
            var onRoad = await WaitForAsync(controller, s => s.Vehicles[0] is { Job: JobKind.Deliver, Node: { } n } && graph[n].Kind is RoadNodeKind.Road or RoadNodeKind.PassingPlace, "A on the road");
            vehicles[0].GoSilent();
            var silent = await WaitForAsync(controller, s => s.Vehicles[0].Silent, "A reported silent");
            var held = silent.Vehicles[0].Holds.Where(n => !graph.HasLanePerDirection(graph[n].Index)).ToHashSet();
            Assert.NotEmpty(held);
            nodesOfB.Clear();
            // Two virtual hours: B may drive up to A's sections but never into them.
            await Task.Delay(time.Scale(TimeSpan.FromHours(2)));
            Assert.DoesNotContain(nodesOfB, held.Contains);
            Assert.Equal(held, (await controller.SnapshotAsync()).Vehicles[0].Holds.Where(n => !graph.HasLanePerDirection(graph[n].Index)).ToHashSet());

            vehicles[0].Resume();
            await WaitForAsync(controller, _ => delivered.Count == 2, "both containers delivered after A is found");
            Assert.Equal([a.Id, b.Id], delivered.Order());
        }
        finally
        {
            foreach (var vehicle in vehicles) await vehicle.DisposeAsync();
        }
    }

    private static async Task<FleetSnapshot> WaitForAsync(FleetController controller, Func<FleetSnapshot, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var snapshot = await controller.SnapshotAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (condition(snapshot)) return snapshot;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{what} did not happen; vehicles: {string.Join("; ", snapshot.Vehicles.Select(v => $"{v.Vehicle} {v.Traffic} {v.Job} at {v.Node} silent {v.Silent}"))}");
            await Task.Delay(50);
        }
    }

    private sealed record Outcome(IReadOnlyList<TransportOrder> Submitted, IReadOnlyDictionary<string, DateTimeOffset> Delivered,
        IReadOnlyDictionary<string, int> DeliveriesByVehicle, IReadOnlyList<string> Breaches, int States);

    private async Task<Outcome> RunAsync(string manufacturer, int vehicles, int containers, TimeSpan patience, double speedup)
    {
        var broker = Broker.Required();
        var time = new AcceleratedTime(speedup);
        var graph = RoadGraphLoader.LoadDefault();
        // Half the vehicles speak 2.0, half 2.1; they start on parking spots of both yards.
        var spots = graph.NodesOfKind(RoadNodeKind.Parking).GroupBy(n => n.Id[..2]).SelectMany(g => g.Take(vehicles / 2)).ToList();
        var fleet = Enumerable.Range(0, vehicles).Select(i => new FleetVehicle(new VehicleId(manufacturer, $"IGV-{i + 1:D2}"), i % 2 == 0 ? Vda5050Version.V2_0 : Vda5050Version.V2_1)).ToList();
        var monitor = new TrafficMonitor(graph);
        await using var link = await FleetLink.ConnectAsync(new FleetLinkOptions(broker) { SilenceTimeout = TimeSpan.FromHours(1) }, fleet, time);
        link.EventRaised += monitor.Observe;
        await using var controller = new FleetController(graph, link, fleet, time, new FleetControllerOptions { DispatchInterval = TimeSpan.FromSeconds(5) });
        var delivered = new ConcurrentDictionary<string, DateTimeOffset>();
        var byVehicle = new ConcurrentDictionary<string, int>();
        controller.OrderDelivered += o => { delivered[o.Id] = time.GetUtcNow(); byVehicle.AddOrUpdate(o.Vehicle!, 1, (_, n) => n + 1); };
        var started = new List<SimulatedVehicle>();
        try
        {
            for (var i = 0; i < vehicles; i++)
            {
                var spot = spots[i];
                started.Add(await SimulatedVehicle.StartAsync(new SimulatedVehicleOptions(broker, fleet[i].Id, fleet[i].Version)
                {
                    StartNodeId = spot.Id, StartX = spot.X, StartY = spot.Y, MapId = graph.MapId,
                    SpeedMetersPerSecond = 6, TickInterval = TimeSpan.FromSeconds(2), StateInterval = TimeSpan.FromSeconds(30),
                    HandlingDuration = TimeSpan.FromSeconds(60), DrainPercentPerKm = 0.5,
                }, time));
            }
            var bays = graph.NodesOfKind(RoadNodeKind.Bay).ToList();
            var vn = bays.Where(b => b.Id.StartsWith("VN", StringComparison.Ordinal)).ToList();
            var cn = bays.Where(b => b.Id.StartsWith("CN", StringComparison.Ordinal)).ToList();
            var submitted = new List<TransportOrder>();
            for (var i = 0; i < containers; i++)
            {
                var (from, to) = i % 2 == 0 ? (vn[i / 2 % vn.Count], cn[(i / 2 + 5) % cn.Count]) : (cn[i / 2 % cn.Count], vn[(i / 2 + 7) % vn.Count]);
                var serial = $"{i:D6}";
                submitted.Add(await controller.SubmitAsync($"FGTU{serial}{ContainerNumber(serial)}", from.Id, to.Id));
            }
            var deadline = DateTime.UtcNow + patience;
            var began = time.GetUtcNow();
            while (delivered.Count < containers && monitor.Breaches.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(200);
            var snapshot = await controller.SnapshotAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var hours = (time.GetUtcNow() - began).TotalHours;
            output.WriteLine($"{delivered.Count} containers in {hours:F1} h of virtual time ({delivered.Count / hours * 24:F0} a day) at {speedup}x");
            Assert.True(delivered.Count == containers || !monitor.Breaches.IsEmpty,
                $"{delivered.Count} of {containers} delivered in {patience.TotalMinutes} min; queued {snapshot.OrdersQueued}, active {snapshot.OrdersActive}; vehicles: " +
                string.Join("; ", snapshot.Vehicles.Select(v => $"{v.Vehicle} {v.Traffic} {v.Job} at {v.Node} battery {v.Battery:0}")));
            return new Outcome(submitted, delivered, byVehicle, [.. monitor.Breaches], monitor.States);
        }
        finally
        {
            foreach (var vehicle in started) await vehicle.DisposeAsync();
        }
    }

    private static int ContainerNumber(string serial) => global::FriendshipGate.Clearance.ContainerNumber.CheckDigit($"FGTU{serial}");
}
