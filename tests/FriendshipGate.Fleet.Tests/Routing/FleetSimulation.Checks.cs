namespace FriendshipGate.Fleet.Tests;

internal sealed partial class FleetSimulation
{
    /// <summary>Where each vehicle is now: on an edge (section and direction) or standing on a node.</summary>
    private void CheckSafety()
    {
        var resources = traffic.Resources;
        var onNode = new Dictionary<int, int>();
        var directions = new Dictionary<int, (int Direction, string Vehicle)>();
        foreach (var v in vehicles)
        {
            int section, direction;
            if (v.Towards is { } towards)
                section = resources.SectionOf(road.EdgeBetween(v.At, towards).Index, v.At, out direction);
            else
            {
                onNode[v.At] = onNode.GetValueOrDefault(v.At) + 1;
                var room = road.HasLanePerDirection(v.At) ? 2 : 1;
                if (onNode[v.At] > room) Violation($"{onNode[v.At]} vehicles on node {road.Nodes[v.At].Id}");
                if (v.Previous < 0 || !RoadSection.IsInterior(road, v.At)) continue;
                section = resources.SectionOf(road.EdgeBetween(v.Previous, v.At).Index, v.Previous, out direction);
            }
            if (section < 0) continue;
            if (Silence is { Active: true } s && section == s.Section && v.Key != s.Vehicle && !s.AllowedInside.Contains(v.Key))
                Violation($"{v.Key} entered section {section} held by silent {s.Vehicle}");
            if (directions.TryGetValue(section, out var other) && other.Direction != direction)
                Violation($"{v.Key} and {other.Vehicle} head-on in section {section}");
            directions[section] = (direction, v.Key);
        }
    }

    /// <summary>Silences a vehicle driving inside a multi-edge section of the road, for <paramref name="seconds"/>; false if none is there now.</summary>
    public bool TrySilenceOneInsideASection(double seconds)
    {
        var resources = traffic.Resources;
        foreach (var v in vehicles)
        {
            if (v.Towards is not { } towards) continue;
            var edge = road.EdgeBetween(v.At, towards);
            var section = resources.SectionOf(edge.Index, v.At, out _);
            if (section < 0 || road.Sections[section].EdgeIndices.Count < 2) continue;
            var edges = road.Sections[section].EdgeIndices.ToHashSet();
            // Vehicles already released into the section (following it the same way) may still drive in behind it.
            var allowed = vehicles.Where(o => o != v && ReleasedEdges(horizons[o.Key]).Any(edges.Contains)).Select(o => o.Key).ToHashSet();
            Refresh(traffic.MarkSilent(v.Key));
            Silence = new SilenceProbe(v.Key, section, Seconds + seconds, allowed, this);
            return true;
        }
        return false;
    }

    private IEnumerable<int> ReleasedEdges(TrafficHorizon h)
    {
        for (var k = Math.Max(1, h.LastConfirmed); k <= h.LastReleased && k < h.Route.Count; k++)
            yield return road.EdgeBetween(road[h.Route[k - 1].NodeId].Index, road[h.Route[k].NodeId].Index).Index;
    }

    internal sealed class SilenceProbe(string vehicle, int section, double until, IReadOnlySet<string> allowedInside, FleetSimulation simulation)
    {
        public string Vehicle { get; } = vehicle;
        public int Section { get; } = section;
        public IReadOnlySet<string> AllowedInside { get; } = allowedInside;
        public bool Active => simulation.Seconds < until;
        public string State => simulation.traffic.Horizon(Vehicle).State.ToString();
    }
}
