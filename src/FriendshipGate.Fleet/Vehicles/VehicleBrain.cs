namespace FriendshipGate.Fleet;

/// <summary>
/// What a simulated vehicle knows and decides, without any I/O: the order it holds (accepted or rejected per VDA 5050
/// 6.6.2–6.6.4), its actions, position, battery, loads and errors. <see cref="SimulatedVehicle"/> feeds it messages and
/// clock ticks from one thread and publishes its state.
/// </summary>
internal sealed partial class VehicleBrain
{
    private static readonly HashSet<string> OrderErrorTypes = ["validationError", "orderError", "orderUpdateError", "noOrderToCancel"];

    private readonly SimulatedVehicleOptions options;
    private readonly List<OrderNode> nodes = [];
    private readonly List<OrderEdge> edges = [];
    private readonly List<TrackedAction> actions = [];
    private readonly Queue<TrackedAction> nodeActionQueue = new();
    private readonly List<VdaError> errors = [];
    private readonly List<Load> loads = [];

    public VehicleBrain(SimulatedVehicleOptions options, DateTimeOffset now)
    {
        this.options = options.Validated();
        X = options.StartX;
        Y = options.StartY;
        LastNodeId = options.StartNodeId;
        Battery = options.BatteryPercent;
        lastTick = now;
    }

    public string OrderId { get; private set; } = "";
    public long OrderUpdateId { get; private set; }
    public string LastNodeId { get; private set; }
    public long LastNodeSequenceId { get; private set; }
    public double X { get; private set; }
    public double Y { get; private set; }
    public double Battery { get; private set; }
    public bool Charging { get; private set; }
    public bool Paused { get; private set; }
    public bool Driving { get; private set; }

    /// <summary>Something happened that VDA 5050 6.10 wants a state for; cleared by <see cref="TakeChanged"/>.</summary>
    public bool Changed { get; private set; } = true;

    public bool FactsheetRequested { get; set; }
    public bool StateRequested { get; set; }

    public IReadOnlyList<Load> Loads => loads;

    public bool TakeChanged()
    {
        var changed = Changed || StateRequested;
        Changed = StateRequested = false;
        return changed;
    }

    /// <summary>Takes an order or order update, or rejects it with an error in the state.</summary>
    public void Receive(OrderMessage order, long headerId)
    {
        var references = new[] { ("headerId", headerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("topic", "order"), ("orderId", order.OrderId), ("orderUpdateId", order.OrderUpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (OrderValidation.Check(order) is { } invalid)
        {
            Reject(invalid with { ErrorReferences = [.. invalid.ErrorReferences ?? [], .. references.Select(r => new ErrorReference(r.Item1, r.Item2))] });
            return;
        }
        if (order.OrderId != OrderId) AcceptNew(order, references);
        else if (order.OrderUpdateId < OrderUpdateId)
            Reject(OrderValidation.Error("orderUpdateError", $"orderUpdateId {order.OrderUpdateId} is lower than the current {OrderUpdateId}.", references));
        else if (order.OrderUpdateId > OrderUpdateId) AcceptUpdate(order, references);
        // The same orderUpdateId again is a resend: ignored (6.6.4.3).
    }

    public void RejectMalformed(string topic, string reason) =>
        Reject(OrderValidation.Error("validationError", $"the {topic} message is not valid: {reason}", ("topic", topic)));

    public void InjectFault(string description)
    {
        errors.Add(new VdaError("simulatedFault", ErrorLevel.Fatal, description, ErrorHint: "clear the fault on the vehicle"));
        Changed = true;
    }

    public void ClearFault()
    {
        Changed |= errors.RemoveAll(e => e.ErrorType == "simulatedFault") > 0;
    }

    private bool HasOrderWork => nodes.Count > 0 || nodeActionQueue.Count > 0
        || actions.Any(a => a.IsOrderAction && a.Status is ActionStatus.Waiting or ActionStatus.Initializing or ActionStatus.Running);

    private void AcceptNew(OrderMessage order, (string, string)[] references)
    {
        if (HasOrderWork)
        {
            Reject(OrderValidation.Error("orderError", $"still carrying out order {OrderId}; cancel it first.", references));
            return;
        }
        var first = order.Nodes[0];
        var position = first.NodePosition!;
        var onIt = position.DistanceTo(X, Y) <= (position.AllowedDeviation ?? options.DefaultDeviationMeters) && position.MapId == options.MapId;
        if (!onIt)
        {
            Reject(OrderValidation.Error("orderError", $"the first node {first.NodeId} is not where the vehicle stands.", [.. references, ("nodeId", first.NodeId)]));
            return;
        }
        errors.RemoveAll(e => OrderErrorTypes.Contains(e.ErrorType));
        OrderId = order.OrderId;
        OrderUpdateId = order.OrderUpdateId;
        nodes.Clear();
        edges.Clear();
        actions.Clear();
        nodeActionQueue.Clear();
        nodes.AddRange(order.Nodes);
        edges.AddRange(order.Edges);
        foreach (var action in order.Nodes.SelectMany(n => n.Actions)) actions.Add(new TrackedAction(action.Normalised(), true));
        Traverse(first);
        Changed = true;
    }

    private void AcceptUpdate(OrderMessage order, (string, string)[] references)
    {
        var released = nodes.LastOrDefault(n => n.Released);
        var (decisionId, decisionSequence) = released is null ? (LastNodeId, LastNodeSequenceId) : (released.NodeId, released.SequenceId);
        var stitching = order.Nodes[0];
        if (stitching.NodeId != decisionId || stitching.SequenceId != decisionSequence)
        {
            Reject(OrderValidation.Error("orderUpdateError",
                $"the update starts at {stitching.NodeId}/{stitching.SequenceId}, not at the last base node {decisionId}/{decisionSequence}.", references));
            return;
        }
        errors.RemoveAll(e => OrderErrorTypes.Contains(e.ErrorType));
        // The horizon is replaced; the base and the stitching node stay as first sent.
        var dropped = nodes.Where(n => !n.Released).SelectMany(n => n.Actions).Select(a => a.ActionId).ToHashSet();
        nodes.RemoveAll(n => !n.Released);
        edges.RemoveAll(e => !e.Released);
        actions.RemoveAll(a => dropped.Contains(a.Action.ActionId) && a.Status == ActionStatus.Waiting);
        nodes.AddRange(order.Nodes.Skip(1));
        edges.AddRange(order.Edges);
        foreach (var action in order.Nodes.Skip(1).SelectMany(n => n.Actions))
            if (!actions.Any(a => a.Action.ActionId == action.ActionId)) actions.Add(new TrackedAction(action.Normalised(), true));
        OrderUpdateId = order.OrderUpdateId;
        Changed = true;
    }

    private void Reject(VdaError error)
    {
        // One warning per kind: the latest rejection replaces an earlier one of the same type.
        errors.RemoveAll(e => e.ErrorType == error.ErrorType);
        errors.Add(error);
        Changed = true;
    }

    private sealed class TrackedAction(VdaAction action, bool isOrderAction)
    {
        public VdaAction Action { get; } = action;
        public bool IsOrderAction { get; } = isOrderAction;
        public ActionStatus Status { get; set; } = ActionStatus.Waiting;
        public string? Result { get; set; }
        public DateTimeOffset FinishAt { get; set; }
    }
}
