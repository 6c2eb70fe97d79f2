using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Fleet;
using FriendshipGate.Gate;
using FriendshipGate.Web.Ui.CommandCenter;

namespace FriendshipGate.Web.Ui.JointView;

/// <summary>One named figure (a count) of one side.</summary>
public sealed record Figure(string Key, long Value);

/// <summary>
/// The figures one side shows the other in the joint view: counts only, never a declaration, a plate or a name, so that
/// nothing beyond them leaves the node. Keys are stable (docs/decisions/0007); a node shows a key it does not know by name.
/// </summary>
public sealed record SideFigures(string Node, string Side, DateTimeOffset At, IReadOnlyList<Figure> Figures)
{
    /// <summary>The clearance counters, in the order the command center shows them.</summary>
    public static readonly IReadOnlyList<string> ClearanceKeys = ["awaiting", "inspection", "released", "crossed", "arrived", "exited", "advance"];

    public long? this[string key] => Figures.FirstOrDefault(f => f.Key == key)?.Value;

    public static IEnumerable<Figure> Clearance(ClearanceCounts c) =>
    [
        new("awaiting", c.State(ClearanceState.Received) + c.State(ClearanceState.Accepted) + c.State(ClearanceState.RiskAssessed)),
        new("inspection", c.State(ClearanceState.UnderControl)),
        new("released", c.State(ClearanceState.ReleasedForExport) + c.State(ClearanceState.ReleasedForImport)),
        new("crossed", c.State(ClearanceState.CrossedBorder)),
        new("arrived", c.State(ClearanceState.Arrived)),
        new("exited", c.State(ClearanceState.Exited)),
        new("advance", c.AdvanceDataWaiting),
    ];

    /// <summary>This node's figures from the command center's latest snapshot.</summary>
    public static SideFigures Of(CommandCenterSnapshot snapshot, NodeId node) => new(node.Value, node.Side, snapshot.At,
    [
        .. Clearance(snapshot.Clearance),
        new("trucksWaiting", snapshot.Gate.Trucks.Count(t => t.State == VisitState.Waiting)),
        new("trucksAtLanes", snapshot.Gate.Trucks.Count(t => VisitState.AtLane(t.State))),
        new("deviceAlerts", snapshot.Gate.OpenAlertCount),
        new("vehicles", snapshot.Fleet.Vehicles.Count),
        new("vehiclesDriving", snapshot.Fleet.Vehicles.Count(v => v.Activity == VehicleActivity.Driving)),
        new("containersOnVehicles", snapshot.Fleet.Vehicles.Count(v => v.Container is not null)),
        new("exchangeQueued", snapshot.Exchange.Outbox.GetValueOrDefault(DeliveryState.Queued) + snapshot.Exchange.Outbox.GetValueOrDefault(DeliveryState.Sent)),
    ]);
}
