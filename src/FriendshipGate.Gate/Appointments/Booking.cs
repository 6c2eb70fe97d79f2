namespace FriendshipGate.Gate;

public static class BookingState
{
    /// <summary>Booked, the truck not checked in yet; <c>Arrived</c>: checked in at the waiting area; <c>Completed</c>: through the gate.</summary>
    public const string Booked = "booked", Arrived = "arrived", Completed = "completed", Cancelled = "cancelled", Missed = "missed";

    public static bool IsActive(string state) => state is Booked or Arrived;
}

/// <summary>A truck's appointment at a lane in one slot, for one lodged declaration.</summary>
public sealed record Booking(
    string Id, string Declaration, string Company, string Carrier, string Plate, bool Perishable, string Lane, string Direction,
    DateTimeOffset SlotStart, string State, string DriverCode, string? DriverPhone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A lane's capacity in one slot and how much of it is booked.</summary>
public sealed record Slot(
    string Lane, string Direction, DateTimeOffset Start, DateTimeOffset End, int Capacity, int PerishableReserved, int? CarrierQuota,
    int Booked, int BookedPerishable)
{
    public int Free => Capacity - Booked;

    /// <summary>Places a non-perishable load may still take: what is free, less what is still held back for perishables.</summary>
    public int FreeForOthers => Math.Max(0, Math.Min(Free, Capacity - PerishableReserved - (Booked - BookedPerishable)));

    public bool Accepts(bool perishable) => perishable ? Free > 0 : FreeForOthers > 0;
}

/// <summary>What a booking needs: the declaration, the slot, and optionally lane, plate, carrier and the driver's phone.</summary>
public sealed record BookingInput(string? Declaration, DateTimeOffset? SlotStart, string? Lane, string? Plate, string? Carrier, string? DriverPhone);

public sealed record RebookInput(DateTimeOffset? SlotStart, string? Lane);

/// <summary>The operator's capacity for a lane over a period: so many trucks per slot, some held for perishables, an optional per-carrier quota.</summary>
public sealed record CapacityInput(string? Lane, DateTimeOffset? From, DateTimeOffset? To, int? PerSlot, int? PerishableReserved, int? CarrierQuota);
