using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using FriendshipGate.Gate;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// One replication of one policy: trucks arrive on each route (Poisson, rate by hour of day), the real Clearance
/// <see cref="RiskEngine"/> puts each declaration in a lane, trucks wait in the real Gate <see cref="QueueOrder"/>
/// (priority, booked, live, early; slots on the real <see cref="SlotGrid"/>), are served by the route's service
/// points for a time drawn from the policy's assumptions, and then cross: manned, or under the smart policy on the
/// main route as AGV transport orders run by the real Fleet traffic control and dispatcher. All in virtual time on one
/// <see cref="EventScheduler"/>; the same seed gives the same result.
/// </summary>
internal sealed partial class GateTwin
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private const long TicksPerHour = 3600 * SimulationTime.TicksPerSecond;

    private readonly Scenario scenario;
    private readonly GatePolicy policy;
    private readonly string policyName;
    private readonly ulong seed;
    private readonly int days;
    private readonly EventScheduler scheduler = new();
    private readonly VirtualTimeProvider time;
    private readonly RiskEngine risk;
    private readonly GoodsMix goods;
    private readonly SeasonCalendar seasons;
    private readonly AgvFleet? fleet;
    private readonly RandomStream arrivals, goodsRandom, service, appointments, crossing;
    private readonly RouteState[] routes;
    private readonly List<Truck> trucks = [];
    private readonly ArrivalProcess[] arrivalProcesses;
    private readonly List<double> hourlyQueue = [];
    private readonly Dictionary<string, long> lanes = new(StringComparer.Ordinal);
    private readonly Callback arrive, serviceDone, crossingDone, hourTick;
    private LaneCounts counts = LaneCounts.Zero;
    private long containersArrived, containersDelivered, containersCrossing, queueSorts;

    /// <param name="nodesDirectory">With a folder, each route's trucks go through a VN and a CN node in process whose databases go there (<see cref="StartNodes"/>).</param>
    public GateTwin(Scenario scenario, string policyName, ulong seed, int days, RiskRuleSet rules, RoadGraph road, string? nodesDirectory = null)
    {
        (this.scenario, this.policyName, this.seed, this.days, this.nodesDirectory) = (scenario, policyName, seed, days, nodesDirectory);
        policy = GatePolicy.Load(policyName);
        time = new VirtualTimeProvider(scheduler, Start);
        risk = new RiskEngine(rules);
        goods = new GoodsMix(scenario, seed);
        seasons = scenario.Calendar;
        arrivals = new RandomStream(seed, TwinStreams.Arrivals);
        goodsRandom = new RandomStream(seed, TwinStreams.Goods);
        service = new RandomStream(seed, TwinStreams.Service);
        appointments = new RandomStream(seed, TwinStreams.Appointments);
        crossing = new RandomStream(seed, TwinStreams.Crossing);
        routes = [.. scenario.Routes.Select((r, i) => new RouteState(r, i))];
        arrivalProcesses = [.. scenario.Routes.Select(r => new ArrivalProcess(scenario, r, DateOnly.FromDateTime(Start.UtcDateTime)))];
        if (policy.AgvOnMainRoute && scenario.Routes.Any(r => r.AgvRoute))
            fleet = new AgvFleet(road, time, scenario.FleetVehicles, seed, scenario.AgvBreakdownsPerVehicleDay, scenario.AgvRepairMinutes);
        arrive = new Callback(scheduler, Arrive);
        serviceDone = new Callback(scheduler, ServiceDone);
        crossingDone = new Callback(scheduler, CrossingDone);
        hourTick = new Callback(scheduler, HourTick);
    }

    private long End => days * 24 * TicksPerHour;
    private double HourOfDay => scheduler.Now % (24 * TicksPerHour) / (double)TicksPerHour;
    private DateTimeOffset Now => time.GetUtcNow();

    public ReplicationResult Run(int replication)
    {
        try
        {
            Simulate();
            return Result(replication) with { Nodes = NodeRecords() };
        }
        finally
        {
            DisposeNodesAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs the days without summarising (tests look at <see cref="Account"/> afterwards).</summary>
    internal void Simulate()
    {
        StartNodes();
        foreach (var route in routes) ScheduleNextArrival(route.Index);
        scheduler.Schedule(TicksPerHour, hourTick);
        scheduler.RunUntil(End);
        FinishNodes();
    }

    private void ScheduleNextArrival(int route)
    {
        if (arrivalProcesses[route].Next(scheduler.Now, End, arrivals.Exponential(1)) is { } at) scheduler.ScheduleAt(at, arrive, route);
    }

    private void Arrive(long routeIndex)
    {
        var route = routes[routeIndex];
        ScheduleNextArrival(route.Index);
        var index = trucks.Count;
        var declaration = $"VN-EX-{index + 1:D7}";
        var (subject, perishable) = goods.Next(declaration, goodsRandom, policy.AeoRecognised, seasons.On(DateOnly.FromDateTime(Now.UtcDateTime)));
        // Both draws are made under every policy, so the appointment stream stays aligned between them.
        var booked = appointments.Bernoulli(policy.BookedShare);
        var lead = TimeSpan.FromMinutes(appointments.Uniform(0, policy.SlotMinutes / 2.0));
        var prioritised = policy.PerishablePriority && perishable;
        DateTimeOffset? slot = policy.Appointments && booked && !prioritised ? SlotGrid.SlotOf(Now + lead, TimeSpan.FromMinutes(policy.SlotMinutes)) : null;
        string lane;
        if (pairs is not null) (declaration, lane) = Lodge(route.Index, index, subject, slot);
        else
        {
            var decision = risk.Decide(subject, RiskEngine.SeedFor(seed, declaration), counts);
            counts = counts.Add(decision.Lane);
            lane = decision.Lane;
        }
        lanes[lane] = lanes.GetValueOrDefault(lane) + 1;
        var visit = new Visit(index.ToString(System.Globalization.CultureInfo.InvariantCulture), PlateOf(index), declaration,
            slot is null ? null : $"bk-{index}", "export", prioritised, VisitState.Waiting, null, Now, null, false, null, null);
        var truck = new Truck(index, route.Index, perishable, lane, scenario.ContainersPerVehicle, new WaitingTruck(visit, slot), scheduler.Now);
        trucks.Add(truck);
        containersArrived += truck.Containers;
        route.Waiting.Add(truck);
        TryServe(route);
    }

    /// <summary>Calls trucks forward, in the Gate module's order, to every free service point while the gate is open.</summary>
    private void TryServe(RouteState route)
    {
        while (route.Busy < route.Spec.ServicePoints && route.Waiting.Count > 0 && policy.IsOpen(HourOfDay))
        {
            queueSorts++;
            var truck = pairs is not null ? CallFromNodes(route) : route.Waiting.TakeFirst(Now);
            if (truck is null) break;
            truck.ServiceStartedAt = scheduler.Now;
            var duration = SimulationTime.FromSeconds(ServiceMinutes(truck) * 60);
            route.Busy++;
            route.BusyTicks += duration;
            scheduler.Schedule(duration, serviceDone, truck.Index);
        }
    }

    /// <summary>Typing the declaration (on each side that has to) plus the lane's checks (by each side that inspects).</summary>
    private double ServiceMinutes(Truck truck)
    {
        var outage = policy.OutageSidesTyping is not null && scenario.ExchangeOutages.Any(o => o.Covers(HourOfDay));
        var typing = outage ? policy.OutageSidesTyping!.Value : policy.SidesTyping;
        var inspecting = outage ? policy.OutageSidesInspecting ?? policy.SidesInspecting : policy.SidesInspecting;
        var mean = typing * policy.DataEntryMinutesPerSide + inspecting * policy.CheckMinutesPerSide.GetValueOrDefault(truck.Lane, 1);
        return service.LogNormalWithMean(mean, policy.ServiceCv * mean);
    }

    private void ServiceDone(long truckIndex)
    {
        var truck = trucks[(int)truckIndex];
        var route = routes[truck.Route];
        route.Busy--;
        route.Released++;
        truck.ReleasedAt = scheduler.Now;
        ReleaseAtNodes(truck);
        // The AGV road is an addition to the ordinary road: when the fleet's backlog is full, the truck drives across itself.
        if (fleet is not null && route.Spec.AgvRoute && fleet.Backlog < scenario.AgvBacklogLimit)
            for (var c = 0; c < truck.Containers; c++)
                fleet.Carry($"CONT{truck.Index:D7}-{c}", Now, _ => Delivered(truck, 1));
        else
        {
            var minutes = crossing.LogNormalWithMean(policy.MannedCrossingMinutes, 0.3 * policy.MannedCrossingMinutes);
            containersCrossing += truck.Containers;
            scheduler.Schedule(SimulationTime.FromSeconds(minutes * 60), crossingDone, truck.Index);
        }
        TryServe(route);
    }

    private void CrossingDone(long truckIndex)
    {
        var truck = trucks[(int)truckIndex];
        containersCrossing -= truck.Containers;
        Delivered(truck, truck.Containers);
    }

    /// <summary>
    /// Where every container that arrived is at the end, counted from where the twin holds them (queues, service
    /// points, the road, the real <see cref="FriendshipGate.Fleet.TransportOrder"/>s' states), not from the arrival counter.
    /// </summary>
    internal ContainerAccount Account() => new(
        containersArrived, containersDelivered,
        routes.Sum(r => r.Waiting.Containers),
        trucks.Where(t => t.ServiceStartedAt is not null && t.ReleasedAt is null).Sum(t => (long)t.Containers),
        containersCrossing,
        fleet?.AllOrders.LongCount(o => o.State != FriendshipGate.Fleet.TransportOrderState.Delivered) ?? 0,
        fleet?.AllOrders.LongCount(o => o.State == FriendshipGate.Fleet.TransportOrderState.Delivered) ?? 0);

    /// <summary>Trucks that arrived on each day of the run, from the first (tests look at the seasons with it).</summary>
    internal int[] ArrivalsPerDay()
    {
        var perDay = new int[days];
        foreach (var truck in trucks) perDay[truck.ArrivedAt / (24 * TicksPerHour)]++;
        return perDay;
    }

    private void Delivered(Truck truck, int containers)
    {
        truck.ContainersDelivered += containers;
        containersDelivered += containers;
        if (truck.ContainersDelivered < truck.Containers) return;
        truck.ExitedAt = scheduler.Now;
        ArrivedAtCn(truck);
    }

    /// <summary>Every hour: note the queue, and when the gate opens, call the trucks that waited overnight forward.</summary>
    private void HourTick(long argument)
    {
        hourlyQueue.Add(routes.Sum(r => r.Waiting.Count));
        foreach (var route in routes) TryServe(route);
        scheduler.Schedule(TicksPerHour, hourTick);
    }

    private sealed class Callback(EventScheduler scheduler, Action<long> run) : EventAction(scheduler)
    {
        public override void Run(long argument) => run(argument);
    }
}
