namespace FriendshipGate.Fleet;

/// <summary>All-pairs fastest routes by driving time (one Dijkstra per target; a few hundred nodes).</summary>
internal sealed class ShortestRoutes
{
    private readonly int count;
    private readonly double[] seconds;   // [target * count + node]: time from node to target
    private readonly int[] nextHop;      // [target * count + node]: the next node towards target, -1 if none

    public ShortestRoutes(RoadGraph graph)
    {
        count = graph.Nodes.Count;
        seconds = new double[count * count];
        nextHop = new int[count * count];
        Array.Fill(seconds, double.PositiveInfinity);
        Array.Fill(nextHop, -1);
        var queue = new PriorityQueue<int, double>();
        for (var target = 0; target < count; target++)
        {
            var row = target * count;
            seconds[row + target] = 0;
            queue.Enqueue(target, 0);
            while (queue.TryDequeue(out var at, out var time))
            {
                if (time > seconds[row + at]) continue;
                foreach (var edge in graph.EdgesAt(at))
                {
                    // Reverse search: 'from' drives to 'at', so the edge must allow from -> at.
                    var from = edge.Other(at);
                    if (!graph.CanTravel(edge, from)) continue;
                    var candidate = time + RoadGraph.TravelSeconds(edge);
                    if (candidate >= seconds[row + from]) continue;
                    seconds[row + from] = candidate;
                    nextHop[row + from] = at;
                    queue.Enqueue(from, candidate);
                }
            }
        }
    }

    public double Seconds(int from, int to) => seconds[to * count + from];

    public IReadOnlyList<int> Path(int from, int to)
    {
        if (double.IsPositiveInfinity(Seconds(from, to))) return [];
        var path = new List<int> { from };
        for (var at = from; at != to;) path.Add(at = nextHop[to * count + at]);
        return path;
    }
}
