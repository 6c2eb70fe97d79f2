namespace FriendshipGate.Fleet;

/// <summary>
/// Plans one vehicle's timing along a fixed route against everybody else's reservations: safe-interval search
/// (SIPP) over the places where the vehicle may wait, driving each single-lane section through without stopping.
/// It finds the earliest arrival that overlaps no node reservation, meets no vehicle head-on in a section and
/// overtakes nobody in one. Not thread-safe: it reuses its buffers between plans.
/// </summary>
internal sealed class RoutePlanner(ReservationTable table, double headwaySeconds, int maxExpansions = 500_000)
{
    /// <summary>Added to every push so that rounding never leaves a window overlapping by a hair (and the search creeping by one ulp).</summary>
    private const double Slack = 1e-6;

    private readonly PriorityQueue<int, double> open = new();
    private readonly List<State> states = [];
    private readonly Dictionary<(int Boundary, double GapEnd), double> best = new(PlaceAndGap.Comparer);

    private readonly record struct State(int Boundary, double Arrival, double GapEnd, double DepartedPrevious, int Parent);

    /// <summary>
    /// Fills arrival and departure times per path node (departure of the goal is +∞) or returns false when no
    /// conflict-free timing exists now (a goal or section held without end by a vehicle at rest, broken or waiting).
    /// </summary>
    public bool TryPlan(int vehicle, PathLayout path, double now, IReadOnlyDictionary<int, long> heldSections, double[] arrivals, double[] departures)
    {
        open.Clear();
        states.Clear();
        best.Clear();
        if (BlockedForGood(vehicle, path)) return false;
        // The vehicle already holds its first node; others may only come after it, so it may wait there until the first of them.
        var firstGapEnd = NextStartAfter(path.NodeResources[0], vehicle, double.NegativeInfinity);
        if (firstGapEnd <= now) return false;
        Push(new State(0, now, firstGapEnd, double.NegativeInfinity, -1), path);
        var expansions = 0;
        while (open.TryDequeue(out var index, out _))
        {
            var state = states[index];
            if (best.TryGetValue((state.Boundary, state.GapEnd), out var known) && known < state.Arrival) continue;
            if (state.Boundary == path.Boundaries.Length - 1)
            {
                Reconstruct(path, index, now, arrivals, departures);
                return true;
            }
            if (++expansions > maxExpansions) return false;
            Expand(vehicle, path, index, state, heldSections);
        }
        return false;
    }

    private void Expand(int vehicle, PathLayout path, int index, State state, IReadOnlyDictionary<int, long> heldSections)
    {
        var i = path.Boundaries[state.Boundary];
        var j = path.Boundaries[state.Boundary + 1];
        var goal = state.Boundary + 1 == path.Boundaries.Length - 1;
        var holdUntil = path.Elapsed[i + 1] - path.Elapsed[i];
        var limit = state.GapEnd - holdUntil;   // the vehicle must reach the next node before its current node is wanted
        var lowest = state.Arrival;
        for (var gaps = 0; gaps < 4096 && lowest <= limit; gaps++)
        {
            var departure = EarliestDeparture(vehicle, path, i, j, lowest, limit, heldSections);
            if (double.IsNaN(departure)) return;
            var entersNext = departure + path.Elapsed[j - 1] - path.Elapsed[i];
            var gapEnd = NextStartAfter(path.NodeResources[j], vehicle, entersNext);
            if (!goal || double.IsPositiveInfinity(gapEnd))
                Push(new State(state.Boundary + 1, departure + path.Elapsed[j] - path.Elapsed[i], gapEnd, departure, index), path);
            if (double.IsPositiveInfinity(gapEnd)) return;
            lowest = gapEnd - (path.Elapsed[j - 1] - path.Elapsed[i]);   // try to reach the next node's following gap
        }
    }

    private void Push(State state, PathLayout path)
    {
        var key = (state.Boundary, state.GapEnd);
        if (best.TryGetValue(key, out var known) && known <= state.Arrival) return;
        best[key] = state.Arrival;
        states.Add(state);
        var remaining = path.Elapsed[path.Last] - path.Elapsed[path.Boundaries[state.Boundary]];
        open.Enqueue(states.Count - 1, state.Arrival + remaining);
    }

    /// <summary>
    /// Fails fast when someone holds a node of the route, or a section of it in the other direction, with no end in
    /// sight (at rest on the goal, broken, silent, waiting): no amount of waiting gets past it.
    /// </summary>
    private bool BlockedForGood(int vehicle, PathLayout path)
    {
        for (var k = 1; k <= path.Last; k++)
        {
            foreach (var r in table.On(path.NodeResources[k]))
                if (r.Vehicle != vehicle && double.IsPositiveInfinity(r.End) && (k == path.Last || double.IsNegativeInfinity(r.Start))) return true;
            var section = path.SectionOfEdge[k - 1];
            if (section < 0 || (k > 1 && path.SectionOfEdge[k - 2] == section)) continue;
            foreach (var r in table.On(section))
                if (r.Vehicle != vehicle && double.IsPositiveInfinity(r.End) && r.Direction != path.DirectionOfEdge[k - 1]) return true;
        }
        return false;
    }

