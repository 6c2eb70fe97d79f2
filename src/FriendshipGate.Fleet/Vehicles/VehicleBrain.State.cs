namespace FriendshipGate.Fleet;

/// <summary>The brain's state message (VDA 5050 6.10.6).</summary>
internal sealed partial class VehicleBrain
{
    public StateMessage Snapshot(long headerId, DateTimeOffset now) => new StateMessage
    {
        HeaderId = headerId,
        Timestamp = now,
        Version = options.Version.Text,
        Manufacturer = options.Id.Manufacturer,
        SerialNumber = options.Id.SerialNumber,
        Maps = [new MapState(options.MapId, "1", MapStatus.Enabled)],
        OrderId = OrderId,
        OrderUpdateId = OrderUpdateId,
        LastNodeId = LastNodeId,
        LastNodeSequenceId = LastNodeSequenceId,
        Driving = Driving,
        Paused = Paused,
        // Asks for more base when only the horizon is left (6.10.3).
        NewBaseRequest = nodes.Count > 0 && !nodes.Any(n => n.Released),
        DistanceSinceLastNode = Math.Round(DistanceSinceLastNode, 3),
        OperatingMode = OperatingMode.Automatic,
        NodeStates = [.. nodes.Select(n => new NodeState(n.NodeId, n.SequenceId, n.Released, n.NodeDescription,
            n.NodePosition is { } p ? new NodeStatePosition(p.X, p.Y, p.MapId, p.Theta) : null))],
        EdgeStates = [.. edges.Select(e => new EdgeState(e.EdgeId, e.SequenceId, e.Released, e.EdgeDescription))],
        AgvPosition = new AgvPosition(Math.Round(X, 3), Math.Round(Y, 3), Math.Round(heading, 4), options.MapId, PositionInitialized: true, LocalizationScore: 1.0),
        Velocity = new Velocity(Math.Round(speedNow * Math.Cos(heading), 3), Math.Round(speedNow * Math.Sin(heading), 3), 0),
        Loads = [.. loads],
        ActionStates = [.. actions.Select(a => new ActionState(a.Action.ActionId, a.Status, a.Action.ActionType, a.Action.ActionDescription, a.Result))],
        BatteryState = new BatteryState(Math.Round(Battery, 2), Charging, BatteryHealth: 100,
            Reach: options.DrainPercentPerKm > 0 ? (long)(Battery / options.DrainPercentPerKm * 1000) : null),
        Errors = [.. errors],
        Information = [],
        SafetyState = new SafetyState(EStop.None, FieldViolation: false),
    }.ForVersion(options.Version);
}
