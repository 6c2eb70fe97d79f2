using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.Tests.Nodes;

/// <summary>
/// The twin with the gate pair's real nodes: each assertion is on what the modules recorded in their own databases (the
/// Clearance timeline and risk decisions, the Gate's device readings, alerts and passes, the joint inspections, both
/// sides' outboxes, inboxes and evidence logs), set against what the twin says happened.
/// </summary>
public class TwinWithNodesTests
{
    private static ReplicationResult RunWithNodes(string scenario, string policy, int days, ulong seed, string directory) =>
        Task.Run(() => new GateTwin(Scenario.Load(scenario), policy, seed, days, RiskRuleSet.LoadDefault(), RoadGraphLoader.LoadDefault(), directory).Run(0)).GetAwaiter().GetResult();

    [Fact]
    public void A_smart_day_goes_through_every_module_of_both_nodes()
    {
        using var directory = new TempDirectory();
        var result = RunWithNodes("ordinary-day", GatePolicy.Smart, 1, 3, directory.Path);
        Assert.Equal(2, result.Nodes.Count);
        var main = result.Nodes[0];
        Assert.True(main.Exports > 500, $"{main.Exports} exports");
        Assert.Equal(result.VehiclesArrived, result.Nodes.Sum(n => n.Exports));
        Assert.Equal(result.Lanes.OrderBy(l => l.Key), result.Nodes.SelectMany(n => n.ExportLanes).GroupBy(l => l.Key).Select(g => KeyValuePair.Create(g.Key, g.Sum(l => l.Value))).OrderBy(l => l.Key));
        Assert.Equal(result.VehiclesReleased, result.Nodes.Sum(n => n.GatePasses));
        Assert.Equal(result.VehiclesReleased, result.Nodes.Sum(n => n.CrossedBorder));
        Assert.True(main.DeviceReadings >= 5 * main.GatePasses);
        Assert.True(main.GateAlerts > 0 && main.JointInspections > 0);
        Assert.Equal(main.JointInspections, main.InspectionResultsAtCn);
        Assert.Equal(0, main.MessagesUnsettled);
        Assert.Equal(main.MessagesSent, main.MessagesAcknowledged);
        Assert.Equal(main.MessagesSent, main.MessagesReceived);
        Assert.Equal(main.Exports, main.AdvanceDataAtCn);
        Assert.Equal(main.Exports, main.Imports);
        Assert.True(main.EvidenceIntact);
        Assert.Equal(0, main.WaitingAtCn);
        Assert.True(main.ExitedAtCn > 0);
    }
}
