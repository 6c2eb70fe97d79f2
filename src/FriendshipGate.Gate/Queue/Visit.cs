namespace FriendshipGate.Gate;

public static class VisitState
{
    /// <summary>
    /// In the waiting area; <c>Called</c>: called forward to a lane; <c>Released</c>: barrier told to open; <c>Passed</c>: through
    /// the gate; <c>Aside</c>: pulled off the lane by an officer to the inspection area, freeing the lane.
    /// </summary>
    public const string Waiting = "waiting", Called = "called", Released = "released", Passed = "passed", Aside = "aside";

    public static bool AtLane(string state) => state is Called or Released;
}

/// <summary>One truck's stay at the gate, from check-in at the waiting area to passing the barrier.</summary>
public sealed record Visit(
    string Id, string Plate, string Declaration, string? BookingId, string Direction, bool Priority, string State, string? Lane,
    DateTimeOffset JoinedAt, DateTimeOffset? CalledAt, bool Held, DateTimeOffset? ReleasedAt, DateTimeOffset? PassedAt);

/// <summary>A waiting truck with what its place in the queue depends on.</summary>
public sealed record WaitingTruck(Visit Visit, DateTimeOffset? SlotStart);

/// <summary>Where a truck stands: its place among the trucks waiting to go its way, and when it should be called.</summary>
public sealed record QueuePlace(string VisitId, string Plate, string Declaration, string? BookingId, string Queue, int Position, DateTimeOffset ExpectedAt);

/// <summary>A truck arriving at the waiting area: its plate and, without a booking, its declaration; operators may grant priority.</summary>
public sealed record CheckInInput(string? Plate, string? Declaration, bool? Priority);
