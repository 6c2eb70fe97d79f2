using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FriendshipGate.Bench;
using Spectre.Console;

namespace FriendshipGate.Cli;

/// <summary>fgate bench sim: the M/M/c queue on the twin's engine, against Erlang C and other simulators.</summary>
internal static class BenchSimCommand
{
    public static Command Create(Option<bool> json)
    {
        var customers = new Option<long>("--customers") { DefaultValueFactory = _ => 200_000, Description = "Customers per timed run." };
        var servers = new Option<int>("--servers") { DefaultValueFactory = _ => 4, Description = "Servers (c)." };
        var utilization = new Option<double>("--utilization") { DefaultValueFactory = _ => 0.8, Description = "Utilization ρ = λ / (cμ), between 0 and 1 (μ = 1 per second)." };
        var seed = new Option<ulong>("--seed") { DefaultValueFactory = _ => 1UL, Description = "Seed of the random streams; same seed, same run." };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 5, Description = "Timed runs; the median is reported." };
        var sim = new Command("sim",
            "The M/M/c queue (Poisson arrivals, exponential service, FIFO) on the digital twin's discrete-event engine, one thread: customers/s, model events/s (3 per customer), mean wait against Erlang C.")
            { customers, servers, utilization, seed, runs, json };
        sim.SetAction(result =>
        {
            var options = new SimulationBenchmarkOptions(result.GetValue(customers), result.GetValue(servers), result.GetValue(utilization),
                result.GetValue(seed), result.GetValue(runs));
            if (options.Customers < 1) throw new UsageException("--customers must be at least 1.");
            if (options.Servers < 1) throw new UsageException("--servers must be at least 1.");
            if (!(options.Utilization is > 0 and < 1)) throw new UsageException("--utilization must be between 0 and 1 (exclusive).");
            if (options.Runs < 1) throw new UsageException("--runs must be at least 1.");
            var outcome = SimulationBenchmark.Run(options);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            var table = new Table().AddColumns("figure", "value");
            table.AddRow("queue", $"M/M/{outcome.Servers}, ρ = {outcome.Utilization.ToString(CultureInfo.InvariantCulture)}, {outcome.Customers:N0} customers, seed {outcome.Seed}");
            table.AddRow("customers/s (median)", $"{outcome.CustomersPerSecond:N0} ({outcome.CustomersPerSecondMin:N0}–{outcome.CustomersPerSecondMax:N0} over {outcome.Runs} runs)");
            table.AddRow("model events/s (3 per customer)", outcome.EventsPerSecond.ToString("N0"));
            table.AddRow("mean wait, simulated (95 % interval)", $"{outcome.MeanWait:F4} ({outcome.MeanWaitCiLow:F4}–{outcome.MeanWaitCiHigh:F4}) service times");
            table.AddRow("mean wait, Erlang C", $"{outcome.TheoreticalMeanWait:F4} service times");
            table.AddRow("waited at all, simulated / Erlang C", $"{outcome.WaitedShare:F4} / {outcome.ErlangC:F4}");
            table.AddRow("allocated per customer", $"{outcome.AllocatedBytesPerCustomer:F3} bytes");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]One thread; median run {outcome.MedianRunMs:N1} ms; {outcome.Cores} cores on this machine.[/]");
            return 0;
        });
        return sim;
    }
}
