namespace FriendshipGate.Fleet;

/// <summary>
/// What the traffic control reserves: each node (one with a lane per direction as two tracks, one per direction of travel) and
/// each single-lane section as a whole. Two-lane edges are not reserved: the nodes at their ends keep vehicles apart.
/// </summary>
internal sealed class TrafficResources
{
    private readonly RoadGraph graph;
    private readonly int[] firstResourceOfNode;
    private readonly int[] sectionOfEdge;
    private readonly int[] aSideNodeOfEdge;   // the end of a section edge nearer the section's end A

    public TrafficResources(RoadGraph graph)
    {
        this.graph = graph;
        firstResourceOfNode = new int[graph.Nodes.Count];
        var next = 0;
        foreach (var node in graph.Nodes)
        {
            firstResourceOfNode[node.Index] = next;
            next += graph.HasLanePerDirection(node.Index) ? 2 : 1;
        }
        NodeResourceCount = next;
        sectionOfEdge = new int[graph.Edges.Count];
        aSideNodeOfEdge = new int[graph.Edges.Count];
        Array.Fill(sectionOfEdge, -1);
        foreach (var section in graph.Sections)
        {
            var at = section.EndA;
            foreach (var e in section.EdgeIndices)
            {
                sectionOfEdge[e] = section.Index;
                aSideNodeOfEdge[e] = at;
                at = graph.Edges[e].Other(at);
            }
        }
        Count = NodeResourceCount + graph.Sections.Count;
    }

    public int NodeResourceCount { get; }
    public int Count { get; }

    /// <summary>The node's resource for a vehicle arriving from <paramref name="from"/> (or leaving to the node after it when it starts there).</summary>
    public int NodeResource(int node, int from, int next)
    {
        var first = firstResourceOfNode[node];
        if (!graph.HasLanePerDirection(node)) return first;
        // One track per direction: the one for traffic coming from the first neighbour, and the other.
        var firstNeighbour = graph.EdgesAt(node)[0].Other(node);
        if (from >= 0) return from == firstNeighbour ? first : first + 1;
        return next == firstNeighbour ? first + 1 : first;
    }

    public bool IsSection(int resource) => resource >= NodeResourceCount;

    public int SectionResource(int section) => NodeResourceCount + section;

    /// <summary>The section an edge belongs to (or -1) and the direction of travel from <paramref name="from"/>: 0 towards end B, 1 towards end A.</summary>
    public int SectionOf(int edgeIndex, int from, out int direction)
    {
        var section = sectionOfEdge[edgeIndex];
        direction = section >= 0 && aSideNodeOfEdge[edgeIndex] == from ? 0 : 1;
        return section;
    }
}
