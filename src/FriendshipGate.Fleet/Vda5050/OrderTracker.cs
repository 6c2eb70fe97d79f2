namespace FriendshipGate.Fleet;

/// <summary>
/// The order a vehicle holds, as the fleet sent it: its base so far and the next orderUpdateId. Builds the body of a
/// new order and of each update, which re-sends only the last base node (the stitching node, unchanged) and appends
/// new released nodes and edges and a new horizon (VDA 5050 6.6.2).
/// </summary>
internal sealed class OrderTracker
{
    private OrderNode? decisionPoint;

    public string? OrderId { get; private set; }
    public long OrderUpdateId { get; private set; }

    /// <summary>Nodes and edges of a new order: steps[0] is where the vehicle stands (sequenceId 0).</summary>
    public (IReadOnlyList<OrderNode> Nodes, IReadOnlyList<OrderEdge> Edges) Start(string orderId, IReadOnlyList<OrderStep> released, IReadOnlyList<OrderStep> horizon)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        if (released.Count == 0) throw new ArgumentException("an order needs at least one released node.", nameof(released));
        var first = Node(released[0], 0, true);
        var (nodes, edges) = Append(first, released.Skip(1).ToList(), horizon);
        OrderId = orderId;
        OrderUpdateId = 0;
        decisionPoint = nodes.Last(n => n.Released);
        return (nodes, edges);
    }

    /// <summary>Nodes and edges of the next update, starting at the current decision point.</summary>
    /// <exception cref="InvalidOperationException">No order was started.</exception>
    public (IReadOnlyList<OrderNode> Nodes, IReadOnlyList<OrderEdge> Edges) Extend(IReadOnlyList<OrderStep> released, IReadOnlyList<OrderStep> horizon)
    {
        var stitching = decisionPoint ?? throw new InvalidOperationException("no order to extend; send an order first.");
        var (nodes, edges) = Append(stitching, released, horizon);
        OrderUpdateId++;
        decisionPoint = nodes.Last(n => n.Released);
        return (nodes, edges);
    }

    private static (IReadOnlyList<OrderNode>, IReadOnlyList<OrderEdge>) Append(OrderNode from, IReadOnlyList<OrderStep> released, IReadOnlyList<OrderStep> horizon)
    {
        var nodes = new List<OrderNode> { from };
        var edges = new List<OrderEdge>();
        var previous = from;
        foreach (var (step, isReleased) in released.Select(s => (s, true)).Concat(horizon.Select(s => (s, false))))
        {
            var node = Node(step, previous.SequenceId + 2, isReleased);
            edges.Add(new OrderEdge
            {
                EdgeId = step.EdgeId ?? $"{previous.NodeId}--{node.NodeId}",
                SequenceId = previous.SequenceId + 1,
                Released = isReleased,
                StartNodeId = previous.NodeId,
                EndNodeId = node.NodeId,
                MaxSpeed = step.MaxSpeed,
                Length = previous.NodePosition is { } a && node.NodePosition is { } b ? Math.Round(a.DistanceTo(b.X, b.Y), 3) : null,
            });
            nodes.Add(node);
            previous = node;
        }
        return (nodes, edges);
    }

    private static OrderNode Node(OrderStep step, long sequenceId, bool released) => new()
    {
        NodeId = step.NodeId,
        SequenceId = sequenceId,
        Released = released,
        NodePosition = step.Position,
        // A horizon node's actions are announced but may not start; action ids stay unique per order.
        Actions = step.Actions,
    };
}
