namespace FriendshipGate.Fleet;

/// <summary>
/// The checks a vehicle makes on an order before it looks at its own situation (VDA 5050 6.6.1, 6.6.4): the graph is
/// well formed (validationError), and it can carry it out (orderError: positions to drive by, actions it knows).
/// </summary>
internal static class OrderValidation
{
    /// <summary>Node actions the simulated vehicle carries out.</summary>
    public static readonly IReadOnlySet<string> NodeActions = new HashSet<string> { ActionTypes.Pick, ActionTypes.Drop, ActionTypes.StartCharging, ActionTypes.StopCharging };

    public static VdaError? Check(OrderMessage order)
    {
        var nodes = order.Nodes;
        var edges = order.Edges;
        if (string.IsNullOrEmpty(order.OrderId)) return Invalid("orderId is empty.");
        if (nodes.Count == 0) return Invalid("an order needs at least one node.");
        if (edges.Count != nodes.Count - 1) return Invalid($"{nodes.Count} nodes need {nodes.Count - 1} edges, not {edges.Count}.");
        if (!nodes[0].Released) return Invalid("the first node must be released.");
        for (var i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            if (edge.StartNodeId != nodes[i].NodeId || edge.EndNodeId != nodes[i + 1].NodeId)
                return Invalid($"edge {edge.EdgeId} does not join {nodes[i].NodeId} and {nodes[i + 1].NodeId}.", ("edgeId", edge.EdgeId));
            if (edge.SequenceId != nodes[i].SequenceId + 1 || nodes[i + 1].SequenceId != edge.SequenceId + 1)
                return Invalid($"sequenceIds around edge {edge.EdgeId} do not run on by one.", ("edgeId", edge.EdgeId));
            if (edge.Released && !(nodes[i].Released && nodes[i + 1].Released))
                return Invalid($"edge {edge.EdgeId} is released but one of its nodes is not.", ("edgeId", edge.EdgeId));
            if (nodes[i + 1].Released && !edge.Released)
                return Invalid($"node {nodes[i + 1].NodeId} is released after an unreleased edge.", ("nodeId", nodes[i + 1].NodeId));
            if (edge.Actions.Count > 0)
                return Unusable($"edge {edge.EdgeId} has actions; this vehicle carries out actions on nodes only.", ("edgeId", edge.EdgeId));
        }
        foreach (var node in nodes)
        {
            if (node.NodePosition is null) return Unusable($"node {node.NodeId} has no position; this vehicle drives by positions.", ("nodeId", node.NodeId));
            if (node.Actions.FirstOrDefault(a => !NodeActions.Contains(a.Normalised().ActionType)) is { } unknown)
                return Unusable($"action {unknown.ActionType} on node {node.NodeId} is not supported.", ("actionId", unknown.ActionId));
        }
        return null;
    }

    public static VdaError Error(string type, string description, params (string Key, string Value)[] references) =>
        new(type, ErrorLevel.Warning, description, [.. references.Select(r => new ErrorReference(r.Key, r.Value))]);

    private static VdaError Invalid(string description, params (string, string)[] references) => Error("validationError", description, references);

    private static VdaError Unusable(string description, params (string, string)[] references) => Error("orderError", description, references);
}
