using FriendshipGate.Gate;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.Tests.Twin;

public class TruckQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static Truck TruckAt(int index, long arrivedSeconds, bool priority, long? slotSeconds)
    {
        var arrived = Start.AddSeconds(arrivedSeconds);
        var visit = new Visit(index.ToString(System.Globalization.CultureInfo.InvariantCulture), $"12C-{index:D5}", $"D{index}", null, Direction.Outbound,
            priority, VisitState.Waiting, null, arrived, null, false, null, null);
        return new Truck(index, 0, priority, "green", 1, new WaitingTruck(visit, slotSeconds is { } s ? Start.AddSeconds(s) : null),
            SimulationTime.FromSeconds(arrivedSeconds));
    }

    [Fact]
    public void It_calls_exactly_the_truck_the_gates_queue_order_calls_from_the_whole_queue()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var queue = new TruckQueue();
            var all = new List<Truck>();
            var now = 0L;
            for (var i = 0; i < 400; i++)
            {
                now += random.Next(0, 120);
                // Ties on arrival and on slot are frequent here on purpose: the ids decide them, as in the module.
                var slot = random.Next(3) == 0 ? (long?)(now / 1800 * 1800 + random.Next(-1, 3) * 1800) : null;
                var truck = TruckAt(i, random.Next(4) == 0 ? now - random.Next(0, 60) : now, random.Next(5) == 0, slot);
                queue.Add(truck);
                all.Add(truck);
                if (random.Next(3) != 0) continue;
                var at = Start.AddSeconds(now);
                var expected = QueueOrder.Sort(all.Select(t => t.Waiting), at)[0];
                var taken = queue.TakeFirst(at)!;
                Assert.Same(expected, taken.Waiting);
                all.Remove(taken);
                Assert.Equal(all.Count, queue.Count);
            }
        }
    }

    [Fact]
    public void A_truck_called_by_the_node_leaves_the_queue_wherever_it_stands()
    {
        var queue = new TruckQueue();
        var trucks = Enumerable.Range(0, 5).Select(i => TruckAt(i, i * 10, i == 3, i == 1 ? 3600 : null)).ToList();
        foreach (var truck in trucks) queue.Add(truck);
        Assert.True(queue.Remove(trucks[2]));
        Assert.False(queue.Remove(trucks[2]));
        Assert.Equal([0, 1, 3, 4], queue.All.Select(t => t.Index).Order());
        Assert.Equal(3, queue.TakeFirst(Start)!.Index);
        Assert.Equal(0, queue.TakeFirst(Start)!.Index);
        Assert.Equal(4, queue.TakeFirst(Start)!.Index);
        Assert.Equal(1, queue.TakeFirst(Start)!.Index); // early for its slot: called last
        Assert.Null(queue.TakeFirst(Start));
    }
}
