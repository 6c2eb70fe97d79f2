using System.Text.Json;
using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.Tests.Twin;

public class TwinTests
{
    private static readonly RiskRuleSet Rules = RiskRuleSet.LoadDefault();

    private static ReplicationResult RunOne(string scenario, string policy, int days, ulong seed = 7) =>
        new GateTwin(Scenario.Load(scenario), policy, seed, days, Rules, RoadGraphLoader.LoadDefault()).Run(0);

    [Fact]
    public void Every_shipped_scenario_and_policy_loads()
    {
        Assert.Equal(["agv-breakdowns", "durian-peak", "exchange-outage", "ordinary-day", "seasonal-year", "target-2027", "target-2030"], Scenario.Names);
        foreach (var name in Scenario.Names) Assert.Equal(name, Scenario.Load(name).Name);
        Assert.True(GatePolicy.Load(GatePolicy.Baseline).SidesTyping == 2 && !GatePolicy.Load(GatePolicy.Baseline).OpenAllDay);
        Assert.True(GatePolicy.Load(GatePolicy.Smart).OpenAllDay);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers_and_another_seed_others()
    {
        var first = TwinRunner.Run(Scenario.Load("ordinary-day"), GatePolicy.Names, 1, 42, 2);
        var second = TwinRunner.Run(Scenario.Load("ordinary-day"), GatePolicy.Names, 1, 42, 2);
        var other = TwinRunner.Run(Scenario.Load("ordinary-day"), GatePolicy.Names, 1, 43, 2);
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.NotEqual(JsonSerializer.Serialize(first.Results), JsonSerializer.Serialize(other.Results));
    }

    [Fact]
    public void Smart_beats_baseline_on_an_ordinary_day()
    {
        var run = TwinRunner.Run(Scenario.Load("ordinary-day"), GatePolicy.Names, 2, 1, 2);
        var baseline = run.Summaries.Single(s => s.Policy == GatePolicy.Baseline);
        var smart = run.Summaries.Single(s => s.Policy == GatePolicy.Smart);
        Assert.True(smart.WaitP90Hours.Mean < baseline.WaitP90Hours.Mean, $"p90 wait smart {smart.WaitP90Hours.Mean} h, baseline {baseline.WaitP90Hours.Mean} h");
        Assert.True(smart.PerishableWithin6HoursShare.Mean > baseline.PerishableWithin6HoursShare.Mean);
        Assert.True(smart.VehiclesPerDay.Mean >= baseline.VehiclesPerDay.Mean);
        Assert.True(run.CapacityMultiple!.Low > 1, $"capacity multiple {run.CapacityMultiple}");
        // Both policies saw the very same trucks: the arrival and goods streams do not depend on the policy.
        Assert.All(run.Results.GroupBy(r => r.Replication), g => Assert.Single(g.Select(r => r.VehiclesArrived).Distinct()));
    }

    [Fact]
    public void A_durian_peak_raises_waits_at_todays_gate()
    {
        var ordinary = RunOne("ordinary-day", GatePolicy.Baseline, 2);
        var peak = RunOne("durian-peak", GatePolicy.Baseline, 2);
        Assert.True(peak.VehiclesArrived > 2 * ordinary.VehiclesArrived);
        Assert.True(peak.WaitMedianHours > ordinary.WaitMedianHours, $"median wait peak {peak.WaitMedianHours} h, ordinary {ordinary.WaitMedianHours} h");
        Assert.True(peak.PerishableWithin6HoursShare < ordinary.PerishableWithin6HoursShare);
    }

    [Fact]
    public void The_exchange_outage_runs_and_slows_the_smart_gate_in_its_hours()
    {
        var outage = RunOne("exchange-outage", GatePolicy.Smart, 1);
        var ordinary = RunOne("ordinary-day", GatePolicy.Smart, 1);
        Assert.Equal(ordinary.VehiclesArrived, outage.VehiclesArrived);
        // Retyping and inspecting twice for two hours costs service-point time: the estimated capacity drops.
        Assert.True(outage.GateCapacityPerDay < ordinary.GateCapacityPerDay, $"{outage.GateCapacityPerDay} vs {ordinary.GateCapacityPerDay}");
        Assert.True(outage.VehiclesReleased > 0);
    }

    [Theory]
    [InlineData("ordinary-day", GatePolicy.Baseline)]
    [InlineData("ordinary-day", GatePolicy.Smart)]
    [InlineData("agv-breakdowns", GatePolicy.Smart)]
    public void Every_container_that_arrives_is_delivered_or_still_in_the_system(string scenario, string policy)
    {
        var twin = new GateTwin(Scenario.Load(scenario), policy, 3, 1, Rules, RoadGraphLoader.LoadDefault());
        twin.Simulate();
        var a = twin.Account();
        Assert.True(a.Arrived > 1000, $"{a.Arrived} containers");
        Assert.Equal(a.Arrived, a.Delivered + a.Waiting + a.InService + a.CrossingManned + a.OnFleetOrders);
        if (policy == GatePolicy.Smart)
        {
            // The real fleet carried containers: its transport orders reached Delivered through the real state machine.
            Assert.True(a.FleetDelivered > 100, $"{a.FleetDelivered} AGV deliveries");
            Assert.True(a.OnFleetOrders <= Scenario.Load(scenario).AgvBacklogLimit + Scenario.Load(scenario).FleetVehicles);
        }
    }

    [Fact]
    public void Agv_breakdowns_strike_and_the_event_driven_fleet_keeps_delivering()
    {
        // 0.5 breakdowns per vehicle-day on 30 vehicles: about 15 in a day, each striking a vehicle when it stands idle.
        var result = RunOne("agv-breakdowns", GatePolicy.Smart, 1);
        Assert.InRange(result.AgvBreakdowns, 3, 40);
        Assert.True(result.TransportOrdersDelivered > 100, $"{result.TransportOrdersDelivered} AGV deliveries");
        Assert.True(result.FleetCapacityPerDay > 0);
    }

    [Fact]
    public void The_time_release_segments_add_up_per_lane()
    {
        var result = RunOne("ordinary-day", GatePolicy.Baseline, 2);
        var all = result.TimeRelease.Where(t => t.Lane == "all").ToDictionary(t => t.Segment);
        Assert.Equal(result.VehiclesReleased, all["called_to_release"].Trucks);
        // A truck exits only after it was called and released, so the whole and the crossing count the same trucks.
        Assert.True(all["arrival_to_exit"].Trucks > 1000, $"{all["arrival_to_exit"].Trucks} trucks exited");
        Assert.Equal(all["release_to_exit"].Trucks, all["arrival_to_exit"].Trucks);
        Assert.True(all["arrival_to_exit"].MedianHours > all["called_to_release"].MedianHours);
        // Red trucks are inspected: their clearance takes longer than green ones'.
        var clearance = result.TimeRelease.Where(t => t.Segment == "called_to_release").ToDictionary(t => t.Lane);
        Assert.True(clearance["red"].MedianHours > clearance["green"].MedianHours, $"red {clearance["red"].MedianHours} h, green {clearance["green"].MedianHours} h");
        Assert.Equal(result.VehiclesReleased, result.TimeRelease.Where(t => t.Lane != "all" && t.Segment == "called_to_release").Sum(t => t.Trucks));
    }

    [Fact]
    public void Lanes_come_from_the_real_risk_rules()
    {
        var result = RunOne("durian-peak", GatePolicy.Baseline, 1);
        Assert.Equal(result.VehiclesArrived, result.RiskDecisions);
        Assert.Equal(result.VehiclesArrived, result.Lanes.Values.Sum());
        // Quarantine fruit of traders without a recognised AEO goes yellow (PQ-FRUIT-DOC), so yellow and red both occur.
        Assert.True(result.Lanes.GetValueOrDefault(RiskLanes.Yellow) > result.VehiclesArrived / 10);
        Assert.True(result.Lanes.GetValueOrDefault(RiskLanes.Red) > 0);
    }

    [Fact]
    public void The_report_folder_has_csv_and_html()
    {
        var run = TwinRunner.Run(Scenario.Load("ordinary-day"), GatePolicy.Names, 1, 5, 2);
        var folder = Path.Combine(Path.GetTempPath(), "fgate-twin-" + Guid.NewGuid().ToString("N"));
        try
        {
            TwinReport.Write(run, folder);
            Assert.StartsWith("scenario,policy,figure,mean,ci95_low,ci95_high", File.ReadAllText(Path.Combine(folder, "summary.csv")));
            Assert.Contains("capacity_multiple", File.ReadAllText(Path.Combine(folder, "summary.csv")));
            Assert.Equal(25, File.ReadAllLines(Path.Combine(folder, "hourly.csv")).Length);
            var html = File.ReadAllText(Path.Combine(folder, "index.html"));
            Assert.Contains("<svg", html);
            Assert.Contains("Time Release Study", html);
            var trs = File.ReadAllLines(Path.Combine(folder, "trs.csv"));
            Assert.Equal("scenario,policy,replication,lane,segment,trucks,mean_h,median_h,p90_h", trs[0]);
            Assert.Contains(trs, line => line.StartsWith("ordinary-day,smart,0,all,arrival_to_exit,", StringComparison.Ordinal));
            Assert.DoesNotContain("<script", html);
        }
        finally { Directory.Delete(folder, true); }
    }
}
