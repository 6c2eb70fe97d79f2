namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// An in-memory fleet in virtual time (1 s steps): vehicles drive only what the traffic control released, with
/// seeded random slowdowns and stops; the dispatcher hands out orders; every step checks that no two vehicles meet
/// head-on in a single-lane section and that no node holds more vehicles than it has room for.
/// </summary>
internal sealed partial class FleetSimulation
{
    public const double LoadSeconds = 60, ChargePercentPerSecond = 5.0 / 60, DrainPercentPerSecond = 0.8 / 60;

    private readonly RoadGraph road;
    private readonly ManualTime clock = new();
    private readonly TrafficControl traffic;
    private readonly Dispatcher dispatcher;
    private readonly Random random;
    private readonly List<Vehicle> vehicles = [];
    private readonly Dictionary<string, TrafficHorizon> horizons = [];
    private readonly HashSet<string> taken = [];
    private readonly List<string> violations = [];
    private readonly DateTimeOffset start;

    public FleetSimulation(RoadGraph road, int vehicleCount, int seed)
    {
        this.road = road;
        start = clock.GetUtcNow();
        traffic = new TrafficControl(road, clock);
        dispatcher = new Dispatcher(road);
        random = new Random(seed);
        var parking = road.NodesOfKind(RoadNodeKind.Parking).ToList();
        for (var i = 0; i < vehicleCount; i++)
        {
            // Half start in each yard.
            var spot = i % 2 == 0 ? parking[i / 2] : parking[parking.Count - 1 - i / 2];
            var v = new Vehicle($"agv-{i:D2}", spot.Index, 40 + random.Next(60));
            traffic.PlaceVehicle(v.Key, spot.Id);
            taken.Add(spot.Id);
            vehicles.Add(v);
            horizons[v.Key] = traffic.Horizon(v.Key);
        }
    }

    public List<TransportOrder> Orders { get; } = [];
    /// <summary>Each edge takes up to this much longer than planned (uniformly at random), and a vehicle released to drive on stops for a second with this chance.</summary>
    public double SlowdownUpTo { get; init; } = 0.5;
    public double StopChance { get; init; } = 0.03;
    public IReadOnlyList<string> Violations => violations;
    public double Seconds => (clock.GetUtcNow() - start).TotalSeconds;
    public double LongestWaitSeconds { get; private set; }
    public double LowestBattery { get; private set; } = 100;
    public int Trips { get; private set; }
    /// <summary>Loaded trips that found their drop bay taken and waited on a parking spot near it.</summary>
    public int StagedTrips { get; private set; }
    /// <summary>Vehicle-seconds spent in each activity (driving, waiting for a release, loading, idle, charging): where the time goes.</summary>
    public Dictionary<string, double> TimeSpent { get; } = [];

    /// <summary>While set, the named vehicle is frozen where it is and the traffic control has been told it is silent.</summary>
    public SilenceProbe? Silence { get; private set; }

