namespace FriendshipGate.Fleet;

/// <summary>
/// A run of single-lane edges that only one direction may use at a time: it ends at passing places, junctions, dead
/// ends or where the road widens. Vehicles cannot pass each other inside it, so it is reserved as a whole.
/// </summary>
public sealed record RoadSection(int Index, int EndA, int EndB, IReadOnlyList<int> EdgeIndices)
{
    internal static IReadOnlyList<RoadSection> Find(RoadGraph graph)
    {
        var sectionOfEdge = new int[graph.Edges.Count];
        Array.Fill(sectionOfEdge, -1);
        var sections = new List<RoadSection>();
        foreach (var first in graph.Edges)
        {
            if (!first.SingleLane || sectionOfEdge[first.Index] >= 0) continue;
            // Walk both ways from this edge through interior nodes to the section's two ends.
            var endA = Walk(graph, first, first.From, out var towardsA);
            var endB = Walk(graph, first, first.To, out var towardsB);
            towardsA.Reverse();
            var edges = towardsA.Append(first.Index).Concat(towardsB).ToList();
            foreach (var e in edges) sectionOfEdge[e] = sections.Count;
            sections.Add(new RoadSection(sections.Count, endA, endB, edges));
        }
        return sections;
    }

    /// <summary>Interior nodes: plain road or the border line with exactly two single-lane edges.</summary>
    internal static bool IsInterior(RoadGraph graph, int node) =>
        graph.Nodes[node].Kind is RoadNodeKind.Road or RoadNodeKind.Border
        && graph.EdgesAt(node) is { Count: 2 } edges && edges[0].SingleLane && edges[1].SingleLane;

    private static int Walk(RoadGraph graph, RoadEdge from, int node, out List<int> passed)
    {
        passed = [];
        var edge = from;
        while (IsInterior(graph, node))
        {
            var edges = graph.EdgesAt(node);
            edge = edges[0].Index == edge.Index ? edges[1] : edges[0];
            passed.Add(edge.Index);
            node = edge.Other(node);
            if (passed.Count > graph.Edges.Count)
                throw new RoadGraphException($"a ring of single-lane road through '{graph.Nodes[node].Id}' has no passing place or junction");
        }
        return node;
    }
}