    /// <summary>The earliest departure from boundary i at or after <paramref name="lowest"/> that conflicts with nobody up to boundary j; NaN if none before <paramref name="limit"/>.</summary>
    private double EarliestDeparture(int vehicle, PathLayout path, int i, int j, double lowest, double limit, IReadOnlyDictionary<int, long> heldSections)
    {
        var d = lowest;
        var elapsed = path.Elapsed;
        var baseTime = elapsed[i];
        var section = path.SectionOfEdge[i];
        // A section the vehicle was already released into is held: nobody can be planned in front of it there.
        var heldSequence = long.MaxValue;
        var midSection = section >= 0 && heldSections.TryGetValue(section, out heldSequence);
        for (var rounds = 0; d <= limit && rounds < 10_000; rounds++)
        {
            var pushed = d;
            for (var k = i + 1; k <= j; k++)
            {
                // Node k is held from the departure towards it until the arrival at the node after it (at j: at least until arriving).
                var offset = elapsed[k - 1] - baseTime;
                var until = (k < j ? elapsed[k + 1] : elapsed[k]) - baseTime;
                var clear = ClearOfNode(path.NodeResources[k], vehicle, d + offset, d + until);
                if (clear > d + offset) pushed = Math.Max(pushed, clear - offset + Slack);
            }
            if (section >= 0)
            {
                var sectionPush = ClearOfSection(section, path.DirectionOfEdge[i], vehicle, midSection ? double.NegativeInfinity : d,
                    d + elapsed[j] - baseTime, heldSequence);
                if (double.IsNaN(sectionPush)) return double.NaN;
                if (sectionPush > 0) pushed = Math.Max(pushed, d + sectionPush + Slack);
            }
            if (pushed == d) return d;
            if (double.IsPositiveInfinity(pushed)) return double.NaN;   // held without end: waiting does not help
            d = pushed;
        }
        return double.NaN;
    }

    /// <summary>The earliest start (≥ start) of a window as long as [start, end) that overlaps nobody else on the node.</summary>
    private double ClearOfNode(int resource, int vehicle, double start, double end)
    {
        var list = table.On(resource);
        var earliest = start;
        for (var x = 0; x < list.Length; x++)
        {
            var r = list[x];
            if (r.Vehicle == vehicle) continue;
            if (r.Start < end && start < r.End) earliest = Math.Max(earliest, r.End);
        }
        return earliest;
    }

    /// <summary>How much later the section must be entered to meet nobody head-on and overtake nobody; NaN if waiting cannot help.</summary>
    private double ClearOfSection(int resource, int direction, int vehicle, double start, double end, long heldSequence)
    {
        var list = table.On(resource);
        var delay = 0.0;
        var h = headwaySeconds;
        for (var x = 0; x < list.Length; x++)
        {
            var r = list[x];
            if (r.Vehicle == vehicle) continue;
            if (r.Direction != direction)
            {
                if (r.Start < end && start < r.End)
                {
                    if (double.IsNegativeInfinity(start) || double.IsPositiveInfinity(r.End)) return double.NaN;
                    delay = Math.Max(delay, r.End - start);
                }
                continue;
            }
            var ahead = double.IsNegativeInfinity(start) ? r.Released && r.ReleaseSequence < heldSequence : r.Start <= start;
            if (!ahead && double.IsNegativeInfinity(start) && r.End >= end + h) continue;
            if (!ahead && r.Start >= start + h && r.End >= end + h) continue;
            if (ahead && start >= r.Start + h && end >= r.End + h) continue;
            // Fall in behind it: enter after it entered and leave after it left.
            if (double.IsPositiveInfinity(r.End) || (double.IsNegativeInfinity(start) && !ahead)) return double.NaN;
            delay = Math.Max(delay, Math.Max(double.IsNegativeInfinity(start) ? 0 : r.Start + h - start, r.End + h - end));
        }
        return delay;
    }

    /// <summary>The first start of someone else's reservation on the resource after <paramref name="after"/> (the end of the free gap).</summary>
    private double NextStartAfter(int resource, int vehicle, double after)
    {
        var list = table.On(resource);
        var next = double.PositiveInfinity;
        for (var x = 0; x < list.Length; x++)
        {
            var r = list[x];
            if (r.Vehicle != vehicle && r.Start > after && r.Start < next) next = r.Start;
            if (r.Vehicle != vehicle && r.Start <= after && r.End > after) return after;   // not free at all
        }
        return next;
    }

    private void Reconstruct(PathLayout path, int goalIndex, double now, double[] arrivals, double[] departures)
    {
        var elapsed = path.Elapsed;
        arrivals[0] = now;
        departures[path.Last] = double.PositiveInfinity;
        for (var index = goalIndex; states[index].Parent >= 0; index = states[index].Parent)
        {
            var state = states[index];
            var i = path.Boundaries[state.Boundary - 1];
            var j = path.Boundaries[state.Boundary];
            var d = state.DepartedPrevious;
            departures[i] = d;
            for (var k = i + 1; k <= j; k++)
            {
                arrivals[k] = d + elapsed[k] - elapsed[i];
                if (k < j) departures[k] = arrivals[k];
            }
        }
    }

    /// <summary>
    /// The keys' equality as the tuple's own (a double's Equals: +0 equals −0, NaN equals NaN), hashed more cheaply than
    /// HashCode.Combine: the planner looks a key up on every state it pushes or takes. Only look-ups use the hash, never an order.
    /// </summary>
    private sealed class PlaceAndGap : IEqualityComparer<(int Boundary, double GapEnd)>
    {
        public static readonly PlaceAndGap Comparer = new();

        public bool Equals((int Boundary, double GapEnd) x, (int Boundary, double GapEnd) y) => x.Boundary == y.Boundary && x.GapEnd.Equals(y.GapEnd);

        public int GetHashCode((int Boundary, double GapEnd) key) => unchecked(key.Boundary * -1521134295 + key.GapEnd.GetHashCode());
    }
}
