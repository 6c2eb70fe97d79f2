using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using FriendshipGate.Simulation.Twin;
using FriendshipGate.Storage;

namespace FriendshipGate.Simulation.Tests.Nodes;

/// <summary>
/// The twin with the gate pair's real nodes: each assertion is on what the modules recorded in their own databases (the
/// Clearance timeline and risk decisions, the Gate's device readings, alerts and passes, the joint inspections, both
/// sides' outboxes, inboxes and evidence logs), set against what the twin says happened.
/// </summary>
public class TwinWithNodesTests
{
    // The twin blocks on the nodes' tasks inside its events, as the CLI runs it: off xunit's synchronization context.
    private static ReplicationResult RunWithNodes(Scenario scenario, string policy, ulong seed, string directory) =>
        Task.Run(() => new GateTwin(scenario, policy, seed, 1, RiskRuleSet.LoadDefault(), RoadGraphLoader.LoadDefault(), directory).Run(0)).GetAwaiter().GetResult();

    /// <summary>A quarter of the scenario's trucks, for the tests that run it more than once.</summary>
    private static Scenario Quarter(string name)
    {
        var scenario = Scenario.Load(name);
        return scenario with { Routes = [.. scenario.Routes.Select(r => r with { VehiclesPerDay = r.VehiclesPerDay / 4 })] };
    }

    [Fact]
    public async Task A_smart_day_goes_through_every_module_of_both_nodes()
    {
        using var directory = new TempDirectory();
        var twin = new GateTwin(Scenario.Load("ordinary-day"), GatePolicy.Smart, 3, 1, RiskRuleSet.LoadDefault(), RoadGraphLoader.LoadDefault(), directory.Path);
        var result = await Task.Run(() => twin.Run(0));
        Assert.Equal(2, result.Nodes.Count);
        var main = result.Nodes[0];
        Assert.True(main.Exports > 500, $"{main.Exports} exports");
        // Every truck the twin saw arrive was lodged, risk-assessed and put in the lane the twin then served it in.
        Assert.Equal(result.VehiclesArrived, result.Nodes.Sum(n => n.Exports));
        Assert.Equal(result.Lanes.OrderBy(l => l.Key),
            result.Nodes.SelectMany(n => n.ExportLanes).GroupBy(l => l.Key).Select(g => KeyValuePair.Create(g.Key, g.Sum(l => l.Value))).OrderBy(l => l.Key));
        Assert.All(["green", "blue", "yellow", "red"], lane => Assert.True(main.ExportLanes.GetValueOrDefault(lane) > 0, lane));
        // Every truck the twin released went through the VN gate's barrier and had its crossing recorded.
        Assert.Equal(result.VehiclesReleased, result.Nodes.Sum(n => n.GatePasses));
        Assert.Equal(result.VehiclesReleased, result.Nodes.Sum(n => n.CrossedBorder));
        Assert.Equal(main.Exports, main.ReleasedForExport);
        Assert.True(main.DeviceReadings >= 6 * main.GatePasses, $"{main.DeviceReadings} readings for {main.GatePasses} passes");
        Assert.True(main.GateAlerts > 0, "the weighbridge raised no alert");
        // One inspection for both sides: every result is on CN too, whichever side hosted it.
        Assert.True(main.JointInspections >= main.ExportLanes["red"]);
        Assert.Equal(main.JointInspections, main.InspectionResultsAtCn);
        // The exchange: everything sent was received once and acknowledged; both evidence logs verify offline.
        Assert.Equal(0, main.MessagesUnsettled);
        Assert.Equal(main.MessagesSent, main.MessagesAcknowledged);
        Assert.Equal(main.MessagesSent, main.MessagesReceived);
        Assert.Equal(0, main.TransmissionsRefusedByOutage);
        Assert.True(main.EvidenceIntact);
        // CN: the advance data of every export arrived and its importer lodged the import from it.
        Assert.Equal(main.Exports, main.AdvanceDataAtCn);
        Assert.Equal(main.Exports, main.Imports);
        Assert.Equal(0, main.WaitingAtCn);
        Assert.Equal(main.ReleasedForImport, main.ExitedAtCn);
        Assert.Equal(result.ContainersDelivered, result.Nodes.Sum(n => n.ExitedAtCn));
        // The Fleet's transport orders (their own states) carried part of the main route's containers that CN released.
        var account = twin.Account();
        Assert.Equal(account.Delivered, result.Nodes.Sum(n => n.ExitedAtCn));
        Assert.InRange(account.FleetDelivered, 1, main.ExitedAtCn);
    }

