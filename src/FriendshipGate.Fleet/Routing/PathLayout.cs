namespace FriendshipGate.Fleet;

/// <summary>
/// A route laid out for reservation: the resource of each node, the driving time of each edge, and the segments
/// between the places where a vehicle may wait (anywhere but inside a single-lane section, which is driven through).
/// </summary>
internal sealed class PathLayout
{
    public PathLayout(RoadGraph graph, TrafficResources resources, IReadOnlyList<int> path)
    {
        if (path.Count < 2) throw new ArgumentException("a route has at least two nodes", nameof(path));
        Nodes = [.. path];
        var n = Nodes.Length;
        NodeResources = new int[n];
        Elapsed = new double[n];
        SectionOfEdge = new int[n - 1];
        DirectionOfEdge = new int[n - 1];
        for (var k = 0; k < n; k++)
        {
            NodeResources[k] = resources.NodeResource(Nodes[k], k > 0 ? Nodes[k - 1] : -1, k + 1 < n ? Nodes[k + 1] : -1);
            if (k == n - 1) break;
            var edge = graph.EdgeBetween(Nodes[k], Nodes[k + 1]);
            if (!graph.CanTravel(edge, Nodes[k])) throw new ArgumentException($"edge {graph.Nodes[Nodes[k]].Id}--{graph.Nodes[Nodes[k + 1]].Id} is one-way the other way");
            Elapsed[k + 1] = Elapsed[k] + RoadGraph.TravelSeconds(edge);
            var section = resources.SectionOf(edge.Index, Nodes[k], out var direction);
            SectionOfEdge[k] = section < 0 ? -1 : resources.SectionResource(section);
            DirectionOfEdge[k] = direction;
        }
        var boundaries = new List<int> { 0 };
        for (var k = 1; k < n; k++)
            if (k == n - 1 || SectionOfEdge[k - 1] < 0 || SectionOfEdge[k - 1] != SectionOfEdge[k]) boundaries.Add(k);
        Boundaries = [.. boundaries];
        SegmentAt = new int[n];
        for (int k = 0, b = 0; k < n; k++)
        {
            if (b + 1 < Boundaries.Length && Boundaries[b + 1] <= k) b++;
            SegmentAt[k] = b;
        }
    }

    public int[] Nodes { get; }
    public int[] NodeResources { get; }
    /// <summary>Driving seconds from the first node to node k, at the speed limits.</summary>
    public double[] Elapsed { get; }
    /// <summary>Section resource of the edge from node k to k+1, or -1 on a two-lane edge.</summary>
    public int[] SectionOfEdge { get; }
    public int[] DirectionOfEdge { get; }
    /// <summary>Path indices where a vehicle may wait: the start, the goal and every node between two segments.</summary>
    public int[] Boundaries { get; }
    /// <summary>Per path index: the segment it lies in (the index of the last boundary at or before it; the goal is the last boundary).</summary>
    public int[] SegmentAt { get; }

    public int Last => Nodes.Length - 1;

    /// <summary>Driving seconds from the start of the segment that arrives at node k (k ≥ 1) to node k − 1.</summary>
    public double IntoSegment(int k) => Elapsed[k - 1] - Elapsed[Boundaries[SegmentAt[k - 1]]];

    /// <summary>Driving seconds of the segment that starts at boundary node i.</summary>
    public double SegmentSeconds(int i) => Elapsed[Boundaries[SegmentAt[i] + 1]] - Elapsed[i];
}
