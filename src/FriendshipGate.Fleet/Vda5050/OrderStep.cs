namespace FriendshipGate.Fleet;

/// <summary>
/// One node of a route the fleet sends, with the edge that leads to it from the previous step. Positions are always
/// sent, so any compliant vehicle (also one that does not know our map) can follow the order.
/// </summary>
public sealed record OrderStep
{
    public OrderStep(string nodeId, NodePosition position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        NodeId = nodeId;
        Position = position ?? throw new ArgumentNullException(nameof(position));
    }

    public string NodeId { get; }
    public NodePosition Position { get; }

    /// <summary>Actions at the node, carried out in this sequence when the vehicle reaches it.</summary>
    public IReadOnlyList<VdaAction> Actions { get; init; } = [];

    /// <summary>The edge from the previous step; default "{previous}--{this}". Ignored on the first step of an order.</summary>
    public string? EdgeId { get; init; }

    /// <summary>Speed limit on the edge from the previous step, in m/s.</summary>
    public double? MaxSpeed { get; init; }

    public static OrderStep At(string nodeId, double x, double y, string mapId, params VdaAction[] actions) =>
        new(nodeId, new NodePosition { X = x, Y = y, MapId = mapId }) { Actions = actions };
}
