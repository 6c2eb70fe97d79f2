namespace FriendshipGate.Fleet;

public sealed partial class TrafficControl
{
    /// <summary>
    /// Re-times every moving vehicle's remaining windows from where it really is, keeping every resource's order.
    /// Execution follows order only, so vehicles late on their plans are never unsafe; but a new plan is timed against
    /// the windows in the table, and stale windows (a vehicle planned to have passed a junction ten minutes ago, still
    /// on its way to it) put the newcomer behind it in the order and leave it waiting. Each unreleased window is moved
    /// to the earliest time its owner can get there: not before now, after its own previous step, and after everyone
    /// before it on the resource (their new times). Windows only move as the order allows, so the order stays the plan
    /// and the deadlock argument of docs/fleet/routing.md holds unchanged.
    /// </summary>
    private void Retime()
    {
        var now = Now;
        var moving = retiming;
        moving.Clear();
        var bound = 2;
        foreach (var v in inOrder)
        {
            // A vehicle away (silent, broken) or waiting for a route holds without end: nothing behind it has a time to compute.
            if (v.State is VehicleTrafficState.Silent or VehicleTrafficState.Broken or VehicleTrafficState.WaitingForRoute) return;
            if (v.State != VehicleTrafficState.Moving || !v.HasRoute) continue;
            moving.Add(v);
            bound += v.Path!.Last - v.Confirmed;
        }
        moving.Sort(ByProgress);
        // Gauss-Seidel over the vehicles: the order of events is acyclic, so each pass fixes at least one more level of
        // it; two or three passes are the rule, the bound (2 + every remaining step) is what acyclicity guarantees.
        // A segment's times depend only on the vehicle's own time at the segment's start, now, and the windows of those
        // before it on the segment's resources. The table marks a segment stale whenever those windows change (between
        // re-timings too), so each pass times a vehicle only where it is stale, where its own start time moved, and in
        // the first pass also where now can push it: the other segments would come out the same. The passes and their
        // results are those of timing every vehicle whole in the first pass and every stale segment after.
        for (var pass = 0; pass <= bound; pass++)
        {
            var changed = false;
            foreach (var v in moving)
            {
                var from = pass == 0 ? 0 : v.StaleFrom;
                if (from == Fresh) continue;
                v.StaleFrom = Fresh;
                var (first, last) = RetimeVehicle(v, now, from, firstPass: pass == 0);
                if (first == Fresh) continue;
                changed = true;
                WriteWindows(v, first, last);
            }
            if (!changed) break;
        }
    }

    private const int Fresh = int.MaxValue;

    /// <summary>The moving vehicles of a re-timing, further along their plans first (a list kept for reuse).</summary>
    private readonly List<VehicleTraffic> retiming = [];

    private static readonly Comparison<VehicleTraffic> ByProgress = (a, b) =>
        a.Departures[a.Confirmed].CompareTo(b.Departures[b.Confirmed]) is var c && c != 0 ? c : a.Slot.CompareTo(b.Slot);

    /// <summary>Now pushes a departure only when it is later than the departure was last timed; the margin covers <see cref="Set"/>'s tolerance.</summary>
    private const double NowMargin = 1e-6;

    /// <summary>
    /// Computes the vehicle's earliest arrivals and departures from its last confirmed node on (from segment
    /// <paramref name="fromSegment"/> if later), only where a segment is stale, its start time moved, or (in the
    /// <paramref name="firstPass"/>) now may be later than its departure: the others would come out as they are. Returns
    /// the first and last path index whose time moved (<see cref="Fresh"/> and -1 if none did).
    /// </summary>
    private (int First, int Last) RetimeVehicle(VehicleTraffic v, double now, int fromSegment, bool firstPass)
    {
        var path = v.Path!;
        var elapsed = path.Elapsed;
        var (first, lastMoved) = (Fresh, -1);
        var boundaries = path.Boundaries;
        var stale = v.StaleSegments;
        // Confirmed inside a section: the segment it is in started at the boundary before.
        var start = Math.Max(path.SegmentAt[v.Confirmed], fromSegment);
        var carried = false;
        for (var b = start; b < boundaries.Length - 1; b++)
        {
            var i = boundaries[b];
            var j = boundaries[b + 1];
            // Neither its start time, nor anyone before it, nor (as the clock went on) now's push on it moved: it would
            // come out the same. Only the first segment reads the vehicle's progress (departed, late), so it is always timed.
            if (b != start && !carried && !stale[b] && !(firstPass && !(now <= v.Departures[i] - NowMargin))) continue;
            stale[b] = false;
            double departure;
            if (i < v.Confirmed || v.Horizon > i && v.Confirmed == i)
            {
                // Already set off from i: when it did (inside a section, as planned from the section's entry).
                departure = i < v.Confirmed ? v.Departures[i] : double.IsNaN(v.DepartedAt) ? v.Departures[i] : v.DepartedAt;
            }
            else
            {
                departure = Math.Max(v.Arrivals[i], now);
                departure = Math.Max(departure, EarliestEntry(v, path, b, i, j, departure));
            }
            // What the segment read is below this departure (see StaleMarks).
            for (var k = i + 1; k <= j; k++)
                if (v.NodeHolds[k] is { } read) read.ReadLimit = departure;
            if (v.SectionHolds[i] is { } section) section.ReadLimit = departure;
            // Set off but not yet reported at the next node it should have reached by now: it gets there now at the earliest.
            var next = v.Confirmed + 1;
            var late = next > i && next <= j ? Math.Max(0, now - (departure + elapsed[next] - elapsed[i])) : 0;
            if (Set(ref v.Departures[i], departure)) (first, lastMoved) = (Math.Min(first, i), i);
            carried = false;
            for (var k = i + 1; k <= j; k++)
            {
                if (Set(ref v.Arrivals[k], departure + late + elapsed[k] - elapsed[i]))
                {
                    (first, lastMoved) = (Math.Min(first, k), k);
                    carried = k == j;
                }
                if (k < j && Set(ref v.Departures[k], v.Arrivals[k])) (first, lastMoved) = (Math.Min(first, k), k);
            }
        }
        return (first, lastMoved);
    }

