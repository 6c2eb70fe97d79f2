namespace FriendshipGate.Fleet;

/// <summary>One vehicle's route and reservations inside <see cref="TrafficControl"/>.</summary>
internal sealed class VehicleTraffic(int slot, string key, int node, ReleaseWakes wakes)
{
    private VehicleTrafficState state = VehicleTrafficState.AtRest;
    private PathLayout? path;
    private int confirmed, horizon;

    public int Slot { get; } = slot;
    public string Key { get; } = key;

    // Its state, route, progress and release are what its release reads of itself: a change wakes it (see ReleaseWakes).
    public VehicleTrafficState State
    {
        get => state;
        set
        {
            state = value;
            wakes.Wake(Slot);
        }
    }

    public int RestNode { get; set; } = node;
    public Reservation? RestHold { get; set; }
    /// <summary>Counts the routes it adopted: one revision, one route.</summary>
    public int Revision { get; private set; }

    public PathLayout? Path
    {
        get => path;
        private set
        {
            path = value;
            wakes.Wake(Slot);
        }
    }

    public double[] Arrivals { get; private set; } = [];
    public double[] Departures { get; private set; } = [];
    /// <summary>Number of the first step (continues over re-plans so VDA 5050 sequence ids stay increasing).</summary>
    public int FirstNumber { get; private set; }
    public int Confirmed
    {
        get => confirmed;
        set
        {
            confirmed = value;
            wakes.Wake(Slot);
        }
    }

    /// <summary>When it set off from the node it last confirmed (released beyond it); NaN while it stands there.</summary>
    public double DepartedAt { get; set; } = double.NaN;
    public int Horizon
    {
        get => horizon;
        set
        {
            horizon = value;
            wakes.Wake(Slot);
        }
    }

    /// <summary>Per path index: the node's reservation; per edge index k (k to k+1): the section's reservation, shared by its edges.</summary>
    public Reservation?[] NodeHolds { get; private set; } = [];
    public Reservation?[] SectionHolds { get; private set; } = [];
    /// <summary>
    /// Per segment of the path: what its timing reads changed since it was last timed (someone before it on one of its
    /// resources came, went, moved or was released). Kept between re-timings; a new route is all stale.
    /// </summary>
    public bool[] StaleSegments { get; private set; } = [];
    /// <summary>
    /// Per segment: the latest term of those before it on its unreleased resources, as its re-timing last computed it
    /// (EarliestEntry), and whether that is still what it would compute: none of its holds was told of a change before it since.
    /// </summary>
    public double[] EntryTerms { get; private set; } = [];
    public bool[] EntryTermsKnown { get; private set; } = [];
    /// <summary>The first stale segment, or <see cref="int.MaxValue"/> when the re-timing has seen every mark.</summary>
    public int StaleFrom { get; set; } = int.MaxValue;

    /// <summary>
    /// Where its release last stopped: its route (by revision: routes share their layouts), progress and release then, and the resource whose list held it back
    /// (-1: it was released as far ahead as allowed) with that list's version. Until one of these changes, it stops there again.
    /// </summary>
    public ReleaseStop? StoppedAt { get; set; }

    public bool HasRoute => Path is not null && State != VehicleTrafficState.AtRest;

