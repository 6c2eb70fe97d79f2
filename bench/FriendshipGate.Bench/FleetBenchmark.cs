using System.Diagnostics;
using FriendshipGate.Fleet;

namespace FriendshipGate.Bench;

public sealed record FleetBenchmarkOptions(int SmallFleet, int LargeFleet, int Plans, int Seed = 7);

public sealed record FleetBenchmarkResult(
    int VehiclesSmall, int VehiclesLarge, int Plans,
    double PlanP50Ms50, double PlanP99Ms50, double PlanP50Ms200, double PlanP99Ms200,
    double FullReplanMs50, double FullReplanMs200, int FailedPlans50, int FailedPlans200, int WaitingAfterReplan50, int WaitingAfterReplan200, int Cores);

/// <summary>
/// fgate bench fleet: on the Huu Nghi road, with N-1 vehicles' plans already reserved (all leaving at the same moment,
/// so the road is as contested as it gets), the time to plan one more vehicle's route from a random free rest spot
/// to another against those reservations, many times on one thread; and the time to re-plan the whole fleet
/// (every remaining route again, as after a breakdown). "Ms50"/"Ms200" name the small and large fleet whatever their size.
/// </summary>
public static class FleetBenchmark
{
    public static FleetBenchmarkResult Run(FleetBenchmarkOptions options)
    {
        var road = RoadGraphLoader.LoadDefault();
        var small = Measure(road, options.SmallFleet, options.Plans, options.Seed);
        var large = Measure(road, options.LargeFleet, options.Plans, options.Seed + 1);
        return new FleetBenchmarkResult(options.SmallFleet, options.LargeFleet, options.Plans,
            small.P50, small.P99, large.P50, large.P99, small.FullReplan, large.FullReplan, small.Failed, large.Failed, small.Waiting, large.Waiting, Environment.ProcessorCount);
    }

    private static (double P50, double P99, double FullReplan, int Failed, int Waiting) Measure(RoadGraph road, int vehicles, int plans, int seed)
    {
        var spots = road.Nodes.Where(n => n.IsRestSpot).Select(n => n.Id).ToList();
        if (vehicles + 2 > spots.Count) throw new ArgumentOutOfRangeException(nameof(vehicles), $"the road has rest spots for {spots.Count - 2} vehicles at most");
        var random = new Random(seed);
        var shuffled = spots.OrderBy(_ => random.Next()).ToList();
        var clock = new BenchClock();
        var traffic = new TrafficControl(road, clock);
        // N-1 vehicles, each on its own spot, each planned in turn to the spot the one before it has just been planned
        // away from (the first to a free spot): random routes, half of them across the border, all leaving now.
        var others = vehicles - 1;
        for (var i = 0; i < others; i++) traffic.PlaceVehicle($"v{i}", shuffled[i]);
        var failed = 0;
        for (var i = 0; i < others; i++)
            if (traffic.PlanRoute($"v{i}", i == 0 ? shuffled[others] : shuffled[i - 1]) is null) failed++;
        // Spots nobody stands on or heads for, plus the last vehicle's start, which it leaves.
        var free = shuffled.Skip(others + 1).Append(shuffled[others - 1]).ToArray();
        // The N-th vehicle: a random free start and goal each time, against the others' reservations.
        var samples = new double[plans];
        for (var i = -Math.Min(200, plans); i < plans; i++)
        {
            var from = free[random.Next(free.Length - 1)];   // not the last vehicle's start: it is still there now
            var to = free[random.Next(free.Length)];
            if (to == from) to = free[^1];
            var started = Stopwatch.GetTimestamp();
            var ok = traffic.TryPlanWithoutReserving(from, to, out _);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < 0) continue;   // warm-up: JIT and caches
            samples[i] = ms;
            if (!ok) failed++;
        }
        Array.Sort(samples);
        // The whole fleet re-planned from where it stands, as after a breakdown; median of five.
        var replans = new double[5];
        for (var r = 0; r < replans.Length; r++)
        {
            var started = Stopwatch.GetTimestamp();
            traffic.ReplanAll();
            replans[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(replans);
        // Vehicles the re-plan could not time (their held steps interlock with others'): they wait for the next re-plan.
        var waiting = traffic.Vehicles.Count(v => traffic.Horizon(v).State == VehicleTrafficState.WaitingForRoute);
        return (Round(Percentile(samples, 0.5)), Round(Percentile(samples, 0.99)), Round(replans[replans.Length / 2]), failed, waiting);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double ms) => Math.Round(ms, 3);

    /// <summary>A clock that stands still: every plan starts at the same moment, so each run times the same contest.</summary>
    private sealed class BenchClock : TimeProvider
    {
        private readonly DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => now;
    }
}
