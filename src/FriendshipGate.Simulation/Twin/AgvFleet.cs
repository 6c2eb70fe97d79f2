using FriendshipGate.Fleet;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// The AGVs of the dedicated road in virtual time, driven by the real <see cref="TrafficControl"/> (conflict-free
/// reservations, releases) and <see cref="Dispatcher"/> (oldest order first, battery-aware), as the fleet controller
/// drives them, with the vehicles themselves simulated. Event-driven: a vehicle's next step is an engine event at its
/// exact time (it reaches the next node, finishes loading, is charged, is repaired), and the traffic control and
/// dispatcher are called only when something they look at changed (a node reached, an order, a vehicle idle, a spot
/// freed), so a year costs what its events cost, not what its seconds cost.
/// </summary>
internal sealed partial class AgvFleet
{
    public const double LoadSeconds = 60, ChargePercentPerSecond = 5.0 / 60, DrainPercentPerSecond = 0.8 / 60, SlowdownUpTo = 0.3, ChargedPercent = 95;

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
    private readonly VehicleEvent reach, workDone, charged, repaired, breakdownDue;
    private readonly SettleEvent settle;
    private readonly double dispatcherChargeBelow = new DispatchOptions().ChargeBelowPercent;
    // Set when something the dispatcher looks at changed (an order, an idle vehicle, a freed bay): it is not asked for nothing.
    private bool dispatchDue;
    private bool settlePending, retryPending;
    private double workingSeconds, brokenSeconds;
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
        reach = new VehicleEvent(this, Reach);
        workDone = new VehicleEvent(this, FinishWork);
        charged = new VehicleEvent(this, v =>
        {
            v.Battery = Math.Max(v.Battery, ChargedPercent);
            SetMode(v, Mode.Idle);
        });
        repaired = new VehicleEvent(this, v => SetMode(v, Mode.Idle));
        breakdownDue = new VehicleEvent(this, _ => RequestSettle());
        settle = new SettleEvent(this);
        var bays = road.NodesOfKind(RoadNodeKind.Bay).Select(n => n.Id).ToList();
        vnBays = [.. bays.Where(b => b.StartsWith("VN", StringComparison.Ordinal))];
        cnBays = [.. bays.Where(b => b.StartsWith("CN", StringComparison.Ordinal))];
        var parking = road.NodesOfKind(RoadNodeKind.Parking).ToList();
        if (vehicleCount > parking.Count) throw new ArgumentException($"the road has {parking.Count} parking spots, fewer than {vehicleCount} vehicles");
        for (var i = 0; i < vehicleCount; i++)
        {
            // Half start in each yard, from the two ends of the parking list.
            var spot = i % 2 == 0 ? parking[i / 2] : parking[parking.Count - 1 - i / 2];
            var v = new Agv(i, $"agv-{i:D3}", spot.Index, 60 + random.Uniform(0, 40)) { NextBreakdown = Seconds + breakdowns.Exponential(breakdownMeanSeconds) };
            traffic.PlaceVehicle(v.Key, spot.Id);
            taken.Add(spot.Id);
            vehicles.Add(v);
            byKey.Add(v.Key, v);
            ArmBreakdown(v);
        }
    }

    public int Vehicles => vehicles.Count;
    public long Delivered { get; private set; }
    public int InSystem => onDelivered.Count;
    /// <summary>Orders waiting for a vehicle.</summary>
    public int Backlog => queued.Count;
    /// <summary>Vehicle-seconds spent on anything but standing idle or broken: what carrying the containers cost.</summary>
    public double WorkingVehicleSeconds => workingSeconds + vehicles.Where(IsWorking).Sum(v => Seconds - v.ModeSince);
    public double BrokenVehicleSeconds => brokenSeconds + vehicles.Where(v => v.Mode == Mode.Broken).Sum(v => Seconds - v.ModeSince);
    public int Breakdowns { get; private set; }
    public IReadOnlyList<TransportOrder> AllOrders => allOrders;
    private readonly List<TransportOrder> allOrders = [];
    /// <summary>Route plans asked of the traffic control, and how many it could not give (the vehicle then waits and asks again).</summary>
    public long PlansAsked { get; private set; }
    public long PlansRefused { get; private set; }

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
        RequestSettle();
        return order;
    }

    /// <summary>
    /// What the fleet controller's loop does after any change, once per instant (an event at the current time, after
    /// whatever else is due now): breakdowns of vehicles standing idle, the dispatcher, plans that were refused, and
    /// loaded vehicles waiting for their drop bay.
    /// </summary>
    private void Settle()
    {
        settlePending = false;
        foreach (var v in vehicles)
            if (v.Mode == Mode.Idle && v.Goal is null && BreakdownDue(v)) BreakDown(v);
        if (dispatchDue && (queued.Count > 0 || AnyNeedsDispatch()))
        {
            dispatchDue = false;
            Dispatch();
        }
        var waiting = false;
        foreach (var v in vehicles)
        {
            if (v.Goal is not null && !v.Planned) waiting |= !TryPlan(v);
            else if (v.Mode == Mode.Staged && v.Goal is null && !taken.Contains(v.Order!.ToBay)) SetOffForDrop(v);
        }
        // A refused plan is asked again on the next change, and at the latest a second later (as the fleet controller's loop would).
        if (waiting && !retryPending)
        {
            retryPending = true;
            scheduler.Schedule(SimulationTime.TicksPerSecond, settle, 1);
        }
    }

    private void RequestSettle()
    {
        if (settlePending) return;
        settlePending = true;
        scheduler.Schedule(0, settle);
    }

    private bool AnyNeedsDispatch()
    {
        foreach (var v in vehicles)
            if (NeedsDispatch(v)) return true;
        return false;
    }

    private bool NeedsDispatch(Agv v) =>
        v.Mode == Mode.Idle && v.Goal is null && (v.Battery < dispatcherChargeBelow || road.Nodes[v.At].Kind == RoadNodeKind.Bay);

    private static bool IsWorking(Agv v) => v.Mode is not (Mode.Idle or Mode.Broken);

    /// <summary>Changes what the vehicle does, adding the time spent on the last thing to the working or broken total.</summary>
    private void SetMode(Agv v, Mode mode)
    {
        if (v.Mode == Mode.Broken) brokenSeconds += Seconds - v.ModeSince;
        else if (IsWorking(v)) workingSeconds += Seconds - v.ModeSince;
        v.Mode = mode;
        v.ModeSince = Seconds;
        if (mode != Mode.Idle) return;
        dispatchDue = true;
        RequestSettle();
        ArmBreakdown(v);
    }

    /// <summary>A breakdown due while the vehicle stands idle strikes then (see <see cref="BreakDown"/>); one due while it works waits until it is idle again.</summary>
    private void ArmBreakdown(Agv v)
    {
        if (!double.IsFinite(v.NextBreakdown) || v.BreakdownArmed == v.NextBreakdown || BreakdownDue(v)) return;
        v.BreakdownArmed = v.NextBreakdown;
        scheduler.ScheduleAt(SimulationTime.FromSeconds(v.NextBreakdown), breakdownDue, v.Index);
    }

    // Compared in ticks, as the event that comes due at it was scheduled.
    private bool BreakdownDue(Agv v) => double.IsFinite(v.NextBreakdown) && scheduler.Now >= SimulationTime.FromSeconds(v.NextBreakdown);

    private void After(double seconds, VehicleEvent action, Agv v) => scheduler.Schedule(SimulationTime.FromSeconds(Math.Max(0, seconds)), action, v.Index);

    private sealed class VehicleEvent(AgvFleet fleet, Action<Agv> run) : EventAction(fleet.scheduler)
    {
        public override void Run(long argument) => run(fleet.vehicles[(int)argument]);
    }

    private sealed class SettleEvent(AgvFleet fleet) : EventAction(fleet.scheduler)
    {
        // Argument 1: the retry a second after a refused plan.
        public override void Run(long argument)
        {
            if (argument == 1) fleet.retryPending = false;
            fleet.Settle();
        }
    }

    private enum Mode { Idle, ToPickup, Working, ToStage, Staged, ToDrop, ToPark, ToCharger, Charging, Broken }

    private sealed class Agv(int index, string key, int at, double battery)
    {
        public int Index { get; } = index;
        public string Key { get; } = key;
        public int At { get; set; } = at;
        /// <summary>The node it is driving to, while on an edge.</summary>
        public int? Towards { get; set; }
        public double EdgeSeconds { get; set; }
        public double Battery { get; set; } = battery;
        public Mode Mode { get; set; } = Mode.Idle;
        public double ModeSince { get; set; }
        public string? Goal { get; set; }
        public bool Planned { get; set; }
        /// <summary>The planned route as node indices, the step number of its first node, and where on it the vehicle is.</summary>
        public int[] Route { get; set; } = [];
        public int RouteFirstNumber { get; set; }
        public int RoutePosition { get; set; }
        public TransportOrder? Order { get; set; }
        public double NextBreakdown { get; set; }
        public double BreakdownArmed { get; set; } = double.NaN;
    }
}
