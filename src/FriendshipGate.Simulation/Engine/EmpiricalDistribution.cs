namespace FriendshipGate.Simulation;

/// <summary>
/// A continuous distribution read from observed values (inspection times from a Time Release Study, say): a draw is a
/// uniform quantile of the observations, interpolated linearly between neighbouring order statistics, so it never
/// leaves the observed range and repeats the observed shape without assuming a family.
/// </summary>
internal sealed class EmpiricalDistribution
{
    private readonly double[] sorted;

    /// <exception cref="ArgumentException">No observations, or one that is not a finite number.</exception>
    public EmpiricalDistribution(IEnumerable<double> observations)
    {
        sorted = observations.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("An empirical distribution needs at least one observation.", nameof(observations));
        if (sorted.Any(x => !double.IsFinite(x))) throw new ArgumentException("Observations must be finite numbers.", nameof(observations));
        Array.Sort(sorted);
    }

    public double Min => sorted[0];
    public double Max => sorted[^1];

    /// <summary>The <paramref name="p"/>-quantile (0 ≤ p ≤ 1), interpolated between order statistics.</summary>
    public double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var position = p * (sorted.Length - 1);
        var below = (int)position;
        if (below >= sorted.Length - 1) return sorted[^1];
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }

    public double Sample(RandomStream random) => Quantile(random.NextDouble());
}