    [Fact]
    public async Task An_exchange_outage_holds_the_messages_and_loses_none()
    {
        using var directory = new TempDirectory();
        var scenario = Quarter("exchange-outage");
        var result = RunWithNodes(scenario, GatePolicy.Smart, 5, directory.Path);
        var main = result.Nodes[0];
        Assert.True(main.TransmissionsRefusedByOutage > 0);
        Assert.Equal(0, main.MessagesUnsettled);
        Assert.Equal(main.MessagesSent, main.MessagesAcknowledged);
        Assert.Equal(main.MessagesSent, main.MessagesReceived);
        Assert.Equal(main.Exports, main.AdvanceDataAtCn);
        Assert.Equal(main.Exports, main.Imports);
        Assert.True(main.EvidenceIntact);

        await using var vn = NodeDatabase.Sqlite(Path.Combine(directory.Path, "route-1", "vn.db"));
        var outage = scenario.ExchangeOutages[0];
        var start = GateTwin.Start.AddHours(outage.StartHour).ToUnixTimeMilliseconds();
        var end = GateTwin.Start.AddHours(outage.StartHour + outage.Hours).ToUnixTimeMilliseconds();
        // Messages queued during the outage waited for the link, and were acknowledged after it came back.
        var held = await vn.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM exchange_outbox WHERE created_ms >= @start AND created_ms < @end AND acked_ms >= @end", new { start, end }));
        Assert.True(held > 0, "no message waited for the link");
        var acknowledgedDuring = await vn.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM exchange_outbox WHERE acked_ms >= @start AND acked_ms < @end", new { start, end }));
        Assert.Equal(0, acknowledgedDuring);
        // The node recorded why it could not reach its peer, as its status page shows it.
        var error = await vn.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT last_error FROM exchange_peer_contact"));
        Assert.Contains("down", error);
    }

    [Fact]
    public async Task Under_the_baseline_the_yard_calls_no_truck_outside_the_gate_hours()
    {
        using var directory = new TempDirectory();
        var result = RunWithNodes(Quarter("ordinary-day"), GatePolicy.Baseline, 7, directory.Path);
        var main = result.Nodes[0];
        Assert.True(main.GatePasses > 100);
        Assert.Equal(result.VehiclesReleased, result.Nodes.Sum(n => n.GatePasses));
        Assert.Equal(0, main.MessagesUnsettled);
        Assert.Equal(main.MessagesSent, main.MessagesReceived);
        await using var vn = NodeDatabase.Sqlite(Path.Combine(directory.Path, "route-1", "vn.db"));
        var hours = (await vn.ReadAsync(c => c.QueryAsync<long>("SELECT called_ms FROM gate_visits WHERE called_ms IS NOT NULL")))
            .Select(ms => DateTimeOffset.FromUnixTimeMilliseconds(ms).Hour).Distinct().Order().ToList();
        var policy = GatePolicy.Load(GatePolicy.Baseline);
        Assert.All(hours, hour => Assert.InRange(hour, policy.OpenHour, policy.CloseHour - 1));
        // The trucks that waited overnight are called when the gate opens.
        Assert.Contains(policy.OpenHour, hours);
    }

    [Fact]
    public void The_same_seed_gives_the_same_twin_and_the_same_records()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var scenario = Quarter("ordinary-day");
        TwinRun Run(string directory) => Task.Run(() => TwinRunner.Run(scenario, [GatePolicy.Smart], 1, 11, 1, nodesDirectory: directory)).GetAwaiter().GetResult();
        var a = Run(first.Path);
        var b = Run(second.Path);
        var json = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        Assert.Equal(JsonSerializer.Serialize(a, json), JsonSerializer.Serialize(b, json));
        Assert.True(a.Results[0].Nodes[0].Exports > 100);
        Assert.True(File.Exists(Path.Combine(first.Path, "smart-1", "route-1", "vn.db")));

        TwinReport.Write(a, first.File("report"));
        var rows = File.ReadAllLines(Path.Combine(first.File("report"), "nodes.csv"));
        Assert.StartsWith("policy,replication,route,exports,green,blue,yellow,red,", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.All(rows.Skip(1), row => Assert.EndsWith(",0,yes", row));
    }
}
