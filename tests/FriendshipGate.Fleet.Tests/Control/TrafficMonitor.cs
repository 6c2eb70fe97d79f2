using System.Collections.Concurrent;
using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// Watches what the vehicles report and records every breach of the road's rules: two vehicles driving a single-lane
/// section in opposite directions, or two vehicles standing on one node that holds one.
/// </summary>
internal sealed class TrafficMonitor(RoadGraph graph)
{
    private readonly Dictionary<string, (int Section, int From)?> onSection = [];
    private readonly Dictionary<string, string> standing = [];
    private readonly Lock gate = new();
    private readonly int[] sectionOfEdge = SectionOfEdge(graph);

    public ConcurrentQueue<string> Breaches { get; } = new();
    public int States { get; private set; }

    public void Observe(FleetEvent e)
    {
        if (e is not VehicleStateReceived { State: var state } || state.LastNodeId.Length == 0 || !graph.TryGetNode(state.LastNodeId, out var last)) return;
        var vehicle = e.Vehicle.ToString();
        lock (gate)
        {
            States++;
            // The edge being driven: the first released edge that leaves the last node.
            var edge = state.Driving ? state.EdgeStates.FirstOrDefault(s => s.Released && Ends(s.EdgeId).From == state.LastNodeId) : null;
            onSection[vehicle] = null;
            standing.Remove(vehicle);
            if (edge is not null && graph.TryGetNode(Ends(edge.EdgeId).To, out var next))
            {
                var roadEdge = graph.EdgeBetween(last.Index, next.Index);
                if (sectionOfEdge[roadEdge.Index] is var section and >= 0)
                {
                    var from = DirectionOf(graph.Sections[section], last.Index, next.Index);
                    foreach (var (other, at) in onSection)
                        if (other != vehicle && at is { } o && o.Section == section && o.From != from)
                            Breaches.Enqueue($"{vehicle} and {other} in single-lane section {section} in opposite directions");
                    onSection[vehicle] = (section, from);
                }
            }
            else if (!state.Driving && !graph.HasLanePerDirection(last.Index))
            {
                foreach (var (other, node) in standing)
                    if (node == last.Id) Breaches.Enqueue($"{vehicle} and {other} both stand on {node}");
                standing[vehicle] = last.Id;
            }
        }
    }

    private static (string From, string To) Ends(string edgeId) => edgeId.Split("--") is [var a, var b] ? (a, b) : ("", "");

    /// <summary>0 when driving from the section's end A towards B, 1 the other way (by which end is nearer the start along the section).</summary>
    private int DirectionOf(RoadSection section, int from, int to)
    {
        var a = graph.Nodes[section.EndA];
        double Distance(int node) => Math.Pow(graph.Nodes[node].X - a.X, 2) + Math.Pow(graph.Nodes[node].Y - a.Y, 2);
        return Distance(from) < Distance(to) ? 0 : 1;
    }

    private static int[] SectionOfEdge(RoadGraph graph)
    {
        var map = Enumerable.Repeat(-1, graph.Edges.Count).ToArray();
        foreach (var section in graph.Sections)
            foreach (var edge in section.EdgeIndices) map[edge] = section.Index;
        return map;
    }
}
