namespace FriendshipGate.Gate;

/// <summary>Slots are fixed intervals of <see cref="GateOptions.SlotLength"/> counted from the Unix epoch, so midnight UTC starts one.</summary>
public static class SlotGrid
{
    public static bool IsSlotStart(DateTimeOffset at, TimeSpan slotLength) => at.ToUnixTimeMilliseconds() % (long)slotLength.TotalMilliseconds == 0;

    public static DateTimeOffset SlotOf(DateTimeOffset at, TimeSpan slotLength)
    {
        var length = (long)slotLength.TotalMilliseconds;
        var ms = at.ToUnixTimeMilliseconds();
        return DateTimeOffset.FromUnixTimeMilliseconds(ms - (((ms % length) + length) % length));
    }

    public static IEnumerable<DateTimeOffset> Starts(DateTimeOffset from, DateTimeOffset to, TimeSpan slotLength)
    {
        for (var start = SlotOf(from, slotLength); start < to; start += slotLength)
            if (start >= from) yield return start;
    }
}

/// <summary>
/// Hamburg-style no-show quota: in a slot with a per-carrier quota, a carrier that misses its slots gets fewer places.
/// The quota shrinks in proportion to the carrier's no-show rate, once it has enough history to judge, and never below one.
/// </summary>
public static class CarrierQuota
{
    /// <summary>Bookings a carrier needs behind it before its no-show rate counts.</summary>
    public const int MinimumHistory = 5;

    public static int For(int slotQuota, long kept, long missed)
    {
        var history = kept + missed;
        if (history < MinimumHistory) return slotQuota;
        var rate = (double)missed / history;
        return Math.Max(1, (int)Math.Floor(slotQuota * (1 - rate)));
    }
}
