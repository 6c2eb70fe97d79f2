using FriendshipGate.Fleet;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// The AGVs of the dedicated road in virtual time, driven by the real <see cref="TrafficControl"/> (conflict-free
/// reservations, releases) and <see cref="Dispatcher"/> (oldest order first, battery-aware), as the fleet controller
/// drives them, with the vehicles themselves simulated: every second of virtual time each vehicle drives what traffic
/// control released to it, loads and unloads, charges, and now and then breaks down. The loop only ticks while there
/// is something to do, so idle nights cost nothing.
/// </summary>
internal sealed partial class AgvFleet
{
    public const double LoadSeconds = 60, ChargePercentPerSecond = 5.0 / 60, DrainPercentPerSecond = 0.8 / 60, SlowdownUpTo = 0.3;

    private readonly RoadGraph road;
    private readonly EventScheduler scheduler;
    private readonly TrafficControl traffic;
    private readonly Dispatcher dispatcher;
    private readonly RandomStream random;
    private readonly RandomStream breakdowns;
    private readonly double breakdownMeanSeconds;
    private readonly double repairSeconds;
    private readonly List<Agv> vehicles = [];
    private readonly Dictionary<string, Agv> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly List<TransportOrder> queued = [];
    private readonly Dictionary<TransportOrder, Action<TransportOrder>> onDelivered = [];
    private readonly string[] vnBays, cnBays;
    private readonly TickAction tick;
    private bool ticking;
    // Set when something the dispatcher looks at changed (an order, an idle vehicle, a freed bay): it is not asked every second for nothing.
    private bool dispatchDue;
    private int nextBay;

    public AgvFleet(RoadGraph road, VirtualTimeProvider time, int vehicleCount, ulong seed, double breakdownsPerVehicleDay, double repairMinutes)
    {
        this.road = road;
        scheduler = time.Scheduler;
        traffic = new TrafficControl(road, time);
        dispatcher = new Dispatcher(road);
        random = new RandomStream(seed, TwinStreams.Fleet);
        breakdowns = new RandomStream(seed, TwinStreams.Breakdowns);
        breakdownMeanSeconds = breakdownsPerVehicleDay > 0 ? 86_400 / breakdownsPerVehicleDay : double.PositiveInfinity;
        repairSeconds = repairMinutes * 60;
        tick = new TickAction(this);
        var bays = road.NodesOfKind(RoadNodeKind.Bay).Select(n => n.Id).ToList();
        vnBays = [.. bays.Where(b => b.StartsWith("VN", StringComparison.Ordinal))];
        cnBays = [.. bays.Where(b => b.StartsWith("CN", StringComparison.Ordinal))];
        var parking = road.NodesOfKind(RoadNodeKind.Parking).ToList();
        if (vehicleCount > parking.Count) throw new ArgumentException($"the road has {parking.Count} parking spots, fewer than {vehicleCount} vehicles");
        for (var i = 0; i < vehicleCount; i++)
        {
            // Half start in each yard, from the two ends of the parking list.
            var spot = i % 2 == 0 ? parking[i / 2] : parking[parking.Count - 1 - i / 2];
            var v = new Agv($"agv-{i:D3}", spot.Index, 60 + random.Uniform(0, 40)) { NextBreakdown = Seconds + breakdowns.Exponential(breakdownMeanSeconds) };
            traffic.PlaceVehicle(v.Key, spot.Id);
            taken.Add(spot.Id);
            vehicles.Add(v);
            byKey.Add(v.Key, v);
            v.Horizon = traffic.Horizon(v.Key);
        }
    }

    public int Vehicles => vehicles.Count;
    public long Delivered { get; private set; }
    public int InSystem => onDelivered.Count;
    /// <summary>Orders waiting for a vehicle.</summary>
    public int Backlog => queued.Count;
    /// <summary>Vehicle-seconds spent on anything but standing idle or broken: what carrying the containers cost.</summary>
    public double WorkingVehicleSeconds { get; private set; }
    public double BrokenVehicleSeconds { get; private set; }
    public int Breakdowns { get; private set; }
    public IReadOnlyList<TransportOrder> AllOrders => allOrders;
    private readonly List<TransportOrder> allOrders = [];

    private double Seconds => SimulationTime.ToSeconds(scheduler.Now);

    /// <summary>Orders a container across, from a VN yard bay to a CN yard bay; <paramref name="delivered"/> runs when it is set down.</summary>
    public TransportOrder Carry(string containerNumber, DateTimeOffset now, Action<TransportOrder> delivered)
    {
        var order = new TransportOrder($"to-{allOrders.Count + 1:D7}", containerNumber, vnBays[nextBay % vnBays.Length], cnBays[nextBay % cnBays.Length], now);
        nextBay++;
        allOrders.Add(order);
        queued.Add(order);
        onDelivered.Add(order, delivered);
        dispatchDue = true;
        if (!ticking)
        {
            ticking = true;
            scheduler.Schedule(SimulationTime.TicksPerSecond, tick);
        }
        return order;
    }

    private void Step()
    {
        foreach (var v in vehicles) Move(v);
        if (dispatchDue && (queued.Count > 0 || vehicles.Any(NeedsDispatch)))
        {
            dispatchDue = false;
            Dispatch();
        }
        foreach (var v in vehicles)
            if (v.Goal is not null && !v.Planned) TryPlan(v);
        // Keep ticking while anything moves, works, charges, is broken or waits to be carried.
        ticking = onDelivered.Count > 0 || vehicles.Any(v => v.Mode != Mode.Idle || v.Battery < dispatcherChargeBelow);
        if (ticking) scheduler.Schedule(SimulationTime.TicksPerSecond, tick);
    }

    private readonly double dispatcherChargeBelow = new DispatchOptions().ChargeBelowPercent;

    private bool NeedsDispatch(Agv v) =>
        v.Mode == Mode.Idle && v.Goal is null && (v.Battery < dispatcherChargeBelow || road.Nodes[v.At].Kind == RoadNodeKind.Bay);

    private sealed class TickAction(AgvFleet fleet) : EventAction(fleet.scheduler)
    {
        public override void Run(long argument) => fleet.Step();
    }

    private enum Mode { Idle, ToPickup, Working, ToStage, Staged, ToDrop, ToPark, ToCharger, Charging, Broken }

    private sealed class Agv(string key, int at, double battery)
    {
        public string Key { get; } = key;
        public int At { get; set; } = at;
        public int? Towards { get; set; }
        public double Remaining { get; set; }
        public double Battery { get; set; } = battery;
        public Mode Mode { get; set; } = Mode.Idle;
        public string? Goal { get; set; }
        public bool Planned { get; set; }
        public TransportOrder? Order { get; set; }
        public double BusyUntil { get; set; }
        public double NextBreakdown { get; set; }
        public TrafficHorizon Horizon { get; set; } = null!;
    }
}
