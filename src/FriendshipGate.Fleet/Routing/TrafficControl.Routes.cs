namespace FriendshipGate.Fleet;

public sealed partial class TrafficControl
{
    /// <summary>
    /// As <see cref="PlanRoute(string, string, out IReadOnlyList{string})"/>, without building the horizon: false when no
    /// conflict-free plan exists now. For callers that read only the route's nodes (<see cref="RouteNodes"/>), as the
    /// digital twin does for the ~1,400 routes of a day; the horizon's steps, ids and times were most of what a plan allocated.
    /// </summary>
    public bool TryPlanRoute(string vehicle, string goalNodeId, out IReadOnlyList<string> othersReleased)
    {
        othersReleased = [];
        var v = Get(vehicle);
        if (v.State != VehicleTrafficState.AtRest) throw new InvalidOperationException($"vehicle {vehicle} is {v.State}, not at rest");
        var goal = Graph.Node(goalNodeId).Index;
        if (goal == v.RestNode) throw new ArgumentException($"vehicle {vehicle} is already at {goalNodeId}", nameof(goalNodeId));
        if (LayoutOf(v.RestNode, goal) is not { } path) return false;
        var arrivals = new double[path.Nodes.Length];
        var departures = new double[path.Nodes.Length];
        Retime();
        if (!planner.TryPlan(v.Slot, path, Now, NoHeldSections, arrivals, departures)) return false;
        var rest = v.RestHold!;
        v.Adopt(path, arrivals, departures, 0, 0, table, new Dictionary<int, Reservation> { [rest.Resource] = rest }, new Dictionary<int, Reservation>());
        v.RestHold = null;
        v.State = VehicleTrafficState.Moving;
        othersReleased = [.. ReleaseAll().Where(key => key != vehicle)];
        return true;
    }

    /// <summary>
    /// The graph indices of the nodes of the vehicle's route, as <see cref="Horizon"/>'s steps name them, with the number
    /// of the first step and the index of the last confirmed one, without building the steps.
    /// </summary>
    public int[] RouteNodes(string vehicle, out int firstNumber, out int lastConfirmed)
    {
        var v = Get(vehicle);
        if (v.Path is null || v.State == VehicleTrafficState.AtRest && v.Path.Nodes[^1] != v.RestNode)
        {
            (firstNumber, lastConfirmed) = (0, 0);
            return [v.RestNode];
        }
        (firstNumber, lastConfirmed) = (v.FirstNumber, v.Confirmed);
        return [.. v.Path.Nodes];
    }

    /// <summary>
    /// The layout of the shortest route between two nodes (null when there is none), kept: the graph never changes, a
    /// layout is never changed once built, and vehicles drive the same few routes between bays, spots and chargers all day.
    /// </summary>
    private PathLayout? LayoutOf(int from, int goal)
    {
        if (layouts.TryGetValue((from, goal), out var known)) return known;
        var route = Graph.Route(from, goal);
        var path = route.Count < 2 ? null : new PathLayout(Graph, resources, route);
        // Bounded all the same, should a caller route between ever new pairs of nodes.
        if (layouts.Count >= MaxLayoutsKept) layouts.Clear();
        layouts[(from, goal)] = path;
        return path;
    }

    private const int MaxLayoutsKept = 4096;
    private readonly Dictionary<(int From, int Goal), PathLayout?> layouts = [];
}
