using System.Collections.Concurrent;
using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>A fleet link and simulated vehicles on a real broker, under a manufacturer name of their own.</summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<SimulatedVehicle> vehicles = [];

    private FleetHarness(BrokerAddress broker, string manufacturer, FleetLink link)
    {
        BrokerAddress = broker;
        Manufacturer = manufacturer;
        Link = link;
        link.EventRaised += Events.Enqueue;
    }

    public BrokerAddress BrokerAddress { get; }
    public string Manufacturer { get; }
    public FleetLink Link { get; }
    public ConcurrentQueue<FleetEvent> Events { get; } = new();

    public static async Task<FleetHarness> StartAsync(string prefix, IEnumerable<(string Serial, Vda5050Version Version)> fleet, TimeSpan? silenceTimeout = null, BrokerAddress? broker = null)
    {
        var address = broker ?? Broker.Required();
        var manufacturer = Broker.UniqueManufacturer(prefix);
        var link = await FleetLink.ConnectAsync(
            new FleetLinkOptions(address) { SilenceTimeout = silenceTimeout ?? TimeSpan.FromSeconds(5) },
            fleet.Select(v => new FleetVehicle(new VehicleId(manufacturer, v.Serial), v.Version)),
            TimeProvider.System);
        return new FleetHarness(address, manufacturer, link);
    }

    public VehicleId Id(string serial) => new(Manufacturer, serial);

    public async Task<SimulatedVehicle> StartVehicleAsync(string serial, Vda5050Version version, string? manufacturer = null)
    {
        var options = Samples.Options(version, BrokerAddress, new VehicleId(manufacturer ?? Manufacturer, serial)) with
        {
            SpeedMetersPerSecond = 40,
            HandlingDuration = TimeSpan.FromMilliseconds(200),
            StateInterval = TimeSpan.FromMilliseconds(250),
            TickInterval = TimeSpan.FromMilliseconds(50),
        };
        var vehicle = await SimulatedVehicle.StartAsync(options, TimeProvider.System);
        vehicles.Add(vehicle);
        return vehicle;
    }

    /// <summary>Waits until the vehicle's status satisfies <paramref name="condition"/>; fails after <see cref="Patience"/>.</summary>
    public async Task<VehicleStatus> WaitForAsync(VehicleId id, Func<VehicleStatus, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = Link.Status(id);
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{id}: {what} did not happen within {Patience.TotalSeconds} s; {Describe(status)}");
            await Task.Delay(20);
        }
    }

    /// <summary>Everything a failed wait needs to be understood from the CI log alone: the last state in full and how old it is.</summary>
    private string Describe(VehicleStatus status)
    {
        var received = Events.OfType<VehicleStateReceived>().Count(e => e.Vehicle == status.Id);
        if (status.State is not { } s) return $"no state yet ({received} received), connection {status.Connection}, silent {status.IsSilent}";
        var age = DateTimeOffset.UtcNow - (status.StateReceivedAt ?? DateTimeOffset.UtcNow);
        return $"last state (header {s.HeaderId}, {age.TotalSeconds:0.0} s old, {received} received): order {s.OrderId}/{s.OrderUpdateId} at {s.LastNodeId}, "
            + $"driving {s.Driving}, paused {s.Paused}, position ({s.AgvPosition?.X}, {s.AgvPosition?.Y}), "
            + $"nodes [{string.Join(", ", s.NodeStates.Select(n => $"{n.NodeId}{(n.Released ? "" : "?")}"))}], "
            + $"actions [{string.Join(", ", s.ActionStates.Select(a => $"{a.ActionType}:{a.ActionStatus}"))}], "
            + $"errors [{string.Join(", ", s.Errors.Select(e => e.ErrorType))}], connection {status.Connection}, silent {status.IsSilent}; "
            + $"the link lost the broker {Link.BrokerDisconnects} times{(Link.LastBrokerDisconnect is { } last ? $", last at {last}" : "")}";
    }

    public async Task<T> WaitForEventAsync<T>(Func<T, bool> condition, string what) where T : FleetEvent
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (Events.OfType<T>().FirstOrDefault(condition) is { } found) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} did not happen within {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var vehicle in vehicles) await vehicle.DisposeAsync();
        await Link.DisposeAsync();
    }
}
