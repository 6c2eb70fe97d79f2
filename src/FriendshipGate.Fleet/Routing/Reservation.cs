namespace FriendshipGate.Fleet;

/// <summary>
/// One vehicle's planned use of one resource from <see cref="Start"/> to <see cref="End"/> (seconds of the traffic
/// control's clock). Once the vehicle is released into it, Start becomes -∞: nobody may be planned in front of it.
/// While its owner is broken, silent or waiting for a route, End is +∞: nobody may be planned behind it.
/// </summary>
internal sealed class Reservation(int vehicle, int resource, double start, double end, int direction)
{
    private double start = start;
    private double end = end;

    public int Vehicle { get; } = vehicle;
    public int Resource { get; } = resource;

    public double Start
    {
        get => start;
        set => MoveTo(value, end);
    }

    public double End
    {
        get => end;
        set => MoveTo(start, value);
    }

    /// <summary>Moves both ends at once: those after it are told once.</summary>
    public void MoveTo(double newStart, double newEnd)
    {
        var (oldStart, oldEnd) = (start, end);
        if (Same(oldStart, newStart) && Same(oldEnd, newEnd)) return;
        (start, end) = (newStart, newEnd);
        Table?.Moved(this, oldStart, oldEnd);
    }
    /// <summary>Direction of travel through a section (0 or 1); -1 for nodes.</summary>
    public int Direction { get; } = direction;
    public bool Released { get; set; }
    /// <summary>Where on its owner's path it is used: the node's path index, or the index of the section's first edge; -1 for a rest hold.</summary>
    public int Step { get; set; } = -1;
    /// <summary>Ties between reservations released at the same -∞ start are broken by release order.</summary>
    public long ReleaseSequence { get; set; } = long.MaxValue;

    /// <summary>
    /// What its owner's re-timing last read through it: the departure of the segment that reads it (a window before it
    /// whose term stays below that cannot change the segment), and the driving time the term takes off the window's end
    /// (a node: from the segment's start to the step before it; a section: the section's own driving time).
    /// </summary>
    public double ReadLimit { get; set; } = double.NegativeInfinity;
    public double ReadOffset { get; set; }

    /// <summary>Something before it on its resource came, went or moved, or it came or was released, since its owner's re-timing last read those before it.</summary>
    public bool BeforeChanged { get; set; } = true;

    /// <summary>The table it is in (null when in none) and its place in its resource's list there.</summary>
    public ReservationTable? Table { get; set; }
    public int Index { get; set; } = -1;

    public bool SortsBefore(Reservation other) =>
        Start < other.Start || (Start == other.Start && ReleaseSequence < other.ReleaseSequence);

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}

/// <summary>
/// Reservations per resource, kept in order of use (the order every vehicle must keep when it executes). Each knows
/// its place in its list. Every change of what a reservation sees before it (one came, went, moved or was released)
/// is told to <paramref name="marks"/>, which keeps the re-timing's stale segments; a list that changed wakes the
/// vehicles whose release stopped at it (<paramref name="wakes"/>).
/// </summary>
internal sealed class ReservationTable(int resourceCount, StaleMarks marks, ReleaseWakes wakes)
{
    // Per resource an array used up to its count (read as spans: the re-timing and the planner scan these lists most).
    private readonly Reservation[][] byResource = Enumerable.Range(0, resourceCount).Select(_ => new Reservation[8]).ToArray();
    private readonly int[] counts = new int[resourceCount];
    private readonly long[] versions = new long[resourceCount];

    public ReadOnlySpan<Reservation> On(int resource) => new(byResource[resource], 0, counts[resource]);

    /// <summary>Those before the reservation on its resource (all on it when it is in no list here).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<Reservation> Before(Reservation reservation) =>
        reservation.Table == this ? On(reservation.Resource)[..reservation.Index] : On(reservation.Resource);

    /// <summary>Changes whenever a reservation comes into or leaves the resource's list (releases re-sort, so they count).</summary>
    public long VersionOf(int resource) => versions[resource];

    public void Add(Reservation reservation)
    {
        var resource = reservation.Resource;
        var items = byResource[resource];
        var count = counts[resource];
        var at = count;
        while (at > 0 && reservation.SortsBefore(items[at - 1])) at--;
        if (count == items.Length)
        {
            Array.Resize(ref items, 2 * count);
            byResource[resource] = items;
        }
        Array.Copy(items, at, items, at + 1, count - at);
        items[at] = reservation;
        counts[resource] = count + 1;
        reservation.Table = this;
        versions[resource]++;
        wakes.ListChanged(resource);
        Renumber(resource, at);
        marks.Came(On(resource), reservation);
    }

    public void Remove(Reservation reservation)
    {
        var resource = reservation.Resource;
        var list = On(resource);
        var at = reservation.Table == this && reservation.Index < list.Length && ReferenceEquals(list[reservation.Index], reservation)
            ? reservation.Index
            : list.IndexOf(reservation);
        if (at < 0) return;
        var items = byResource[resource];
        var count = counts[resource] - 1;
        Array.Copy(items, at + 1, items, at, count - at);
        items[count] = null!;
        counts[resource] = count;
        (reservation.Table, reservation.Index) = (null, -1);
        versions[resource]++;
        wakes.ListChanged(resource);
        Renumber(resource, at);
        marks.Went(On(resource), at, reservation);
    }

    /// <summary>Only reservations released earlier may come before a released one; re-sorting keeps that true after Start changes.</summary>
    public void Resort(Reservation reservation)
    {
        if (StaysInPlace(reservation))
        {
            // As taking it out and putting it back: the list counts as changed and its owner reads it anew; those
            // after it have the same one before them (its moved start was told when it moved).
            versions[reservation.Resource]++;
            wakes.ListChanged(reservation.Resource);
            reservation.BeforeChanged = true;
            marks.Reread(reservation);
            return;
        }
        Remove(reservation);
        Add(reservation);
    }

    /// <summary>Whether <see cref="Add"/> would put it back where it is: it sorts before everyone after it, and not before the one in front.</summary>
    private bool StaysInPlace(Reservation reservation)
    {
        var list = On(reservation.Resource);
        var at = reservation.Index;
        if (reservation.Table != this || at < 0 || at >= list.Length || !ReferenceEquals(list[at], reservation)) return false;
        if (at > 0 && reservation.SortsBefore(list[at - 1])) return false;
        for (var x = at + 1; x < list.Length; x++)
            if (!reservation.SortsBefore(list[x])) return false;
        return true;
    }

    /// <summary>Its start or end moved (from <paramref name="oldStart"/>, <paramref name="oldEnd"/>).</summary>
    public void Moved(Reservation reservation, double oldStart, double oldEnd) =>
        marks.Moved(On(reservation.Resource), reservation, oldStart, oldEnd);

    private void Renumber(int resource, int from)
    {
        var list = On(resource);
        for (var x = from; x < list.Length; x++) list[x].Index = x;
    }
}