    public void Run(double maxSeconds, Func<FleetSimulation, bool>? onStep = null)
    {
        while (Seconds < maxSeconds && Orders.Any(o => o.State != TransportOrderState.Delivered))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            foreach (var v in vehicles) Move(v);
            Dispatch();
            foreach (var v in vehicles) if (v.Goal is not null && !v.Planned) TryPlan(v);
            CheckSafety();
            if (onStep is not null && !onStep(this)) break;
        }
    }

    private void Move(Vehicle v)
    {
        if (Silence?.Vehicle == v.Key && Silence.Active) return;
        Account(v);
        if (v.Towards is { } towards)
        {
            v.Remaining -= 1;
            v.Battery = Math.Max(0, v.Battery - DrainPercentPerSecond);
            LowestBattery = Math.Min(LowestBattery, v.Battery);
            if (v.Remaining > 0) return;
            v.Previous = v.At;
            v.At = towards;
            v.Towards = null;
            Refresh(traffic.ReportReached(v.Key, road.Nodes[v.At].Id));
            // The rest of the second goes into the next edge if it is released: a vehicle does not stop at every node.
            DriveOn(v, -v.Remaining);
            return;
        }
        var h = horizons[v.Key];
        if (v.Planned && h.State is VehicleTrafficState.Moving or VehicleTrafficState.WaitingForRoute && h.LastConfirmed < h.Route.Count - 1)
        {
            if (!DriveOn(v, 0)) LongestWaitSeconds = Math.Max(LongestWaitSeconds, Seconds - v.WaitingSince);
            return;
        }
        if (v.Planned && h.Finished) Arrived(v);
        else if (v.Mode == Mode.Working && Seconds >= v.BusyUntil) FinishWork(v);
        else if (v.Mode == Mode.Staged && v.Goal is null && !taken.Contains(v.Order!.ToBay)) SetOffForDrop(v);
        else if (v.Mode == Mode.Charging)
        {
            v.Battery = Math.Min(100, v.Battery + ChargePercentPerSecond);
            if (v.Battery >= 95) v.Mode = Mode.Idle;
        }
    }

    /// <summary>Sets off along the next released edge, already <paramref name="spent"/> seconds into it; false when nothing is released (or it pauses).</summary>
    private bool DriveOn(Vehicle v, double spent)
    {
        var h = horizons[v.Key];
        if (!(h.State is VehicleTrafficState.Moving && h.LastConfirmed < h.LastReleased) || random.NextDouble() < StopChance) return false;   // now and then a vehicle stops for a second
        var next = road[h.Route[h.LastConfirmed + 1].NodeId].Index;
        v.Towards = next;
        v.Remaining = RoadGraph.TravelSeconds(road.EdgeBetween(v.At, next)) * (1 + random.NextDouble() * SlowdownUpTo) - spent;
        v.WaitingSince = Seconds;
        return true;
    }

    private void Account(Vehicle v)
    {
        var h = horizons[v.Key];
        var activity = v.Towards is not null ? $"driving {v.Mode}"
            : v.Planned && !h.Finished ? (v.Goal is not null && h.LastConfirmed == 0 ? $"waiting to leave {v.Mode}" : $"waiting on the way {v.Mode}")
            : v.Goal is not null ? $"waiting for a plan {v.Mode}"
            : v.Mode.ToString();
        TimeSpent[activity] = TimeSpent.GetValueOrDefault(activity) + 1;
    }

    private void Arrived(Vehicle v)
    {
        v.Planned = false;
        v.Goal = null;
        switch (v.Mode)
        {
            case Mode.ToPickup or Mode.ToDrop:
                v.Mode = Mode.Working;
                v.BusyUntil = Seconds + LoadSeconds;
                break;
            case Mode.ToCharger: v.Mode = Mode.Charging; break;
            case Mode.ToStage: v.Mode = Mode.Staged; break;
            default: v.Mode = Mode.Idle; break;
        }
    }

    private void FinishWork(Vehicle v)
    {
        var order = v.Order!;
        if (order.State == TransportOrderState.Assigned)
        {
            order.PickUp();
            SetOffForDrop(v);
            return;
        }
        order.Deliver();
        Trips++;
        v.Order = null;
        v.Mode = Mode.Idle;
    }

    /// <summary>To the drop bay if it is free, else to the parking spot nearest it to wait (as the fleet controller does).</summary>
    private void SetOffForDrop(Vehicle v)
    {
        var bay = v.Order!.ToBay;
        if (!taken.Contains(bay))
        {
            taken.Add(bay);
            Send(v, Mode.ToDrop, bay);
            return;
        }
        v.Mode = Mode.Staged;
        if (road.Nodes[v.At].Kind == RoadNodeKind.Parking || dispatcher.StagingSpot(v.Order, taken) is not { } spot) return;
        taken.Add(spot);
        Send(v, Mode.ToStage, spot);
        StagedTrips++;
    }

    private void Dispatch()
    {
        var idle = vehicles.Where(v => v.Mode == Mode.Idle && v.Goal is null && !(Silence?.Vehicle == v.Key && Silence.Active)).ToList();
        if (idle.Count == 0) return;
        var conditions = idle.Select(v => new VehicleCondition(v.Key, road.Nodes[v.At].Id, false, v.Battery, VehicleAvailability.Available));
        var decision = dispatcher.Decide(Orders, conditions, taken);
        foreach (var (order, key) in decision.Assignments)
        {
            var v = vehicles.Single(x => x.Key == key);
            order.Assign(key);
            v.Order = order;
            taken.Add(order.FromBay);
            if (road.Nodes[v.At].Id == order.FromBay) { v.Mode = Mode.Working; v.BusyUntil = Seconds + LoadSeconds; }
            else Send(v, Mode.ToPickup, order.FromBay);
        }
        foreach (var (key, charger) in decision.Charging)
        {
            taken.Add(charger);
            Send(vehicles.Single(x => x.Key == key), Mode.ToCharger, charger);
        }
        // An idle vehicle left standing on a bay moves to a parking spot so the bay can be served.
        foreach (var v in idle.Where(v => v.Mode == Mode.Idle && v.Goal is null && road.Nodes[v.At].Kind == RoadNodeKind.Bay))
        {
            var spot = dispatcher.NearestFree(road.Nodes[v.At].Id, RoadNodeKind.Parking, taken)!;
            taken.Add(spot);
            Send(v, Mode.ToPark, spot);
        }
    }

    private void Send(Vehicle v, Mode mode, string goal)
    {
        v.Mode = mode;
        v.Goal = goal;
        v.Planned = false;
        TryPlan(v);
    }

    private void TryPlan(Vehicle v)
    {
        if (Silence?.Vehicle == v.Key && Silence.Active) return;
        var plan = traffic.PlanRoute(v.Key, v.Goal!);
        if (plan is null) return;
        taken.Remove(road.Nodes[v.At].Id);
        v.Planned = true;
        v.WaitingSince = Seconds;
        horizons[v.Key] = plan;
    }

    private void Refresh(IEnumerable<string> changed)
    {
        foreach (var key in changed) horizons[key] = traffic.Horizon(key);
    }

    private void Violation(string text)
    {
        if (violations.Count < 20) violations.Add($"t={Seconds}: {text}");
    }

    private enum Mode { Idle, ToPickup, Working, ToStage, Staged, ToDrop, ToPark, ToCharger, Charging }

    private sealed class Vehicle(string key, int at, double battery)
    {
        public string Key { get; } = key;
        public int At { get; set; } = at;
        public int Previous { get; set; } = -1;
        public int? Towards { get; set; }
        public double Remaining { get; set; }
        public double Battery { get; set; } = battery;
        public Mode Mode { get; set; } = Mode.Idle;
        public string? Goal { get; set; }
        public bool Planned { get; set; }
        public TransportOrder? Order { get; set; }
        public double BusyUntil { get; set; }
        public double WaitingSince { get; set; }
    }
}
