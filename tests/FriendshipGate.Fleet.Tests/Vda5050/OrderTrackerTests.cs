using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

public sealed class OrderTrackerTests
{
    [Fact]
    public void Start_NumbersNodesEvenAndEdgesOdd_ReleasingOnlyTheBase()
    {
        var (nodes, edges) = new OrderTracker().Start("o", [Samples.A, Samples.B], [Samples.C]);

        Assert.Equal([("A", 0L, true), ("B", 2L, true), ("C", 4L, false)], nodes.Select(n => (n.NodeId, n.SequenceId, n.Released)));
        Assert.Equal([("A--B", 1L, true), ("B--C", 3L, false)], edges.Select(e => (e.EdgeId, e.SequenceId, e.Released)));
        Assert.Equal(20, edges[0].Length);
        Assert.All(nodes, n => Assert.NotNull(n.NodePosition));
    }

    [Fact]
    public void Extend_StartsAtTheDecisionPoint_Unchanged_AndCountsUpdates()
    {
        var tracker = new OrderTracker();
        var (first, _) = tracker.Start("o", [Samples.A, Samples.B], [Samples.C]);
        var (nodes, edges) = tracker.Extend([Samples.C, Samples.D], [Samples.E]);
        var (again, _) = tracker.Extend([Samples.E], []);

        Assert.Equal(first[1], nodes[0]);
        Assert.Equal([("B", 2L, true), ("C", 4L, true), ("D", 6L, true), ("E", 8L, false)], nodes.Select(n => (n.NodeId, n.SequenceId, n.Released)));
        Assert.Equal([3L, 5L, 7L], edges.Select(e => e.SequenceId));
        Assert.Equal(("D", 6L), (again[0].NodeId, again[0].SequenceId));
        Assert.Equal(2, tracker.OrderUpdateId);
    }

    [Fact]
    public void Extend_WithoutOrder_Throws() => Assert.Throws<InvalidOperationException>(() => new OrderTracker().Extend([Samples.A], []));
}
