using System.Diagnostics;
using FriendshipGate.Simulation;

namespace FriendshipGate.Bench;

public sealed record SimulationBenchmarkOptions(long Customers, int Servers, double Utilization, ulong Seed, int Runs = 5);

/// <param name="EventsPerSecond">Model events per second, counting three per customer (arrival, start of service, departure), as the issue defines it.</param>
/// <param name="MeanWait">Simulated mean wait in the queue, in mean service times (μ = 1 per second).</param>
/// <param name="ErlangC">Erlang C: the probability that a customer waits, from the formula.</param>
/// <param name="WaitedShare">The simulated share of customers who waited, to set beside <paramref name="ErlangC"/>.</param>
/// <param name="AllocatedBytesPerCustomer">Bytes the timed runs allocated on their thread (model set-up included), per customer.</param>
public sealed record SimulationBenchmarkResult(
    long Customers, int Servers, double Utilization, ulong Seed, int Runs,
    double CustomersPerSecond, double CustomersPerSecondMin, double CustomersPerSecondMax, double EventsPerSecond,
    double MeanWait, double TheoreticalMeanWait, double MeanWaitCiLow, double MeanWaitCiHigh, double ErlangC, double WaitedShare,
    double AllocatedBytesPerCustomer, double EngineEventsPerCustomer, double MedianRunMs, int Cores);

/// <summary>
/// fgate bench sim: the standard M/M/c queue (Poisson arrivals, exponential service, first come first served) on the
/// engine the twin uses, one thread. Short runs first, until the JIT has compiled the hot code at its top tier (the
/// run loop is entered once per run, so it takes dozens of runs, not one long one); then the same seeded run several
/// times, timed one by one; the median is reported. Every timed run must give the same mean wait: same seed, same run.
/// </summary>
public static class SimulationBenchmark
{
    private const int WarmupCustomers = 20_000;
    private const int MinWarmupRuns = 60;
    private static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(0.5);

    public static SimulationBenchmarkResult Run(SimulationBenchmarkOptions options)
    {
        var parameters = MmcParameters.ForUtilization(options.Servers, options.Utilization);
        WarmUp(parameters, options.Seed);

        var rates = new double[options.Runs];
        var milliseconds = new double[options.Runs];
        long allocated = 0;
        MmcResult? first = null;
        for (var run = 0; run < options.Runs; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            var result = new MmcModel(parameters, options.Seed).Run(options.Customers);
            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            rates[run] = options.Customers / elapsed.TotalSeconds;
            milliseconds[run] = elapsed.TotalMilliseconds;
            first ??= result;
            if (result != first) throw new InvalidOperationException($"Run {run + 1} of seed {options.Seed} differs from run 1: the engine is not deterministic.");
        }

        var median = Median(rates);
        var interval = first!.MeanWaitInterval;
        return new SimulationBenchmarkResult(
            options.Customers, options.Servers, options.Utilization, options.Seed, options.Runs,
            Math.Round(median), Math.Round(rates.Min()), Math.Round(rates.Max()), Math.Round(median * 3),
            first.MeanWait, parameters.TheoreticalMeanWait, interval?.Low ?? double.NaN, interval?.High ?? double.NaN,
            parameters.ErlangC, first.WaitedShare,
            Math.Round(allocated / (double)(options.Customers * options.Runs), 4), first.EngineEvents / (double)options.Customers,
            Math.Round(Median(milliseconds), 2), Environment.ProcessorCount);
    }

    private static void WarmUp(MmcParameters parameters, ulong seed)
    {
        var started = Stopwatch.GetTimestamp();
        for (var run = 0; run < MinWarmupRuns || Stopwatch.GetElapsedTime(started) < MinWarmup; run++)
            new MmcModel(parameters, unchecked(seed + (ulong)run)).Run(WarmupCustomers);
        // Let the background compiler finish what the warm-up queued.
        Thread.Sleep(100);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
