namespace FriendshipGate.Simulation;

internal sealed partial class RandomStream
{
    // Poisson counts are drawn by inversion, whose first probability e^-mean stays a normal double up to a mean of
    // about 700; larger means are drawn as a sum of Poisson parts (a sum of independent Poisson counts is Poisson).
    private const double PoissonPart = 500;

    private double spareNormal;
    private bool hasSpareNormal;

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>
    /// Exponential with the given <paramref name="mean"/> (= 1 / rate): the gap between two arrivals of a Poisson
    /// process of that rate, or a memoryless service time. Inversion: -mean·ln(U), U in (0, 1].
    /// </summary>
    public double Exponential(double mean) => -mean * Math.Log(NextDoubleNonZero());

    /// <summary>The time from now to the next arrival of a Poisson process with <paramref name="ratePerSecond"/>, in seconds.</summary>
    public double NextArrivalGapSeconds(double ratePerSecond) => Exponential(1.0 / ratePerSecond);

    /// <summary>
    /// Normal (Gaussian) by Marsaglia's polar method, which needs only a logarithm and a square root (no sine or
    /// cosine, whose last bits vary more between C libraries); the second value of each pair is kept for the next call.
    /// </summary>
    public double Normal(double mean, double standardDeviation)
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return mean + standardDeviation * spareNormal;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareNormal = v * factor;
        hasSpareNormal = true;
        return mean + standardDeviation * u * factor;
    }

    /// <summary>Log-normal: e^X with X normal of mean <paramref name="mu"/> and standard deviation <paramref name="sigma"/> (the log's parameters).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(Normal(mu, sigma));

    /// <summary>
    /// Log-normal given the mean and standard deviation of the values themselves, the way service times are usually
    /// reported ("inspection takes 40 ± 25 minutes"): always positive, skewed to the right.
    /// </summary>
    public double LogNormalWithMean(double mean, double standardDeviation)
    {
        var (mu, sigma) = LogNormalParameters(mean, standardDeviation);
        return LogNormal(mu, sigma);
    }

    /// <summary>The log's parameters of a log-normal with this mean and standard deviation.</summary>
    public static (double Mu, double Sigma) LogNormalParameters(double mean, double standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        var variance = Math.Log(1 + standardDeviation * standardDeviation / (mean * mean));
        return (Math.Log(mean) - variance / 2, Math.Sqrt(variance));
    }

    /// <summary>
    /// A Poisson count with the given <paramref name="mean"/>: how many trucks arrive in an hour whose expected number
    /// is the mean. Exact (inversion by sequential search); the cost grows with the mean.
    /// </summary>
    public long Poisson(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        long total = 0;
        while (mean > PoissonPart)
        {
            total += PoissonByInversion(PoissonPart);
            mean -= PoissonPart;
        }
        return total + PoissonByInversion(mean);
    }

    private long PoissonByInversion(double mean)
    {
        var u = NextDouble();
        var probability = Math.Exp(-mean);
        var cumulative = probability;
        long k = 0;
        // The cumulative sum may stop a hair short of 1 by rounding; the bound on k keeps a u in that gap from looping on.
        while (u >= cumulative && probability > 0)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }
        return k;
    }

    /// <summary>One of <paramref name="items"/>, each equally likely.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0) throw new ArgumentException("Cannot pick from an empty list.", nameof(items));
        return items[NextInt32(items.Count)];
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Bernoulli(double probability) => NextDouble() < probability;
}
