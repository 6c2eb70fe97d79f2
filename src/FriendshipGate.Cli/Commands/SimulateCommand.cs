using System.CommandLine;
using System.Globalization;
using FriendshipGate.Simulation.Twin;
using Spectre.Console;

namespace FriendshipGate.Cli;

/// <summary>fgate simulate: the digital twin of the gate pair, a scenario under the baseline and/or the smart policy, several seeds in parallel.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Required = true, Description = "Scenario name (data/scenarios): " + string.Join(", ", Scenario.Names) + "." };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7, Description = "Days of virtual time per replication." };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL, Description = "Seed of the first replication (the others use seed+1, seed+2, ...); same seed, same numbers." };
        var policy = new Option<string>("--policy") { DefaultValueFactory = _ => "both", Description = "baseline, smart or both." };
        var replications = new Option<int>("--replications") { DefaultValueFactory = _ => 4, Description = "Replications (seeds) per policy, run in parallel; at least 2 for confidence intervals." };
        var output = new Option<string>("--out") { Required = true, Description = "Report folder: summary.csv, hourly.csv, replications.csv, index.html." };
        var nodes = new Option<bool>("--nodes")
        {
            Description = "Run each route's trucks through a real VN and CN node in process (Exchange, Clearance, Gate on SQLite under OUT/nodes, " +
                "in virtual time): lodged declarations, device readings, joint inspections, exchange messages, recorded as the nodes record them (nodes.csv). Slower.",
        };
        var command = new Command("simulate", "Runs the digital twin (real risk rules, queue order, AGV traffic control and dispatcher in virtual time) and writes a report.")
            { scenario, days, seed, policy, replications, output, nodes };
        command.SetAction(result =>
        {
            var name = result.GetValue(scenario)!;
            if (!Scenario.Names.Contains(name)) throw new UsageException($"unknown scenario '{name}' (known: {string.Join(", ", Scenario.Names)}).");
            var dayCount = result.GetValue(days);
            if (dayCount is < 1 or > 366) throw new UsageException("--days must be between 1 and 366.");
            var runs = result.GetValue(replications);
            if (runs is < 1 or > 1000) throw new UsageException("--replications must be between 1 and 1000.");
            IReadOnlyList<string> policies = result.GetValue(policy) switch
            {
                "both" => GatePolicy.Names,
                GatePolicy.Baseline => [GatePolicy.Baseline],
                GatePolicy.Smart => [GatePolicy.Smart],
                var other => throw new UsageException($"--policy must be baseline, smart or both, not '{other}'."),
            };
            var folder = result.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(folder)) throw new UsageException("--out needs a folder.");
            var loaded = Scenario.Load(name);
            TwinRun? run = null;
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask($"{name}: {dayCount} days x {runs} replications x {policies.Count} policies", maxValue: runs * policies.Count);
                run = TwinRunner.Run(loaded, policies, dayCount, result.GetValue(seed), runs, done => task.Value = done,
                    result.GetValue(nodes) ? Path.Combine(folder, "nodes") : null);
            });
            TwinReport.Write(run!, folder);
            Print(run!);
            AnsiConsole.MarkupLine($"[grey]Report: {Markup.Escape(Path.Combine(folder, "index.html"))}[/]");
            return 0;
        });
        return command;
    }

    private static void Print(TwinRun run)
    {
        var table = new Table().AddColumn("figure");
        foreach (var s in run.Summaries) table.AddColumn(s.Policy);
        foreach (var name in TwinReport.Figures(run.Summaries[0]).Select(f => f.Name))
            table.AddRow([name, .. run.Summaries.Select(s => Format(TwinReport.Figures(s).Single(f => f.Name == name).Value))]);
        AnsiConsole.Write(table);
        if (run.CapacityMultiple is { } m) AnsiConsole.MarkupLine($"capacity multiple smart/baseline: [bold]{Format(m)}[/]");
    }

    private static string Format(Estimate e) =>
        double.IsFinite(e.Low) ? string.Create(CultureInfo.InvariantCulture, $"{e.Mean:0.##} ({e.Low:0.##}–{e.High:0.##})")
            : double.IsFinite(e.Mean) ? e.Mean.ToString("0.##", CultureInfo.InvariantCulture) : "–";
}