    /// <summary>Takes a new timing of the route; reservations of already released steps keep Start = -∞ and get the new End.</summary>
    public void Adopt(PathLayout path, double[] arrivals, double[] departures, int firstNumber, int horizon, ReservationTable table,
        IReadOnlyDictionary<int, Reservation> heldNodes, IReadOnlyDictionary<int, Reservation> heldSections)
    {
        Path = path;
        Arrivals = arrivals;
        Departures = departures;
        FirstNumber = firstNumber;
        Confirmed = 0;
        Horizon = horizon;
        if (horizon == 0) DepartedAt = double.NaN;
        Revision++;
        var last = path.Last;
        StaleSegments = new bool[path.Boundaries.Length];
        EntryTerms = new double[path.Boundaries.Length];
        EntryTermsKnown = new bool[path.Boundaries.Length];
        Array.Fill(StaleSegments, true);
        StaleFrom = 0;
        NodeHolds = new Reservation?[last + 1];
        SectionHolds = new Reservation?[last];
        for (var k = 0; k <= last; k++)
        {
            var end = k == last ? double.PositiveInfinity : arrivals[k + 1];
            var offset = k == 0 ? 0 : path.IntoSegment(k);
            if (heldNodes.TryGetValue(path.NodeResources[k], out var held))
            {
                (held.End, held.Step, held.ReadOffset, held.ReadLimit) = (end, k, offset, double.NegativeInfinity);
                NodeHolds[k] = held;
                continue;
            }
            var reservation = new Reservation(Slot, path.NodeResources[k], k == 0 ? double.NegativeInfinity : departures[k - 1], end, -1) { Step = k, ReadOffset = offset };
            table.Add(reservation);
            NodeHolds[k] = reservation;
        }
        for (var k = 0; k < last;)
        {
            var section = path.SectionOfEdge[k];
            if (section < 0) { k++; continue; }
            var exit = k;
            while (exit < last && path.SectionOfEdge[exit] == section) exit++;
            if (!heldSections.TryGetValue(section, out var reservation))
            {
                reservation = new Reservation(Slot, section, departures[k], arrivals[exit], path.DirectionOfEdge[k]);
                table.Add(reservation);
            }
            reservation.End = arrivals[exit];
            (reservation.Step, reservation.ReadOffset, reservation.ReadLimit) = (k, path.SegmentSeconds(k), double.NegativeInfinity);
            for (var e = k; e < exit; e++) SectionHolds[e] = reservation;
            k = exit;
        }
    }

    /// <summary>Reservations the vehicle was released into and has not left: nodes and sections.</summary>
    public IEnumerable<Reservation> Held()
    {
        if (Path is null) yield break;
        for (var k = Confirmed; k <= Horizon; k++) if (NodeHolds[k] is { Released: true } node) yield return node;
        // A section is held from its release until the vehicle reaches its far end, also while it stands inside it.
        for (var k = 0; k < SectionHolds.Length; k++)
            if (SectionHolds[k] is { Released: true } section && (k == 0 || SectionHolds[k - 1] != section) && ExitOf(k) > Confirmed) yield return section;
    }

    private int ExitOf(int edge)
    {
        while (edge + 1 < SectionHolds.Length && SectionHolds[edge + 1] == SectionHolds[edge]) edge++;
        return edge + 1;
    }

    /// <summary>Forgets every reservation not yet released (nobody then waits for steps this vehicle may never take).</summary>
    public void DropUnreleased(ReservationTable table)
    {
        if (Path is null) return;
        for (var k = Horizon + 1; k < NodeHolds.Length; k++) Drop(table, ref NodeHolds[k]);
        for (var k = Horizon; k < SectionHolds.Length; k++)
            if (SectionHolds[k] is { Released: false }) Drop(table, ref SectionHolds[k]);
    }

    /// <summary>The vehicle reached path index <paramref name="k"/>: it has left every node before it and every section ending there or before.</summary>
    public void Reached(int k, ReservationTable table)
    {
        for (var i = Confirmed; i < k; i++)
        {
            Drop(table, ref NodeHolds[i]);
            if (SectionHolds[i] is { } section && (i + 1 == SectionHolds.Length || SectionHolds[i + 1] != section)) table.Remove(section);
        }
        Confirmed = k;
    }

    public void DropAll(ReservationTable table)
    {
        if (RestHold is { } rest) table.Remove(rest);
        RestHold = null;
        if (Path is null) return;
        for (var k = 0; k < NodeHolds.Length; k++) Drop(table, ref NodeHolds[k]);
        for (var k = 0; k < SectionHolds.Length; k++) if (SectionHolds[k] is { } s) { table.Remove(s); SectionHolds[k] = null; }
    }

    private static void Drop(ReservationTable table, ref Reservation? reservation)
    {
        if (reservation is null) return;
        table.Remove(reservation);
        reservation = null;
    }
}

internal readonly record struct ReleaseStop(int Revision, int Confirmed, int Horizon, int Resource, long Version);
