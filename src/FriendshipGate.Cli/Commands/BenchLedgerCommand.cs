using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FriendshipGate.Bench;
using Spectre.Console;

namespace FriendshipGate.Cli;

/// <summary>fgate bench ledger: payments through the ledger's group-committing writer, durable before each answer.</summary>
internal static class BenchLedgerCommand
{
    public static Command Create(Option<bool> json)
    {
        var backend = new Option<string>("--backend") { DefaultValueFactory = _ => "sqlite", Description = "sqlite or postgres." };
        backend.AcceptOnlyFromAmong("sqlite", "postgres");
        var transfers = new Option<int>("--transfers") { DefaultValueFactory = _ => 200_000, Description = "Transfers (ledger legs) to time." };
        var accounts = new Option<int>("--accounts") { DefaultValueFactory = _ => 10_000, Description = "Payer wallets (half VND, half CNY)." };
        var merchants = new Option<int>("--merchants") { DefaultValueFactory = _ => 1_000, Description = "Merchant accounts (half VND, half CNY)." };
        var hot = new Option<int>("--hot-merchants") { DefaultValueFactory = _ => 10, Description = "Hot merchants that take --hot-share of the payments." };
        var hotShare = new Option<double>("--hot-share") { DefaultValueFactory = _ => 0.8, Description = "Share of payments to the hot merchants (0 to 1)." };
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 384, Description = "Payments in flight (closed loop)." };
        var cross = new Option<double>("--cross-share") { DefaultValueFactory = _ => 0.2, Description = "Share of payments across currencies (quote, then two legs)." };
        var twoPhase = new Option<double>("--two-phase-share") { DefaultValueFactory = _ => 0.1, Description = "Share of payments reserved, then posted by a second request." };
        var warmup = new Option<int>("--warmup") { DefaultValueFactory = _ => 20_000, Description = "Transfers made first and not measured." };
        var synchronous = new Option<string>("--synchronous") { DefaultValueFactory = _ => "full", Description = "SQLite: full (fsync every commit, survives power loss) or normal (survives a killed process)." };
        synchronous.AcceptOnlyFromAmong("full", "normal");
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (default: $PG_CONN)." };
        var ledger = new Command("ledger",
            "Payments through the ledger's writer (group commit, answered after the commit) from many clients, a few hot merchants taking most of them: transfers/s and latency; then checks that the ledger balances.")
            { backend, transfers, accounts, merchants, hot, hotShare, clients, cross, twoPhase, warmup, synchronous, postgres, json };
        ledger.SetAction(async (result, ct) =>
        {
            var options = new LedgerBenchmarkOptions(
                result.GetValue(backend)!, result.GetValue(transfers), result.GetValue(accounts), result.GetValue(merchants), result.GetValue(hot),
                result.GetValue(hotShare), result.GetValue(clients), result.GetValue(cross), result.GetValue(twoPhase), result.GetValue(warmup),
                result.GetValue(synchronous) == "full", result.GetValue(postgres) ?? Environment.GetEnvironmentVariable("PG_CONN"));
            if (options.Transfers < 1 || options.Warmup < 0) throw new UsageException("--transfers must be at least 1 and --warmup not negative.");
            if (options.Accounts < 2 || options.Merchants < 2 || options.HotMerchants < 1 || options.HotMerchants > options.Merchants)
                throw new UsageException("--accounts and --merchants must be at least 2, --hot-merchants between 1 and --merchants.");
            if (options.Clients is < 1 or > 100_000) throw new UsageException("--clients must be between 1 and 100,000.");
            if (!(options.HotShare is >= 0 and <= 1 && options.CrossShare is >= 0 and <= 1 && options.TwoPhaseShare is >= 0 and <= 1))
                throw new UsageException("--hot-share, --cross-share and --two-phase-share are shares between 0 and 1.");
            if (options.Backend == "postgres" && string.IsNullOrEmpty(options.Postgres))
                throw new UsageException("--backend postgres needs --postgres CONNECTION or $PG_CONN.");
            LedgerBenchmarkResult outcome;
            if (result.GetValue(json))
            {
                outcome = await LedgerBenchmark.RunAsync(options, null, ct);
                Console.WriteLine(JsonSerializer.Serialize(outcome, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                return outcome.Balanced && outcome.Refused == 0 ? 0 : 1;
            }
            outcome = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("transfers", maxValue: options.Transfers);
                return await LedgerBenchmark.RunAsync(options, n => task.Value = n, ct);
            });
            var table = new Table().AddColumns("figure", "value");
            table.AddRow("backend", $"{outcome.Backend} (synchronous {outcome.Synchronous})");
            table.AddRow("transfers/s", $"{outcome.TransfersPerSecond:N0} ({outcome.Transfers:N0} transfers in {outcome.Payments:N0} payments, {outcome.Seconds.ToString(CultureInfo.InvariantCulture)} s)");
            table.AddRow("payments/s", outcome.PaymentsPerSecond.ToString("N0"));
            table.AddRow("latency p50 / p99 / max", $"{outcome.P50Ms:N1} / {outcome.P99Ms:N1} / {outcome.MaxMs:N1} ms ({outcome.Clients} in flight)");
            table.AddRow("mean batch (commands per commit)", outcome.MeanBatch.ToString("N1"));
            table.AddRow("workload", $"{outcome.Accounts:N0} payers, {outcome.Merchants:N0} merchants, {outcome.HotMerchants} hot taking {outcome.HotShare:P0}; {outcome.CrossShare:P0} across currencies, {outcome.TwoPhaseShare:P0} two-phase");
            table.AddRow("refused", outcome.Refused.ToString("N0"));
            table.AddRow("ledger balances", outcome.Balanced ? "yes" : "NO");
            AnsiConsole.Write(table);
            return outcome.Balanced && outcome.Refused == 0 ? 0 : 1;
        });
        return ledger;
    }
}
