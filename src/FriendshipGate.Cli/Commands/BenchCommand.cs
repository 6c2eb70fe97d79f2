using System.CommandLine;
using System.Text.Json;
using FriendshipGate.Bench;
using Spectre.Console;

namespace FriendshipGate.Cli;

internal static class BenchCommand
{
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { DefaultValueFactory = _ => 50_000, Description = "Messages to send." };
        var backend = new Option<string>("--backend") { DefaultValueFactory = _ => "sqlite", Description = "sqlite or postgres." };
        backend.AcceptOnlyFromAmong("sqlite", "postgres");
        var rate = new Option<int>("--rate") { DefaultValueFactory = _ => 0, Description = "Offered load in messages/s (0: as fast as the nodes go)." };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 100, Description = "Observations per API request." };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 20_000, Description = "Messages sent first and not measured (JIT tiering, caches)." };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (default: $PG_CONN)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var exchange = new Command("exchange",
            "Two real node processes over HTTP on loopback with durable storage, driven through the public API: end-to-end messages/s and latency.")
            { messages, backend, rate, batch, warmup, postgres, json };
        exchange.SetAction(async (result, ct) =>
        {
            var options = new ExchangeBenchmarkOptions(
                result.GetValue(messages), result.GetValue(backend)!, result.GetValue(rate), result.GetValue(batch),
                result.GetValue(postgres) ?? Environment.GetEnvironmentVariable("PG_CONN"), result.GetValue(warmup));
            if (options.Warmup < 0) throw new UsageException("--warmup must not be negative.");
            if (options.Messages < 1) throw new UsageException("--messages must be at least 1.");
            if (options.Batch is < 1 or > 5000) throw new UsageException("--batch must be between 1 and 5000.");
            if (options.Backend == "postgres" && string.IsNullOrEmpty(options.Postgres))
                throw new UsageException("--backend postgres needs --postgres CONNECTION or $PG_CONN.");
            ExchangeBenchmarkResult outcome;
            if (result.GetValue(json))
            {
                outcome = await ExchangeBenchmark.RunAsync(options, FgateExecutable.Current(), null, ct);
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            }
            else
            {
                outcome = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("messages acknowledged", maxValue: options.Messages);
                    return await ExchangeBenchmark.RunAsync(options, FgateExecutable.Current(), n => task.Value = n, ct);
                });
                var table = new Table().AddColumns("figure", "value");
                table.AddRow("backend", outcome.Backend);
                table.AddRow("messages", outcome.Messages.ToString("N0"));
                table.AddRow("offered rate", outcome.OfferedRate == 0 ? "unpaced" : $"{outcome.OfferedRate:N0}/s");
                table.AddRow("end-to-end messages/s", outcome.MessagesPerSecond.ToString("N0"));
                table.AddRow("latency p50 / p99 / max", $"{outcome.P50Ms:N0} / {outcome.P99Ms:N0} / {outcome.MaxMs:N0} ms");
                table.AddRow("p99 waiting in the outbox / in flight", $"{outcome.P99QueuedMs:N0} / {outcome.P99InFlightMs:N0} ms");
                table.AddRow("CPU per message, VN / CN", $"{outcome.VnCpuUsPerMessage:N0} / {outcome.CnCpuUsPerMessage:N0} µs");
                table.AddRow("received by the peer", outcome.ReceivedByPeer.ToString("N0"));
                AnsiConsole.Write(table);
            }
            return outcome.ReceivedByPeer == outcome.Messages ? 0 : 1;
        });
        return new Command("bench", "Benchmarks; each prints its figures (--json for machines).") { exchange, Clearance(json), Gate(json), Fleet(json), BenchSimCommand.Create(json), BenchLedgerCommand.Create(json) };
    }

    private static Command Clearance(Option<bool> json)
    {
        var decisions = new Option<int>("--decisions") { DefaultValueFactory = _ => 200_000, Description = "Risk decisions to time (one thread)." };
        var rules = new Option<int>("--rules") { DefaultValueFactory = _ => 1_000, Description = "Active risk rules." };
        var declarations = new Option<int>("--declarations") { DefaultValueFactory = _ => 20_000, Description = "Declarations to lodge through the HTTP API." };
        var concurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 32, Description = "Requests in flight." };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 5_000, Description = "Declarations lodged first and not measured." };
        var clearance = new Command("clearance",
            "Risk decisions/s on one core with N active rules, and declarations/s through a real node's HTTP API on SQLite (submission to outbox).")
            { decisions, rules, declarations, concurrency, warmup, json };
        clearance.SetAction(async (result, ct) =>
        {
            var options = new ClearanceBenchmarkOptions(result.GetValue(decisions), result.GetValue(rules), result.GetValue(declarations),
                result.GetValue(concurrency), result.GetValue(warmup));
            if (options.Decisions < 1 || options.Rules < 1 || options.Declarations < 1) throw new UsageException("--decisions, --rules and --declarations must be at least 1.");
            if (options.Concurrency is < 1 or > 1000 || options.Warmup < 0) throw new UsageException("--concurrency must be 1-1000 and --warmup not negative.");
            ClearanceBenchmarkResult outcome;
            if (result.GetValue(json))
            {
                outcome = await ClearanceBenchmark.RunAsync(options, FgateExecutable.Current(), null, ct);
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            outcome = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("declarations lodged", maxValue: options.Declarations);
                return await ClearanceBenchmark.RunAsync(options, FgateExecutable.Current(), n => task.Value = n, ct);
            });
            var table = new Table().AddColumns("figure", "value");
            table.AddRow("risk decisions/s (1 thread)", $"{outcome.RiskDecisionsPerSecond:N0} with {outcome.ActiveRules:N0} active rules");
            table.AddRow("lane shares", string.Join(", ", outcome.LaneShares.Select(l => $"{l.Key} {l.Value:P1}")));
            table.AddRow("declarations/s (HTTP, SQLite)", outcome.DeclarationsPerSecond.ToString("N0"));
            table.AddRow("latency p50 / p99", $"{outcome.P50Ms:N1} / {outcome.P99Ms:N1} ms ({outcome.Concurrency} in flight)");
            AnsiConsole.Write(table);
            return 0;
        });
        return clearance;
    }

    private static Command Gate(Option<bool> json)
    {
        var bookings = new Option<int>("--bookings") { DefaultValueFactory = _ => 5_000, Description = "Truck slot bookings to time." };
        var concurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 32, Description = "Requests in flight." };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 500, Description = "Bookings made first and not measured." };
        var gate = new Command("gate",
            $"Truck slot bookings/s through a real node's HTTP API on SQLite, {GateBenchmark.PerSlot} bookings racing for each slot row; then checks that no slot is overbooked.")
            { bookings, concurrency, warmup, json };
        gate.SetAction(async (result, ct) =>
        {
            var options = new GateBenchmarkOptions(result.GetValue(bookings), result.GetValue(concurrency), result.GetValue(warmup));
            if (options.Bookings < 1) throw new UsageException("--bookings must be at least 1.");
            if (options.Concurrency is < 1 or > 1000 || options.Warmup < 0) throw new UsageException("--concurrency must be 1-1000 and --warmup not negative.");
            GateBenchmarkResult outcome;
            if (result.GetValue(json))
            {
                outcome = await GateBenchmark.RunAsync(options, FgateExecutable.Current(), null, ct);
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            }
            else
            {
                outcome = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("slots booked", maxValue: options.Bookings);
                    return await GateBenchmark.RunAsync(options, FgateExecutable.Current(), n => task.Value = n, ct);
                });
                var table = new Table().AddColumns("figure", "value");
                table.AddRow("bookings/s (HTTP, SQLite)", outcome.BookingsPerSecond.ToString("N0"));
                table.AddRow("latency p50 / p99", $"{outcome.P50Ms:N1} / {outcome.P99Ms:N1} ms ({outcome.Concurrency} in flight)");
                table.AddRow("bookings", $"{outcome.Bookings:N0} timed (+{options.Warmup:N0} warm-up), in {outcome.Slots:N0} slots of {outcome.PerSlot} places");
                table.AddRow("refused", outcome.Refused == 0 ? "0" : $"{outcome.Refused:N0}{(outcome.CapacityRanOut ? " (capacity ran out)" : "")}: {string.Join(" | ", outcome.Refusals)}");
                table.AddRow("overbooked", $"{outcome.Overbooked} (slots' booked counts add up to {outcome.BookedInSlots:N0}, {outcome.Accepted:N0} accepted)");
                AnsiConsole.Write(table);
            }
            var consistent = outcome.Overbooked == 0 && outcome.BookedInSlots == outcome.Accepted;
            return consistent && (outcome.Refused == 0 || outcome.CapacityRanOut) ? 0 : 1;
        });
        return gate;
    }

    private static Command Fleet(Option<bool> json)
    {
        var small = new Option<int>("--vehicles-small") { DefaultValueFactory = _ => 50, Description = "Vehicles in the small fleet (planP99Ms50)." };
        var large = new Option<int>("--vehicles-large") { DefaultValueFactory = _ => 200, Description = "Vehicles in the large fleet (planP99Ms200)." };
        var plans = new Option<int>("--plans") { DefaultValueFactory = _ => 2_000, Description = "Single-vehicle plans to time per fleet (one thread)." };
        var fleet = new Command("fleet",
            "Route planning on the Huu Nghi road graph: one vehicle planned against N-1 others' reservations (p50/p99), and a re-plan of the whole fleet.")
            { small, large, plans, json };
        fleet.SetAction(result =>
        {
            var options = new FleetBenchmarkOptions(result.GetValue(small), result.GetValue(large), result.GetValue(plans));
            if (options.SmallFleet < 1 || options.LargeFleet < 1 || options.Plans < 1) throw new UsageException("--vehicles-small, --vehicles-large and --plans must be at least 1.");
            var outcome = FleetBenchmark.Run(options);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return 0;
            }
            var table = new Table().AddColumns("figure", $"{outcome.VehiclesSmall} vehicles", $"{outcome.VehiclesLarge} vehicles");
            table.AddRow("plan one vehicle against the others, p50", $"{outcome.PlanP50Ms50:N3} ms", $"{outcome.PlanP50Ms200:N3} ms");
            table.AddRow("plan one vehicle against the others, p99", $"{outcome.PlanP99Ms50:N3} ms", $"{outcome.PlanP99Ms200:N3} ms");
            table.AddRow("re-plan the whole fleet (median of 5)", $"{outcome.FullReplanMs50:N1} ms", $"{outcome.FullReplanMs200:N1} ms");
            table.AddRow("plans without a route (goal taken / no gap)", outcome.FailedPlans50.ToString(), outcome.FailedPlans200.ToString());
            table.AddRow("vehicles left waiting by the re-plan", outcome.WaitingAfterReplan50.ToString(), outcome.WaitingAfterReplan200.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{outcome.Plans:N0} timed plans per fleet on one thread; {outcome.Cores} cores on this machine.[/]");
            return 0;
        });
        return fleet;
    }
}
