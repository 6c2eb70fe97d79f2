namespace FriendshipGate.Fleet;

/// <summary>
/// The road as an immutable graph: nodes, edges, the single-lane sections they form, and the fastest route between
/// any two nodes (precomputed, so routing never searches the map while it plans).
/// </summary>
public sealed class RoadGraph
{
    private readonly Dictionary<string, int> indexById;
    private readonly IReadOnlyList<RoadEdge>[] edgesAt;
    // Per node, its neighbours and the edge to each (the last edge given between a pair, as a dictionary keeps it):
    // a node has few, so a scan beats hashing the pair on every step a vehicle drives.
    private readonly (int Neighbour, RoadEdge Edge)[][] edgeTo;
    private readonly bool[] lanePerDirection;
    private ShortestRoutes? routes;

    internal RoadGraph(string mapId, IReadOnlyList<RoadNode> nodes, IReadOnlyList<RoadEdge> edges)
    {
        MapId = mapId;
        Nodes = nodes;
        Edges = edges;
        indexById = nodes.ToDictionary(n => n.Id, n => n.Index, StringComparer.Ordinal);
        var lists = nodes.Select(_ => new List<RoadEdge>()).ToArray();
        var edgeBetween = new Dictionary<(int, int), RoadEdge>();
        foreach (var edge in edges)
        {
            lists[edge.From].Add(edge);
            lists[edge.To].Add(edge);
            edgeBetween[(edge.From, edge.To)] = edge;
            edgeBetween[(edge.To, edge.From)] = edge;
        }
        edgeTo = [.. nodes.Select(n => edgeBetween.Where(p => p.Key.Item1 == n.Index).Select(p => (p.Key.Item2, p.Value)).ToArray())];
        edgesAt = lists.Select(l => (IReadOnlyList<RoadEdge>)l.AsReadOnly()).ToArray();
        lanePerDirection = nodes.Select(n => n.Kind == RoadNodeKind.PassingPlace
            || (!n.IsRestSpot && lists[n.Index] is { Count: 2 } two && !two[0].SingleLane && !two[1].SingleLane)).ToArray();
        Sections = RoadSection.Find(this);
    }

    public string MapId { get; }
    public IReadOnlyList<RoadNode> Nodes { get; }
    public IReadOnlyList<RoadEdge> Edges { get; }

    /// <summary>Maximal runs of single-lane edges between passing places, junctions or dead ends.</summary>
    public IReadOnlyList<RoadSection> Sections { get; }

    public RoadNode this[string id] => Node(id);

    public RoadNode Node(string id) =>
        indexById.TryGetValue(id, out var index) ? Nodes[index] : throw new KeyNotFoundException($"no node '{id}' on map {MapId}");

    public bool TryGetNode(string id, out RoadNode node)
    {
        var found = indexById.TryGetValue(id, out var index);
        node = found ? Nodes[index] : null!;
        return found;
    }

    public IReadOnlyList<RoadEdge> EdgesAt(int node) => edgesAt[node];

    public RoadEdge EdgeBetween(int from, int to)
    {
        foreach (var (neighbour, edge) in edgeTo[from])
            if (neighbour == to) return edge;
        throw new ArgumentException($"no edge {Nodes[from].Id}--{Nodes[to].Id}");
    }

    /// <summary>
    /// A passing place, or a point of two-lane road with nothing joining it: vehicles going opposite ways each keep to
    /// their own lane there, so it holds one vehicle per direction. Every other node is one place for one vehicle.
    /// </summary>
    public bool HasLanePerDirection(int node) => lanePerDirection[node];

    public bool CanTravel(RoadEdge edge, int from) => !edge.OneWay || edge.From == from;

    /// <summary>Seconds to drive an edge at its speed limit.</summary>
    public static double TravelSeconds(RoadEdge edge) => edge.LengthM / edge.MaxSpeedMps;

    public IEnumerable<RoadNode> NodesOfKind(RoadNodeKind kind) => Nodes.Where(n => n.Kind == kind);

    /// <summary>Fastest driving time between two nodes, ignoring other vehicles; +∞ when there is no route.</summary>
    public double TravelSeconds(int from, int to) => Routes.Seconds(from, to);

    /// <summary>The fastest route as node indices, both ends included; empty when there is none.</summary>
    public IReadOnlyList<int> Route(int from, int to) => Routes.Path(from, to);

    private ShortestRoutes Routes => routes ??= new ShortestRoutes(this);

    /// <summary>A node that cannot be reached from <paramref name="start"/> or cannot reach it back, or null.</summary>
    internal int? FirstUnreachableFrom(int start)
    {
        foreach (var forward in new[] { true, false })
        {
            var seen = new bool[Nodes.Count];
            var stack = new Stack<int>([start]);
            seen[start] = true;
            while (stack.TryPop(out var at))
                foreach (var edge in edgesAt[at])
                {
                    var next = edge.Other(at);
                    if (seen[next] || !CanTravel(edge, forward ? at : next)) continue;
                    seen[next] = true;
                    stack.Push(next);
                }
            var lost = Array.IndexOf(seen, false);
            if (lost >= 0) return lost;
        }
        return null;
    }
}
