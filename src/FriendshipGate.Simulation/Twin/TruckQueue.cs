using FriendshipGate.Gate;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// A route's waiting trucks, kept so that the Gate's <see cref="QueueOrder"/> need only look at three of them: within each
/// of its queues the order never depends on the clock (priority and live trucks by arrival, booked and early trucks by
/// slot, both then by arrival and id), and whether a booked truck counts as booked or early only splits the slotted ones
/// at the clock, keeping their order. So the first truck of the whole queue is the first, in the module's order, of the
/// oldest priority truck, the oldest live truck and the slotted truck with the earliest slot: the module decides as if it
/// sorted them all, without sorting thousands of trucks each time a service point frees.
/// </summary>
internal sealed class TruckQueue
{
    private static readonly Comparer<Truck> ByArrival = Comparer<Truck>.Create((a, b) =>
        a.ArrivedAt != b.ArrivedAt ? a.ArrivedAt.CompareTo(b.ArrivedAt) : string.CompareOrdinal(a.Waiting.Visit.Id, b.Waiting.Visit.Id));

    private static readonly Comparer<Truck> BySlot = Comparer<Truck>.Create((a, b) =>
        a.Waiting.SlotStart != b.Waiting.SlotStart ? a.Waiting.SlotStart!.Value.CompareTo(b.Waiting.SlotStart!.Value) : ByArrival.Compare(a, b));

    private readonly SortedSet<Truck> priority = new(ByArrival), live = new(ByArrival), slotted = new(BySlot);

    public int Count => priority.Count + live.Count + slotted.Count;

    public long Containers => priority.Sum(t => (long)t.Containers) + live.Sum(t => (long)t.Containers) + slotted.Sum(t => (long)t.Containers);

    public IEnumerable<Truck> All => priority.Concat(live).Concat(slotted);

    public void Add(Truck truck) => Of(truck).Add(truck);

    public bool Remove(Truck truck) => Of(truck).Remove(truck);

    /// <summary>Takes the truck the Gate's queue order calls first now; null when none waits.</summary>
    public Truck? TakeFirst(DateTimeOffset now)
    {
        if (Count == 0) return null;
        Truck?[] heads = [priority.Min, live.Min, slotted.Min];
        var candidates = heads.OfType<Truck>().ToList();
        var first = candidates.Count == 1 ? candidates[0].Waiting : QueueOrder.Sort(candidates.Select(t => t.Waiting), now)[0];
        var truck = candidates.First(t => ReferenceEquals(t.Waiting, first));
        Remove(truck);
        return truck;
    }

    private SortedSet<Truck> Of(Truck truck) => truck.Waiting switch
    {
        { Visit.Priority: true } => priority,
        { SlotStart: not null } => slotted,
        _ => live,
    };
}
