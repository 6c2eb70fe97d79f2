using System.Globalization;
using System.Net;
using System.Text;

namespace FriendshipGate.Simulation.Twin;

/// <summary>Writes a run as a report folder: summary.csv, hourly.csv, replications.csv, trs.csv and index.html with inline SVG charts (no scripts).</summary>
public static class TwinReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TwinRun run, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.csv"), SummaryCsv(run));
        File.WriteAllText(Path.Combine(folder, "hourly.csv"), HourlyCsv(run));
        File.WriteAllText(Path.Combine(folder, "replications.csv"), ReplicationsCsv(run));
        File.WriteAllText(Path.Combine(folder, "trs.csv"), TrsCsv(run));
        if (run.Results.Any(r => r.Nodes.Count > 0)) File.WriteAllText(Path.Combine(folder, "nodes.csv"), NodesCsv(run));
        File.WriteAllText(Path.Combine(folder, "index.html"), TwinReportHtml.Page(run));
    }

    internal static string F(double value) => double.IsFinite(value) ? value.ToString("0.###", Invariant) : "";

    /// <summary>One row per policy and figure: mean and 95 % interval over the replications.</summary>
    public static string SummaryCsv(TwinRun run)
    {
        var csv = new StringBuilder("scenario,policy,figure,mean,ci95_low,ci95_high,replications\n");
        foreach (var s in run.Summaries)
            foreach (var (name, e) in Figures(s))
                csv.Append(Invariant, $"{run.Scenario},{s.Policy},{name},{F(e.Mean)},{F(e.Low)},{F(e.High)},{e.Samples}\n");
        if (run.CapacityMultiple is { } m)
            csv.Append(Invariant, $"{run.Scenario},smart/baseline,capacity_multiple,{F(m.Mean)},{F(m.Low)},{F(m.High)},{m.Samples}\n");
        return csv.ToString();
    }

    internal static IEnumerable<(string Name, Estimate Value)> Figures(PolicySummary s) =>
    [
        ("vehicles_per_day", s.VehiclesPerDay), ("containers_per_day", s.ContainersPerDay), ("wait_median_hours", s.WaitMedianHours),
        ("wait_p90_hours", s.WaitP90Hours), ("wait_max_hours", s.WaitMaxHours), ("perishable_release_median_hours", s.PerishableReleaseMedianHours),
        ("perishable_within_6h_share", s.PerishableWithin6HoursShare), ("capacity_vehicles_per_day", s.CapacityPerDay),
    ];

    /// <summary>Trucks waiting at each hour of the run, mean over the replications, one column per policy.</summary>
    public static string HourlyCsv(TwinRun run)
    {
        var csv = new StringBuilder("hour," + string.Join(',', run.Summaries.Select(s => s.Policy + "_queue")) + "\n");
        var hours = run.Summaries.Min(s => s.MeanHourlyQueue.Count);
        for (var h = 0; h < hours; h++)
            csv.Append(Invariant, $"{h + 1},{string.Join(',', run.Summaries.Select(s => F(s.MeanHourlyQueue[h])))}\n");
        return csv.ToString();
    }

    public static string ReplicationsCsv(TwinRun run)
    {
        var csv = new StringBuilder("policy,replication,seed,vehicles_arrived,vehicles_released,containers_arrived,containers_delivered,containers_in_system," +
            "wait_median_h,wait_p90_h,wait_max_h,perishable_release_median_h,perishable_within_6h,gate_capacity,fleet_capacity_containers,capacity,green,blue,yellow,red,transport_orders,agv_breakdowns\n");
        foreach (var r in run.Results.OrderBy(r => r.Policy, StringComparer.Ordinal).ThenBy(r => r.Replication))
            csv.Append(Invariant, $"{r.Policy},{r.Replication},{r.Seed},{r.VehiclesArrived},{r.VehiclesReleased},{r.ContainersArrived},{r.ContainersDelivered},{r.ContainersInSystem}," +
                $"{F(r.WaitMedianHours)},{F(r.WaitP90Hours)},{F(r.WaitMaxHours)},{F(r.PerishableReleaseMedianHours)},{F(r.PerishableWithin6HoursShare)}," +
                $"{F(r.GateCapacityPerDay)},{F(r.FleetCapacityPerDay ?? double.NaN)},{F(r.CapacityPerDay)},{Lane(r, "green")},{Lane(r, "blue")},{Lane(r, "yellow")},{Lane(r, "red")}," +
                $"{r.TransportOrders},{r.AgvBreakdowns}\n");
        return csv.ToString();
    }

    /// <summary>The Time Release Study: one row per replication, lane and segment (hours).</summary>
    public static string TrsCsv(TwinRun run)
    {
        var csv = new StringBuilder("scenario,policy,replication,lane,segment,trucks,mean_h,median_h,p90_h\n");
        foreach (var r in run.Results.OrderBy(r => r.Policy, StringComparer.Ordinal).ThenBy(r => r.Replication))
            foreach (var t in r.TimeRelease)
                csv.Append(Invariant, $"{run.Scenario},{r.Policy},{r.Replication},{t.Lane},{t.Segment},{t.Trucks},{F(t.MeanHours)},{F(t.MedianHours)},{F(t.P90Hours)}\n");
        return csv.ToString();
    }

    /// <summary>With nodes: what each route's VN and CN nodes recorded, one row per replication and route.</summary>
    public static string NodesCsv(TwinRun run)
    {
        var csv = new StringBuilder("policy,replication,route,exports,green,blue,yellow,red,released_for_export,crossed_border,device_readings,gate_alerts,gate_passes," +
            "joint_inspections,inspection_results_at_cn,messages_sent,messages_acknowledged,messages_unsettled,messages_received,transmissions_refused_by_outage," +
            "advance_data_at_cn,imports,released_for_import,exited_at_cn,waiting_at_cn,evidence_intact\n");
        foreach (var r in run.Results.OrderBy(r => r.Policy, StringComparer.Ordinal).ThenBy(r => r.Replication))
            for (var i = 0; i < r.Nodes.Count; i++)
            {
                var n = r.Nodes[i];
                long Lane(string lane) => n.ExportLanes.GetValueOrDefault(lane);
                csv.Append(Invariant, $"{r.Policy},{r.Replication},{i + 1},{n.Exports},{Lane("green")},{Lane("blue")},{Lane("yellow")},{Lane("red")},{n.ReleasedForExport}," +
                    $"{n.CrossedBorder},{n.DeviceReadings},{n.GateAlerts},{n.GatePasses},{n.JointInspections},{n.InspectionResultsAtCn},{n.MessagesSent},{n.MessagesAcknowledged}," +
                    $"{n.MessagesUnsettled},{n.MessagesReceived},{n.TransmissionsRefusedByOutage},{n.AdvanceDataAtCn},{n.Imports},{n.ReleasedForImport},{n.ExitedAtCn}," +
                    $"{n.WaitingAtCn},{(n.EvidenceIntact ? "yes" : "no")}\n");
            }
        return csv.ToString();
    }

    /// <summary>Per policy, lane and segment: the mean over the replications of the segment's median and mean (hours).</summary>
    internal static IEnumerable<(string Lane, string Segment, string Policy, double Median, double Mean)> TrsMeans(TwinRun run) =>
        run.Results.SelectMany(r => r.TimeRelease.Select(t => (r.Policy, t)))
            .GroupBy(x => (x.t.Lane, x.t.Segment, x.Policy))
            .Select(g => (g.Key.Lane, g.Key.Segment, g.Key.Policy, Mean(g.Select(x => x.t.MedianHours)), Mean(g.Select(x => x.t.MeanHours))));

    private static double Mean(IEnumerable<double> values) => values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    private static long Lane(ReplicationResult r, string lane) => r.Lanes.GetValueOrDefault(lane);

    internal static string Html(string text) => WebUtility.HtmlEncode(text);
}