    /// <summary>
    /// The earliest departure from boundary i towards j (segment <paramref name="segment"/>) after everyone before the
    /// vehicle on each unreleased resource of the segment. The latest of those terms is kept per segment and computed
    /// again only when one of its holds was told of a change before it: the latest of the terms and then of that and
    /// <paramref name="lowest"/> is exactly the latest of all of them in turn.
    /// </summary>
    private double EarliestEntry(VehicleTraffic v, PathLayout path, int segment, int i, int j, double lowest)
    {
        var known = v.EntryTermsKnown[segment];
        for (var k = i + 1; k <= j && known; k++) known = !v.NodeHolds[k]!.BeforeChanged;
        if (known && v.SectionHolds[i] is { BeforeChanged: true }) known = false;
        if (known) return Math.Max(lowest, v.EntryTerms[segment]);
        var elapsed = path.Elapsed;
        var d = double.NegativeInfinity;
        for (var k = i + 1; k <= j; k++)
        {
            var hold = v.NodeHolds[k]!;
            hold.BeforeChanged = false;
            if (hold.Released) continue;
            var offset = elapsed[k - 1] - elapsed[i];
            foreach (var earlier in table.Before(hold)) d = Math.Max(d, earlier.End - offset);
        }
        if (v.SectionHolds[i] is { } held)
        {
            held.BeforeChanged = false;
            if (held is { Released: false } section)
            {
                var through = elapsed[j] - elapsed[i];
                var headway = options.SectionHeadwaySeconds;
                foreach (var earlier in table.Before(section))
                {
                    if (earlier.Direction != section.Direction) d = Math.Max(d, earlier.End);
                    else d = Math.Max(d, Math.Max(earlier.Start + headway, earlier.End + headway - through));
                }
            }
        }
        (v.EntryTerms[segment], v.EntryTermsKnown[segment]) = (d, true);
        return Math.Max(lowest, d);
    }

    /// <summary>
    /// Puts the vehicle's new times into its reservations (a node from the departure towards it to the arrival at the
    /// next; a section from entry to exit), those that depend on times of path indices <paramref name="first"/> to
    /// <paramref name="lastMoved"/> (the others already hold what they would get). Whoever comes after it on those
    /// resources is marked stale by the table (<see cref="StaleMarks"/>).
    /// </summary>
    private void WriteWindows(VehicleTraffic v, int first, int lastMoved)
    {
        var last = v.Path!.Last;
        var from = Math.Max(v.Confirmed, first - 1);
        for (var k = from; k <= Math.Min(last, lastMoved + 1); k++)
        {
            var hold = v.NodeHolds[k]!;
            hold.MoveTo(!hold.Released && k > 0 ? v.Departures[k - 1] : hold.Start, k == last ? double.PositiveInfinity : v.Arrivals[k + 1]);
        }
        // Sections are whole segments: start at the one the first written node lies in.
        for (var k = v.Path.Boundaries[v.Path.SegmentAt[Math.Max(0, from - 1)]]; k < last && k <= lastMoved; k++)
        {
            if (v.SectionHolds[k] is not { } section || (k > 0 && v.SectionHolds[k - 1] == section)) continue;
            var exit = k;
            while (exit < last && v.SectionHolds[exit] == section) exit++;
            if (exit <= v.Confirmed) continue;
            section.MoveTo(!section.Released ? v.Departures[k] : section.Start, v.Arrivals[exit]);
        }
    }

    private static bool Set(ref double slot, double value)
    {
        if (Math.Abs(slot - value) < 1e-9) return false;
        slot = value;
        return true;
    }
}
