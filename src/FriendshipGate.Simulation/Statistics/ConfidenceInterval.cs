namespace FriendshipGate.Simulation;

/// <summary>
/// A 95 % confidence interval for a mean, from independent (or nearly so) estimates of it: the means of batches of one
/// long run, or the results of replications with different seeds. Student's t, since the twin runs few replications.
/// </summary>
internal readonly record struct ConfidenceInterval(double Mean, double HalfWidth, int Samples)
{
    // Two-sided 95 % quantiles of Student's t (the 0.975 quantile) by degrees of freedom 1..30, then 40, 60, 120, 1000.
    private static readonly double[] TQuantiles =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public double Low => Mean - HalfWidth;
    public double High => Mean + HalfWidth;

    public bool Contains(double value) => value >= Low && value <= High;

    /// <exception cref="ArgumentException">Fewer than two estimates: one says nothing about its own spread.</exception>
    public static ConfidenceInterval Of(ReadOnlySpan<double> estimates)
    {
        if (estimates.Length < 2) throw new ArgumentException("A confidence interval needs at least two estimates.", nameof(estimates));
        var mean = 0.0;
        foreach (var x in estimates) mean += x;
        mean /= estimates.Length;
        var squares = 0.0;
        foreach (var x in estimates) squares += (x - mean) * (x - mean);
        var standardError = Math.Sqrt(squares / (estimates.Length - 1) / estimates.Length);
        return new ConfidenceInterval(mean, TQuantile95(estimates.Length - 1) * standardError, estimates.Length);
    }

    /// <summary>The 0.975 quantile of t with <paramref name="degreesOfFreedom"/>; between table rows, the row below (a slightly wider interval).</summary>
    public static double TQuantile95(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        return degreesOfFreedom switch
        {
            <= 30 => TQuantiles[degreesOfFreedom - 1],
            < 40 => 2.042,
            < 60 => 2.021,
            < 120 => 2.000,
            < 1000 => 1.980,
            _ => 1.962,
        };
    }
}
