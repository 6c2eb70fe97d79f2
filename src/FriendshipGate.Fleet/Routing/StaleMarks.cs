namespace FriendshipGate.Fleet;

/// <summary>
/// Marks the segments of the vehicles' routes whose re-timing (<see cref="TrafficControl"/>'s Retime) could come out
/// differently because what they read changed: the windows of the reservations before theirs on a resource. A
/// segment's departure is the latest of its own start, now, and one term per reservation before it on each of its
/// unreleased resources (EarliestEntry). A term that is below the departure last timed, before and after a change,
/// cannot change that latest, so such a change marks nothing; any other change marks the segment stale.
/// </summary>
internal sealed class StaleMarks(TrafficResources resources, double headwaySeconds)
{
    private VehicleTraffic?[] bySlot = [];

    public void Register(VehicleTraffic vehicle)
    {
        if (bySlot.Length <= vehicle.Slot) Array.Resize(ref bySlot, Math.Max(8, 2 * (vehicle.Slot + 1)));
        bySlot[vehicle.Slot] = vehicle;
    }

    public void Unregister(VehicleTraffic vehicle) => bySlot[vehicle.Slot] = null;

    /// <summary>A reservation came into its list (new, or re-sorted when released): its owner reads there anew, and those after it have one more before them.</summary>
    public void Came(ReadOnlySpan<Reservation> list, Reservation came)
    {
        came.BeforeChanged = true;
        Reread(came);
        for (var x = came.Index + 1; x < list.Length; x++) Check(list[x], came.Direction, came.Start, came.End);
    }

    /// <summary>Its owner reads it anew (it came, or was released where it is).</summary>
    public void Reread(Reservation reservation)
    {
        if (Locate(reservation, out var owner, out var segment)) Mark(owner, segment);
    }

    /// <summary>A reservation left its list at place <paramref name="at"/>: those from there on have one fewer before them.</summary>
    public void Went(ReadOnlySpan<Reservation> list, int at, Reservation went)
    {
        for (var x = at; x < list.Length; x++) Check(list[x], went.Direction, went.Start, went.End);
    }

    /// <summary>A reservation's window moved: those after it read the new one instead of the old.</summary>
    public void Moved(ReadOnlySpan<Reservation> list, Reservation moved, double oldStart, double oldEnd)
    {
        var (newStart, newEnd, direction) = (moved.Start, moved.End, moved.Direction);
        var section = resources.IsSection(moved.Resource);
        // Nodes are read by their end only.
        if (!section && Same(oldEnd, newEnd)) return;
        for (var x = moved.Index + 1; x < list.Length; x++)
        {
            var reader = list[x];
            reader.BeforeChanged = true;
            if (reader.Released) continue;
            // As Term computes them (the readers are on the same resource).
            double before, after;
            if (!section) (before, after) = (oldEnd - reader.ReadOffset, newEnd - reader.ReadOffset);
            else if (direction != reader.Direction) (before, after) = (oldEnd, newEnd);
            else (before, after) = (SameWay(reader, oldStart, oldEnd), SameWay(reader, newStart, newEnd));
            if (Same(before, after) || before < reader.ReadLimit && after < reader.ReadLimit) continue;
            if (Locate(reader, out var owner, out var segment)) Mark(owner, segment);
        }
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private void Check(Reservation reader, int direction, double start, double end)
    {
        reader.BeforeChanged = true;
        // A released reservation is not read: its owner holds the resource already.
        if (reader.Released || Term(reader, direction, start, end) < reader.ReadLimit) return;
        if (Locate(reader, out var owner, out var segment)) Mark(owner, segment);
    }

    /// <summary>The owner with a route, and the segment of it that reads the reservation (a node at step k: the segment arriving at it; a section: the segment it is).</summary>
    private bool Locate(Reservation reader, out VehicleTraffic owner, out int segment)
    {
        (owner, segment) = (null!, 0);
        if (reader.Vehicle < 0 || reader.Vehicle >= bySlot.Length || bySlot[reader.Vehicle] is not { Path: { } path } found) return false;
        var step = reader.Step < 0 ? 0 : resources.IsSection(reader.Resource) ? reader.Step : Math.Max(0, reader.Step - 1);
        // Out of range only while a new route is adopted, which is stale throughout anyway.
        if (step >= path.SegmentAt.Length || path.SegmentAt[step] >= found.StaleSegments.Length) return false;
        (owner, segment) = (found, path.SegmentAt[step]);
        return true;
    }

    private static void Mark(VehicleTraffic owner, int segment)
    {
        owner.StaleSegments[segment] = true;
        if (segment < owner.StaleFrom) owner.StaleFrom = segment;
    }

    /// <summary>The reader's term for a window before it, computed as EarliestEntry computes it (compared with the departure its segment was last timed with).</summary>
    private double Term(Reservation reader, int direction, double start, double end) =>
        !resources.IsSection(reader.Resource) ? end - reader.ReadOffset
        : direction != reader.Direction ? end
        : SameWay(reader, start, end);

    /// <summary>The term of a window going the same way through a section: enter after it entered, leave after it left (headway apart).</summary>
    private double SameWay(Reservation reader, double start, double end) => Math.Max(start + headwaySeconds, end + headwaySeconds - reader.ReadOffset);
}
