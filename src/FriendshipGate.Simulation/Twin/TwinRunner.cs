using FriendshipGate.Clearance;
using FriendshipGate.Fleet;

namespace FriendshipGate.Simulation.Twin;

/// <summary>A mean over replications with its 95 % interval (Student's t); the interval is NaN-wide with one replication.</summary>
public sealed record Estimate(double Mean, double Low, double High, int Samples)
{
    public static Estimate Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        if (finite.Length == 1) return new Estimate(finite[0], double.NaN, double.NaN, 1);
        var ci = ConfidenceInterval.Of(finite);
        return new Estimate(ci.Mean, ci.Low, ci.High, finite.Length);
    }
}

public sealed record PolicySummary(
    string Policy, Estimate VehiclesPerDay, Estimate ContainersPerDay, Estimate WaitMedianHours, Estimate WaitP90Hours, Estimate WaitMaxHours,
    Estimate PerishableReleaseMedianHours, Estimate PerishableWithin6HoursShare, Estimate CapacityPerDay, IReadOnlyList<double> MeanHourlyQueue);

/// <summary>A whole run: every replication of every policy, the summaries, and (when both ran) smart's capacity over the baseline's, paired by seed.</summary>
public sealed record TwinRun(
    string Scenario, int Days, ulong Seed, int Replications, IReadOnlyList<ReplicationResult> Results, IReadOnlyList<PolicySummary> Summaries,
    Estimate? CapacityMultiple);

public static class TwinRunner
{
    /// <summary>
    /// Runs <paramref name="replications"/> seeds (seed, seed + 1, ...) of each policy in parallel over the cores, each
    /// replication with its own scheduler, random streams, risk engine and road graph: the result depends only on the arguments.
    /// With <paramref name="nodesDirectory"/>, each replication's routes go through real VN and CN nodes in process whose
    /// databases are kept there, one folder per policy and replication (slower: every step is a database transaction).
    /// </summary>
    public static TwinRun Run(Scenario scenario, IReadOnlyList<string> policies, int days, ulong seed, int replications, Action<int>? progress = null,
        string? nodesDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        foreach (var policy in policies) GatePolicy.Load(policy);
        var rules = RiskRuleSet.LoadDefault();
        var results = new ReplicationResult[policies.Count * replications];
        var done = 0;
        try
        {
            Parallel.For(0, results.Length, i =>
            {
                var replication = i / policies.Count;
                var policy = policies[i % policies.Count];
                var nodes = nodesDirectory is null ? null : Path.Combine(nodesDirectory, $"{policy}-{replication + 1}");
                var replicationSeed = unchecked(seed + (ulong)replication);
                try
                {
                    results[i] = new GateTwin(scenario, policy, replicationSeed, days, rules, RoadGraphLoader.LoadDefault(), nodes).Run(replication);
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"the {policy} replication with seed {replicationSeed} failed: {e.Message}", e);
                }
                progress?.Invoke(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException e)
        {
            // The first failure, as it was thrown, rather than the loop's wrapper: the CLI prints it as one line.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var summaries = policies.Select(p => Summarise(p, [.. results.Where(r => r.Policy == p)])).ToList();
        Estimate? multiple = null;
        if (policies.Contains(GatePolicy.Baseline) && policies.Contains(GatePolicy.Smart))
            multiple = Estimate.Of(Enumerable.Range(0, replications).Select(r =>
                Find(results, GatePolicy.Smart, r).CapacityPerDay / Find(results, GatePolicy.Baseline, r).CapacityPerDay));
        return new TwinRun(scenario.Name, days, seed, replications, results, summaries, multiple);
    }

    private static ReplicationResult Find(ReplicationResult[] results, string policy, int replication) =>
        results.Single(r => r.Policy == policy && r.Replication == replication);

    private static PolicySummary Summarise(string policy, List<ReplicationResult> runs) => new(
        policy, Estimate.Of(runs.Select(r => r.VehiclesPerDay)), Estimate.Of(runs.Select(r => r.ContainersPerDay)),
        Estimate.Of(runs.Select(r => r.WaitMedianHours)), Estimate.Of(runs.Select(r => r.WaitP90Hours)), Estimate.Of(runs.Select(r => r.WaitMaxHours)),
        Estimate.Of(runs.Select(r => r.PerishableReleaseMedianHours)), Estimate.Of(runs.Select(r => r.PerishableWithin6HoursShare)),
        Estimate.Of(runs.Select(r => r.CapacityPerDay)),
        [.. Enumerable.Range(0, runs.Min(r => r.HourlyQueue.Count)).Select(h => runs.Average(r => r.HourlyQueue[h]))]);
}
