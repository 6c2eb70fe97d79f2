namespace FriendshipGate.Fleet;

public sealed record DispatchOptions
{
    /// <summary>Below this an idle vehicle goes to charge before it takes any order.</summary>
    public double ChargeBelowPercent { get; init; } = 25;
    /// <summary>Battery used per minute of driving (the road is flat; a constant rate keeps the rule easy to check).</summary>
    public double PercentPerDrivingMinute { get; init; } = 0.8;
    /// <summary>Kept in hand after a trip and the drive to the nearest charger after it.</summary>
    public double ReservePercent { get; init; } = 5;
    /// <summary>Trips take longer than free-flow driving (waiting behind others, slower stretches): driving time is estimated this many times over.</summary>
    public double DelayAllowance { get; init; } = 1.5;
}

public sealed record Assignment(TransportOrder Order, string Vehicle);
public sealed record ChargeInstruction(string Vehicle, string ChargerNodeId);
public sealed record DispatchDecision(IReadOnlyList<Assignment> Assignments, IReadOnlyList<ChargeInstruction> Charging);

/// <summary>
/// Assigns queued orders to idle vehicles, oldest order first, each to the vehicle that reaches its pickup bay
/// soonest among those whose battery can finish the whole trip (to pickup, to drop, then to the nearest charger,
/// plus a reserve). Strict FIFO on vehicles: when the oldest order that can be served now finds no vehicle, no
/// younger order gets one either, so the oldest is never passed over. Vehicles low on battery go to charge first.
/// </summary>
public sealed class Dispatcher(RoadGraph graph, DispatchOptions? options = null)
{
    private readonly DispatchOptions options = options ?? new DispatchOptions();
    private readonly double[] nearestChargerSeconds = [.. graph.Nodes.Select(_ => double.NaN)];

    /// <param name="taken">Node ids of bays, parking spots and chargers that a vehicle stands on or is heading to.</param>
    public DispatchDecision Decide(IEnumerable<TransportOrder> queued, IEnumerable<VehicleCondition> vehicles, IReadOnlySet<string> taken)
    {
        var idle = vehicles.Where(v => v.Availability == VehicleAvailability.Available && !v.Loaded).ToList();
        var charging = new List<ChargeInstruction>();
        var claimed = new Claims(taken);
        foreach (var low in idle.Where(v => v.BatteryPercent < options.ChargeBelowPercent).ToList())
        {
            idle.Remove(low);
            var charger = NearestFree(low.NodeId, RoadNodeKind.Charger, claimed);
            if (charger is null) continue;
            claimed.Add(charger);
            charging.Add(new ChargeInstruction(low.Vehicle, charger));
        }
        var assignments = new List<Assignment>();
        foreach (var order in OldestFirst(queued))
        {
            if (idle.Count == 0) break;
            // A pickup bay another vehicle stands on or heads to cannot be served now; it is freed when that vehicle leaves.
            // The drop bay is not claimed here: it is taken when the loaded vehicle sets off for it (see StagingSpot).
            if (claimed.Contains(order.FromBay) && !idle.Any(v => v.NodeId == order.FromBay)) continue;
            var best = Nearest(idle, order, claimed);
            if (best is null)
            {
                // Nobody idle can do this trip on its battery: they charge first, and no younger order overtakes this one.
                foreach (var weak in idle.ToList()) SendToCharge(weak, idle, claimed, charging);
                break;
            }
            idle.Remove(best);
            claimed.Add(order.FromBay);
            assignments.Add(new Assignment(order, best.Vehicle));
        }
        return new DispatchDecision(assignments, charging);
    }

    /// <summary>Battery the trip needs: drive to pickup, to drop, then to the charger nearest the drop, plus the reserve.</summary>
    public double TripPercent(string fromNode, TransportOrder order)
    {
        var drop = graph[order.ToBay].Index;
        var seconds = graph.TravelSeconds(graph[fromNode].Index, graph[order.FromBay].Index)
            + graph.TravelSeconds(graph[order.FromBay].Index, drop)
            + SecondsToNearestCharger(drop);
        return seconds * options.DelayAllowance / 60 * options.PercentPerDrivingMinute + options.ReservePercent;
    }

    /// <summary>Remembered per node: the dispatcher asks it for every order and idle vehicle each time it decides.</summary>
    private double SecondsToNearestCharger(int node)
    {
        if (double.IsNaN(nearestChargerSeconds[node]))
            nearestChargerSeconds[node] = graph.NodesOfKind(RoadNodeKind.Charger).Min(c => graph.TravelSeconds(node, c.Index));
        return nearestChargerSeconds[node];
    }

