namespace FriendshipGate.Fleet;

/// <summary>
/// One vehicle's planned use of one resource from <see cref="Start"/> to <see cref="End"/> (seconds of the traffic
/// control's clock). Once the vehicle is released into it, Start becomes -∞: nobody may be planned in front of it.
/// While its owner is broken, silent or waiting for a route, End is +∞: nobody may be planned behind it.
/// </summary>
internal sealed class Reservation(int vehicle, int resource, double start, double end, int direction)
{
    public int Vehicle { get; } = vehicle;
    public int Resource { get; } = resource;
    public double Start { get; set; } = start;
    public double End { get; set; } = end;
    /// <summary>Direction of travel through a section (0 or 1); -1 for nodes.</summary>
    public int Direction { get; } = direction;
    public bool Released { get; set; }
    /// <summary>Where on its owner's path it is used: the node's path index, or the index of the section's first edge; -1 for a rest hold.</summary>
    public int Step { get; set; } = -1;
    /// <summary>Ties between reservations released at the same -∞ start are broken by release order.</summary>
    public long ReleaseSequence { get; set; } = long.MaxValue;

    public bool SortsBefore(Reservation other) =>
        Start < other.Start || (Start == other.Start && ReleaseSequence < other.ReleaseSequence);
}

/// <summary>Reservations per resource, kept in order of use (the order every vehicle must keep when it executes).</summary>
internal sealed class ReservationTable(int resourceCount)
{
    private readonly List<Reservation>[] byResource = Enumerable.Range(0, resourceCount).Select(_ => new List<Reservation>(8)).ToArray();

    public List<Reservation> On(int resource) => byResource[resource];

    public void Add(Reservation reservation)
    {
        var list = byResource[reservation.Resource];
        var at = list.Count;
        while (at > 0 && reservation.SortsBefore(list[at - 1])) at--;
        list.Insert(at, reservation);
    }

    public void Remove(Reservation reservation) => byResource[reservation.Resource].Remove(reservation);

    /// <summary>Only reservations released earlier may come before a released one; re-sorting keeps that true after Start changes.</summary>
    public void Resort(Reservation reservation)
    {
        Remove(reservation);
        Add(reservation);
    }
}
