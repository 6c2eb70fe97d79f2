namespace FriendshipGate.Gate;

/// <summary>
/// The order trucks are called forward in, GoSwift-style: first the priority queue (perishables and trucks an operator
/// granted priority), then booked trucks whose slot has begun, then the live queue (walk-ins, and trucks that missed their
/// slot and came back), then booked trucks early for their slot. Within each, first come first called.
/// </summary>
public static class QueueOrder
{
    public const string PriorityQueue = "priority", BookedQueue = "booked", LiveQueue = "live", EarlyQueue = "early";

    public static string QueueOf(WaitingTruck truck, DateTimeOffset now) => truck switch
    {
        { Visit.Priority: true } => PriorityQueue,
        { SlotStart: { } start } when start <= now => BookedQueue,
        { SlotStart: not null } => EarlyQueue,
        _ => LiveQueue,
    };

    public static IReadOnlyList<WaitingTruck> Sort(IEnumerable<WaitingTruck> waiting, DateTimeOffset now) =>
        [.. waiting.OrderBy(t => Rank(QueueOf(t, now)))
            .ThenBy(t => QueueOf(t, now) is BookedQueue or EarlyQueue ? t.SlotStart!.Value : t.Visit.JoinedAt)
            .ThenBy(t => t.Visit.JoinedAt).ThenBy(t => t.Visit.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Places in the sorted queue with expected call times: the lanes of the direction take trucks in turn, each for one
    /// service time; a booked truck is not expected before its slot begins.
    /// </summary>
    public static IReadOnlyList<QueuePlace> Places(IReadOnlyList<WaitingTruck> sorted, DateTimeOffset now, int lanes, TimeSpan serviceTime)
    {
        var places = new List<QueuePlace>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var truck = sorted[i];
            var expected = now + serviceTime * (i / Math.Max(1, lanes));
            if (truck.SlotStart is { } start && start > expected) expected = start;
            places.Add(new QueuePlace(truck.Visit.Id, truck.Visit.Plate, truck.Visit.Declaration, truck.Visit.BookingId, QueueOf(truck, now), i + 1, expected));
        }
        return places;
    }

    private static int Rank(string queue) => queue switch { PriorityQueue => 0, BookedQueue => 1, LiveQueue => 2, _ => 3 };
}