    public bool CanFinish(VehicleCondition vehicle, TransportOrder order) => vehicle.BatteryPercent >= TripPercent(vehicle.NodeId, order);

    /// <summary>
    /// Where a loaded vehicle goes when its drop bay is taken: the free parking spot nearest that bay (null when none is
    /// free). It waits there, off everybody's way, until the bay is free. A loaded vehicle never waits on its pickup bay
    /// for its drop bay, so two loaded vehicles can never wait for each other's bay.
    /// </summary>
    public string? StagingSpot(TransportOrder order, IReadOnlySet<string> taken) => NearestFree(order.ToBay, RoadNodeKind.Parking, taken);

    /// <summary>The free spot of a kind nearest to a node by driving time (ties: the first id in ordinal order), or null when all are taken.</summary>
    public string? NearestFree(string fromNode, RoadNodeKind kind, IReadOnlySet<string> taken) => NearestFree(fromNode, kind, new Claims(taken));

    private string? NearestFree(string fromNode, RoadNodeKind kind, Claims taken)
    {
        var from = graph[fromNode].Index;
        RoadNode? best = null;
        var bestSeconds = 0.0;
        foreach (var n in graph.NodesOfKind(kind))
        {
            if (taken.Contains(n.Id) && n.Index != from) continue;
            var seconds = graph.TravelSeconds(from, n.Index);
            if (best is null || Before(seconds, n.Id, bestSeconds, best.Id)) (best, bestSeconds) = (n, seconds);
        }
        return best?.Id;
    }

    /// <summary>The idle vehicle that reaches the order's pickup bay soonest (ties: the first key in ordinal order) and can finish the trip; null if none.</summary>
    private VehicleCondition? Nearest(List<VehicleCondition> idle, TransportOrder order, Claims claimed)
    {
        var pickup = graph[order.FromBay].Index;
        var bayClaimed = claimed.Contains(order.FromBay);
        VehicleCondition? best = null;
        var bestSeconds = 0.0;
        foreach (var v in idle)
        {
            if (bayClaimed && v.NodeId != order.FromBay || !CanFinish(v, order)) continue;
            var seconds = graph.TravelSeconds(graph[v.NodeId].Index, pickup);
            if (best is null || Before(seconds, v.Vehicle, bestSeconds, best.Vehicle)) (best, bestSeconds) = (v, seconds);
        }
        return best;
    }

    /// <summary>The order of OrderBy(seconds).ThenBy(id, ordinal), which this replaces: double.CompareTo, then ordinal ids.</summary>
    private static bool Before(double seconds, string id, double bestSeconds, string bestId) =>
        seconds.CompareTo(bestSeconds) is var c && (c < 0 || c == 0 && string.CompareOrdinal(id, bestId) < 0);

    private void SendToCharge(VehicleCondition vehicle, List<VehicleCondition> idle, Claims claimed, List<ChargeInstruction> charging)
    {
        if (graph[vehicle.NodeId].Kind == RoadNodeKind.Charger) return;   // already charging up
        var charger = NearestFree(vehicle.NodeId, RoadNodeKind.Charger, claimed);
        if (charger is null) return;
        idle.Remove(vehicle);
        claimed.Add(charger);
        charging.Add(new ChargeInstruction(vehicle.Vehicle, charger));
    }

    /// <summary>
    /// The queued orders by creation time, then id (ordinal): as OrderBy(CreatedAt).ThenBy(Id), a stable sort, which
    /// gives them back as they are when they already come in that order (as a queue kept in order of arrival does), so
    /// the sort is done only when they do not.
    /// </summary>
    private static List<TransportOrder> OldestFirst(IEnumerable<TransportOrder> queued)
    {
        var orders = new List<TransportOrder>();
        var inOrder = true;
        foreach (var order in queued)
        {
            if (order.State != TransportOrderState.Queued) continue;
            if (inOrder && orders.Count > 0 && Before(order, orders[^1])) inOrder = false;
            orders.Add(order);
        }
        return inOrder ? orders : [.. orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal)];
    }

    private static bool Before(TransportOrder order, TransportOrder other) =>
        order.CreatedAt.CompareTo(other.CreatedAt) is var c && (c < 0 || c == 0 && string.CompareOrdinal(order.Id, other.Id) < 0);

    /// <summary>The spots taken when the decision began and those it claims as it goes (a copy of the first for each decision cost more than the decision).</summary>
    private sealed class Claims(IReadOnlySet<string> taken)
    {
        private HashSet<string>? added;

        public bool Contains(string spot) => taken.Contains(spot) || added is not null && added.Contains(spot);

        public void Add(string spot) => (added ??= new HashSet<string>(StringComparer.Ordinal)).Add(spot);
    }
}
