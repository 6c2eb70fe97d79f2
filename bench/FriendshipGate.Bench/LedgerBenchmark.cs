using System.Diagnostics;
using FriendshipGate.Exchange;
using FriendshipGate.Payments;
using FriendshipGate.Payments.Fx;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;
using Npgsql;

namespace FriendshipGate.Bench;

/// <param name="Transfers">Transfers (ledger legs) to time; a cross-currency payment is two, a same-currency one is one.</param>
/// <param name="Accounts">Payer wallets, half VND and half CNY.</param>
/// <param name="Merchants">Merchant accounts, half VND and half CNY; <paramref name="HotMerchants"/> of them take <paramref name="HotShare"/> of the payments.</param>
/// <param name="Clients">Payments in flight (closed loop: each client waits for its answer, then sends the next).</param>
/// <param name="CrossShare">Share of payments across currencies (a quote, then a payment of two linked legs).</param>
/// <param name="TwoPhaseShare">Share of payments reserved first and posted by a second request (the rest post at once).</param>
public sealed record LedgerBenchmarkOptions(
    string Backend, int Transfers, int Accounts, int Merchants = 1_000, int HotMerchants = 10, double HotShare = 0.8, int Clients = 384,
    double CrossShare = 0.2, double TwoPhaseShare = 0.1, int Warmup = 20_000, bool SynchronousFull = true, string? Postgres = null, int Seed = 1);

/// <param name="Synchronous">SQLite's synchronous setting (FULL: every commit is fsynced before anyone is answered), or "fsync" on PostgreSQL.</param>
/// <param name="P99Ms">99th percentile of what a client waits for one payment (quote and post included when it has them).</param>
/// <param name="MeanBatch">Commands per transaction: how far group commit batched them.</param>
/// <param name="Balanced">After the run: every currency's balances sum to zero, each matches its transfers, none is below its limit.</param>
public sealed record LedgerBenchmarkResult(
    string Backend, string Synchronous, long Transfers, long Payments, double TransfersPerSecond, double PaymentsPerSecond, double P50Ms, double P99Ms,
    double MaxMs, double Seconds, int Clients, int Accounts, int Merchants, int HotMerchants, double HotShare, double CrossShare, double TwoPhaseShare,
    double MeanBatch, long Refused, bool Balanced, int Cores);

/// <summary>
/// fgate bench ledger: payments through the same ledger writer the node's API uses (group commit, durable before the answer),
/// in process, from many concurrent clients, with a realistic skew: a few hot merchants take most payments, so their
/// balances are touched by nearly every batch. Counts transfers as TigerBeetle does (each same-currency leg is one).
/// </summary>
public static class LedgerBenchmark
{
    public static async Task<LedgerBenchmarkResult> RunAsync(LedgerBenchmarkOptions options, Action<long>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "fgate-ledger-" + Guid.NewGuid().ToString("N")[..12]);
        var schema = "bench_ledger_" + Guid.NewGuid().ToString("N")[..8];
        var database = options.Backend == "postgres"
            ? NodeDatabase.Postgres(options.Postgres ?? throw new ArgumentException("PostgreSQL needs a connection string."), schema)
            : NodeDatabase.Sqlite(Path.Combine(folder, "ledger.db"), options.SynchronousFull);
        var paymentsOptions = new PaymentsOptions { PendingTimeout = TimeSpan.FromMinutes(10) };
        var time = TimeProvider.System;
        var writer = new LedgerWriter(database, paymentsOptions, time);
        try
        {
            await database.MigrateAsync(PaymentsApi.Migrations, cancellationToken);
            var ledger = new PaymentLedger(database, writer, new FxQuoteDesk(paymentsOptions, time), time);
            var world = await LedgerWorld.CreateAsync(ledger, database, options, paymentsOptions.FxProvider, cancellationToken);

            // Warm-up: the JIT reaches its top tier and the caches fill; not measured.
            await RunClientsAsync(world, options with { Transfers = options.Warmup }, null, null, cancellationToken);
            var (batchesBefore, commandsBefore) = writer.Written;
            var latencies = new List<double>[options.Clients];
            var started = Stopwatch.GetTimestamp();
            var (transfers, payments, refused) = await RunClientsAsync(world, options, latencies, progress, cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var (batchesAfter, commandsAfter) = writer.Written;

            var all = latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            var check = await LedgerAudit.CheckAsync(database, cancellationToken);
            return new LedgerBenchmarkResult(
                options.Backend, options.Backend == "postgres" ? "fsync" : options.SynchronousFull ? "FULL" : "NORMAL", transfers, payments,
                Math.Round(transfers / seconds), Math.Round(payments / seconds), Percentile(all, 0.50), Percentile(all, 0.99), Math.Round(all.Length > 0 ? all[^1] : 0, 2),
                Math.Round(seconds, 2), options.Clients, options.Accounts, options.Merchants, options.HotMerchants, options.HotShare, options.CrossShare,
                options.TwoPhaseShare, Math.Round((commandsAfter - commandsBefore) / (double)Math.Max(1, batchesAfter - batchesBefore), 1), refused, check.Balanced,
                Environment.ProcessorCount);
        }
        finally
        {
            await writer.DisposeAsync();
            await database.DisposeAsync();
            if (options.Backend == "postgres")
            {
                await using var connection = new NpgsqlConnection(options.Postgres);
                await connection.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Runs the clients until <see cref="LedgerBenchmarkOptions.Transfers"/> transfers are made; returns transfers, payments and refusals.</summary>
    private static async Task<(long Transfers, long Payments, long Refused)> RunClientsAsync(
        LedgerWorld world, LedgerBenchmarkOptions options, List<double>[]? latencies, Action<long>? progress, CancellationToken cancellationToken)
    {
        long transfers = 0, payments = 0, refused = 0, claimed = 0;
        var clients = Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(options.Seed, c, latencies is null));
            var own = latencies is null ? null : latencies[c] = new List<double>(options.Transfers / options.Clients + 16);
            while (true)
            {
                var payment = world.Next(random);
                // Claim the payment's transfers first, so the clients together stop at the target.
                if (Interlocked.Add(ref claimed, payment.Legs) - payment.Legs >= options.Transfers) return;
                var started = Stopwatch.GetTimestamp();
                var ok = await world.PayAsync(payment, cancellationToken);
                own?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) { Interlocked.Increment(ref refused); continue; }
                var done = Interlocked.Add(ref transfers, payment.Legs);
                Interlocked.Increment(ref payments);
                if (progress is not null && done % 5_000 < payment.Legs) progress(done);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(clients);
        return (transfers, payments, refused);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 2);
}
