namespace FriendshipGate.Fleet;

/// <summary>
/// Conflict-free traffic on the road (see docs/fleet/routing.md). Plans reserve nodes and single-lane sections in
/// time; execution keeps each resource's planned order: a vehicle is released into a node only when everyone planned
/// through it earlier has left it, and into a section only when everyone earlier has left it or is going the same way
/// ahead of it. Delays therefore never need a re-plan, and cannot cause a collision or a deadlock. Not thread-safe:
/// the fleet controller calls it from one loop.
/// </summary>
public sealed partial class TrafficControl
{
    private readonly TimeProvider time;
    private readonly DateTimeOffset epoch;
    private readonly TrafficOptions options;
    private readonly TrafficResources resources;
    private readonly ReservationTable table;
    private readonly RoutePlanner planner;
    private readonly Dictionary<string, VehicleTraffic> vehicles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Reservation Hold, double End)>> suspended = new(StringComparer.Ordinal);
    private long releaseSequence;
    private int nextSlot;
    private readonly StaleMarks marks;
    private readonly ReleaseWakes wakes;
    // The vehicles (and their slots) in the order the dictionary gives them: releases are handed out in that order.
    private VehicleTraffic[] inOrder = [];
    private int[] slotsInOrder = [];

    public TrafficControl(RoadGraph graph, TimeProvider time, TrafficOptions? options = null)
    {
        Graph = graph;
        this.time = time;
        epoch = time.GetUtcNow();
        this.options = (options ?? new TrafficOptions()).Validate();
        resources = new TrafficResources(graph);
        marks = new StaleMarks(resources, this.options.SectionHeadwaySeconds);
        wakes = new ReleaseWakes(resources.Count);
        table = new ReservationTable(resources.Count, marks, wakes);
        planner = new RoutePlanner(table, this.options.SectionHeadwaySeconds);
    }

    public RoadGraph Graph { get; }
    public IEnumerable<string> Vehicles => vehicles.Keys;

    /// <summary>Puts a vehicle at rest on a node (not a passing place); it holds that node until it is routed away.</summary>
    public void PlaceVehicle(string vehicle, string nodeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vehicle);
        if (vehicles.ContainsKey(vehicle)) throw new InvalidOperationException($"vehicle {vehicle} is already placed");
        var node = Graph.Node(nodeId);
        if (Graph.HasLanePerDirection(node.Index)) throw new ArgumentException($"vehicles are not placed on {nodeId}, a node with a lane per direction", nameof(nodeId));
        var resource = resources.NodeResource(node.Index, -1, -1);
        if (table.On(resource).Length > 0) throw new InvalidOperationException($"node {nodeId} is taken");
        var traffic = new VehicleTraffic(nextSlot++, vehicle, node.Index, wakes);
        wakes.Wake(traffic.Slot);
        marks.Register(traffic);
        traffic.RestHold = Release(new Reservation(traffic.Slot, resource, double.NegativeInfinity, double.PositiveInfinity, -1), add: true);
        vehicles.Add(vehicle, traffic);
        KeepOrder();
    }

    /// <summary>
    /// Plans a vehicle at rest to a goal against everybody's reservations and releases its first steps. Null when no
    /// conflict-free plan exists now: the goal is taken, or a broken, silent or waiting vehicle holds part of the way.
    /// </summary>
    public TrafficHorizon? PlanRoute(string vehicle, string goalNodeId) => PlanRoute(vehicle, goalNodeId, out _);

    /// <inheritdoc cref="PlanRoute(string, string)"/>
    /// <param name="othersReleased">Other vehicles whose release grew because this one set off (send them an update).</param>
    public TrafficHorizon? PlanRoute(string vehicle, string goalNodeId, out IReadOnlyList<string> othersReleased) =>
        TryPlanRoute(vehicle, goalNodeId, out othersReleased) ? Horizon(vehicle) : null;

    /// <summary>The vehicle's state, without building its route (cheap, for every event).</summary>
    public VehicleTrafficState StateOf(string vehicle) => Get(vehicle).State;

    /// <summary>The number of the last step the vehicle is released into (as in <see cref="RouteStep.Number"/>), without building its route.</summary>
    public int LastReleasedNumber(string vehicle) => Get(vehicle) is { HasRoute: true } v ? v.FirstNumber + v.Horizon : -1;

    /// <summary>As <see cref="LastReleasedNumber(string)"/>, with the vehicle's state from the same look-up (the twin asks both for every node reached).</summary>
    public int LastReleasedNumber(string vehicle, out VehicleTrafficState state)
    {
        var v = Get(vehicle);
        state = v.State;
        return v.HasRoute ? v.FirstNumber + v.Horizon : -1;
    }

    /// <summary>The vehicle's route, what it has confirmed and what it is released into.</summary>
    public TrafficHorizon Horizon(string vehicle)
    {
        var v = Get(vehicle);
        if (v.Path is null || v.State == VehicleTrafficState.AtRest && v.Path.Nodes[^1] != v.RestNode)
        {
            var node = Graph.Nodes[v.RestNode];
            return new TrafficHorizon(v.Key, v.State, v.Revision, [new RouteStep(0, node.Id, node.X, node.Y, null, null, epoch, null)], 0, 0);
        }
        var steps = new RouteStep[v.Path.Nodes.Length];
        for (var k = 0; k < steps.Length; k++)
        {
            var node = Graph.Nodes[v.Path.Nodes[k]];
            var edge = k == 0 ? null : Graph.EdgeBetween(v.Path.Nodes[k - 1], node.Index);
            steps[k] = new RouteStep(v.FirstNumber + k, node.Id, node.X, node.Y, edge is null ? null : $"{Graph.Nodes[v.Path.Nodes[k - 1]].Id}--{node.Id}",
                edge?.MaxSpeedMps, At(v.Arrivals[k]), double.IsPositiveInfinity(v.Departures[k]) ? null : At(v.Departures[k]));
        }
        return new TrafficHorizon(v.Key, v.State, v.Revision, steps, v.Confirmed, v.Horizon);
    }

    /// <summary>
    /// The vehicle reached a node of its released route (VDA 5050 lastNodeId). Returns the vehicles whose release
    /// grew or whose state changed (send them an order update), this one included.
    /// </summary>
    public IReadOnlyList<string> ReportReached(string vehicle, string nodeId)
    {
        var v = Get(vehicle);
        var changed = new List<string> { vehicle };
        if (!v.HasRoute || Graph.Nodes[v.Path!.Nodes[v.Confirmed]].Id == nodeId) return changed;
        var k = FindReleased(v, nodeId);
        Reached(v, k);
        if (k == v.Path.Last) Arrive(v);
        if (v.State == VehicleTrafficState.Silent) return MarkRecovered(vehicle);
        var grown = ReleaseAll();
        for (var i = 0; i < grown.Count; i++)
            if (grown[i] != vehicle) changed.Add(grown[i]);
        return changed;
    }

    /// <summary>The vehicle stopped answering. It keeps its plan and all it was released into, and gets nothing more until it reports.</summary>
    public IReadOnlyList<string> MarkSilent(string vehicle) => Halt(vehicle, VehicleTrafficState.Silent);

    /// <summary>The vehicle reports a breakdown. As for silence: it keeps what it holds; <see cref="Remove"/> frees the road if it is towed away.</summary>
    public IReadOnlyList<string> MarkBroken(string vehicle) => Halt(vehicle, VehicleTrafficState.Broken);

    /// <summary>The vehicle works and reports again, perhaps from a node further on its released route; its remaining route is re-planned.</summary>
    public IReadOnlyList<string> MarkRecovered(string vehicle, string? lastNodeId = null)
    {
        var v = Get(vehicle);
        if (v.Path is null || v.Confirmed == v.Path.Last || v.RestHold is not null) { suspended.Remove(vehicle); v.State = VehicleTrafficState.AtRest; return [vehicle]; }
        if (v.State is VehicleTrafficState.Silent or VehicleTrafficState.Broken) Resume(v);
        if (lastNodeId is not null && Graph.Nodes[v.Path.Nodes[v.Confirmed]].Id != lastNodeId) Reached(v, FindReleased(v, lastNodeId));
        if (v.Confirmed == v.Path.Last) { Arrive(v); return [vehicle, .. ReleaseAll()]; }
        if (v.State == VehicleTrafficState.WaitingForRoute) return [vehicle, .. ReplanAll()];
        return [vehicle, .. ReleaseAll()];
    }

    /// <summary>The vehicle has been taken off the road (towed, switched off): everything it held is free again.</summary>
    public IReadOnlyList<string> Remove(string vehicle)
    {
        var v = Get(vehicle);
        v.DropAll(table);
        marks.Unregister(v);
        wakes.Forget(v.Slot);
        vehicles.Remove(vehicle);
        KeepOrder();
        suspended.Remove(vehicle);
        return ReplanAll();
    }

    /// <summary>
    /// Re-plans every moving or waiting vehicle's remaining route from where it is, keeping what each was released into.
    /// Vehicles that cannot get a conflict-free plan now (a broken or silent one is in their way) wait, holding only what
    /// they hold, and are tried again on the next re-plan. Returns the vehicles whose route or release changed.
    /// </summary>
    public IReadOnlyList<string> ReplanAll()
    {
        var pending = vehicles.Values.Where(v => v.State is VehicleTrafficState.Moving or VehicleTrafficState.WaitingForRoute && v.HasRoute).ToList();
        foreach (var v in pending)
        {
            v.DropUnreleased(table);
            foreach (var held in v.Held()) held.End = double.PositiveInfinity;
        }
        // Vehicles further along their plans go first: followers in a section need their leader's timing.
        pending.Sort((a, b) => a.Departures[a.Confirmed].CompareTo(b.Departures[b.Confirmed]) is var c && c != 0 ? c : a.Slot.CompareTo(b.Slot));
        var changed = pending.Select(v => v.Key).ToList();
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var v in pending.ToList())
                if (TryReplanRemainder(v)) { pending.Remove(v); progress = true; }
        }
        foreach (var v in pending) v.State = VehicleTrafficState.WaitingForRoute;
        return [.. changed.Union(ReleaseAll())];
    }

    private bool TryReplanRemainder(VehicleTraffic v)
    {
        var path = v.Path!;
        var remainder = new PathLayout(Graph, resources, path.Nodes[v.Confirmed..]);
        var held = v.Held().ToList();
        var heldNodes = held.Where(r => !resources.IsSection(r.Resource)).ToDictionary(r => r.Resource);
        var heldSections = held.Where(r => resources.IsSection(r.Resource)).ToDictionary(r => r.Resource);
        var arrivals = new double[remainder.Nodes.Length];
        var departures = new double[remainder.Nodes.Length];
        if (!planner.TryPlan(v.Slot, remainder, Now, heldSections.ToDictionary(p => p.Key, p => p.Value.ReleaseSequence), arrivals, departures)) return false;
        v.Adopt(remainder, arrivals, departures, v.FirstNumber + v.Confirmed, v.Horizon - v.Confirmed, table, heldNodes, heldSections);
        v.State = VehicleTrafficState.Moving;
        return true;
    }

    /// <summary>
    /// Silence and breakdown are treated as delays: the vehicle keeps its plan and everything it was released into, held
    /// without end while it is away (so no new plan crosses it), and is released nothing more. Vehicles planned after it
    /// on a resource wait for it in the planned order, which cannot deadlock. Nobody is re-planned: a re-plan of vehicles
    /// whose released steps interlock can leave them all waiting for a route.
    /// </summary>
    private IReadOnlyList<string> Halt(string vehicle, VehicleTrafficState state)
    {
        var v = Get(vehicle);
        var wasAway = v.State is VehicleTrafficState.Silent or VehicleTrafficState.Broken;
        var hadRoute = v.HasRoute;
        v.State = state;
        if (wasAway || !hadRoute) return [vehicle];
        suspended[vehicle] = [.. v.Held().Select(r => (r, r.End))];
        foreach (var held in v.Held()) held.End = double.PositiveInfinity;
        return [vehicle];
    }

    /// <summary>Back from silence or a breakdown: its holds get their planned ends again and it goes on with its plan.</summary>
    private void Resume(VehicleTraffic v)
    {
        if (suspended.Remove(v.Key, out var holds))
            foreach (var (reservation, end) in holds) reservation.End = end;
        v.State = VehicleTrafficState.Moving;
    }

    private void Reached(VehicleTraffic v, int k)
    {
        v.Reached(k, table);
        // Released beyond the node it reached, it drives straight on.
        v.DepartedAt = v.Horizon > k ? Now : double.NaN;
    }

    private void Arrive(VehicleTraffic v)
    {
        suspended.Remove(v.Key);
        v.State = VehicleTrafficState.AtRest;
        v.RestNode = v.Path!.Nodes[^1];
        v.RestHold = v.NodeHolds[^1];
    }

    /// <summary>Extends every moving vehicle's release as far as the planned order allows; returns those that got more.</summary>
    private IReadOnlyList<string> ReleaseAll()
    {
        List<string>? grown = null;
        for (var again = true; again && wakes.AwakeCount > 0;)
        {
            again = false;
            // Only a woken vehicle can get more (see ReleaseWakes); a vehicle woken during a pass is seen in it if it
            // comes later. With none awake, the rest of the pass (and another) would look at nobody.
            for (var p = 0; p < inOrder.Length && wakes.AwakeCount > 0; p++)
            {
                if (!wakes.TakeAwake(slotsInOrder[p])) continue;
                var v = inOrder[p];
                if (v.State == VehicleTrafficState.Moving && ReleaseNext(v))
                {
                    again = true;
                    grown ??= [];
                    if (!grown.Contains(v.Key)) grown.Add(v.Key);
                }
            }
        }
        if (grown is null) return [];
        return grown;
    }

    private void KeepOrder()
    {
        inOrder = [.. vehicles.Values];
        slotsInOrder = [.. inOrder.Select(v => v.Slot)];
    }

    private bool ReleaseNext(VehicleTraffic v)
    {
        // Nothing it stopped at changed: it would stop there again (and stopping changes nothing).
        if (v.StoppedAt is { } stop && stop.Revision == v.Revision && stop.Confirmed == v.Confirmed && stop.Horizon == v.Horizon
            && (stop.Resource < 0 || table.VersionOf(stop.Resource) == stop.Version)) return false;
        var grew = false;
        var stoppedBy = -1;
        while (v.Horizon < v.Path!.Last && v.Horizon - v.Confirmed < options.ReleaseAheadNodes)
        {
            var k = v.Horizon + 1;
            var node = v.NodeHolds[k]!;
            var section = v.SectionHolds[k - 1] is { Released: false } entering ? entering : null;
            // Whether it may enter reads only that list: the node's head, or the order and releases in the section.
            if (table.On(node.Resource)[0] != node) { stoppedBy = node.Resource; break; }
            if (section is not null && !MayEnterSection(section)) { stoppedBy = section.Resource; break; }
            if (v.Horizon == v.Confirmed) v.DepartedAt = Now;
            Release(node);
            if (section is not null) Release(section);
            v.Horizon = k;
            grew = true;
        }
        v.StoppedAt = new ReleaseStop(v.Revision, v.Confirmed, v.Horizon, stoppedBy, stoppedBy < 0 ? 0 : table.VersionOf(stoppedBy));
        wakes.StoppedAt(v.Slot, stoppedBy);
        return grew;
    }

    /// <summary>Everyone planned into the section before this vehicle has left it, or entered it going the same way.</summary>
    private bool MayEnterSection(Reservation section)
    {
        foreach (var earlier in table.On(section.Resource))
        {
            if (earlier == section) return true;
            if (earlier.Direction != section.Direction || !earlier.Released) return false;
        }
        return true;
    }

    private Reservation Release(Reservation reservation, bool add = false)
    {
        reservation.Released = true;
        reservation.Start = double.NegativeInfinity;
        reservation.ReleaseSequence = ++releaseSequence;
        if (add) table.Add(reservation);
        else table.Resort(reservation);
        return reservation;
    }

    private int FindReleased(VehicleTraffic v, string nodeId)
    {
        for (var k = v.Confirmed + 1; k <= v.Horizon; k++)
            if (Graph.Nodes[v.Path!.Nodes[k]].Id == nodeId) return k;
        throw new InvalidOperationException($"vehicle {v.Key} reports {nodeId}, which is not on its released route");
    }

    private VehicleTraffic Get(string vehicle) =>
        vehicles.TryGetValue(vehicle, out var v) ? v : throw new KeyNotFoundException($"unknown vehicle {vehicle}");

    private double Now => (time.GetUtcNow() - epoch).TotalSeconds;

    private DateTimeOffset At(double seconds) => epoch + TimeSpan.FromSeconds(seconds);

    private static readonly IReadOnlyDictionary<int, long> NoHeldSections = new Dictionary<int, long>();

    /// <summary>Re-times and plans a route between two free nodes against everybody's reservations without reserving it (what the benchmark times).</summary>
    internal bool TryPlanWithoutReserving(string fromNodeId, string goalNodeId, out double arrivalSeconds)
    {
        arrivalSeconds = double.NaN;
        var route = Graph.Route(Graph.Node(fromNodeId).Index, Graph.Node(goalNodeId).Index);
        if (route.Count < 2) return false;
        var path = new PathLayout(Graph, resources, route);
        var arrivals = new double[route.Count];
        var departures = new double[route.Count];
        Retime();   // as PlanRoute does: its cost is part of a plan
        if (!planner.TryPlan(-1, path, Now, NoHeldSections, arrivals, departures)) return false;
        arrivalSeconds = arrivals[^1];
        return true;
    }

    internal ReservationTable Table => table;
    internal TrafficResources Resources => resources;
}
