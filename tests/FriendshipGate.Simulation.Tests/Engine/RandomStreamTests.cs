namespace FriendshipGate.Simulation.Tests;

/// <summary>
/// The generator's exact outputs are pinned (computed by an independent transcription of xoshiro256** and
/// SplitMix64), so a change to the algorithm cannot slip through; the distributions are checked on their moments with
/// tolerances of several standard errors, for fixed seeds.
/// </summary>
public sealed class RandomStreamTests
{
    [Fact]
    public void Seed42_GivesTheReferenceSequence()
    {
        var stream0 = new RandomStream(42);
        var stream1 = new RandomStream(42, stream: 1);

        Assert.Equal([1546998764402558742UL, 6990951692964543102UL, 12544586762248559009UL, 17057574109182124193UL, 18295552978065317476UL],
            Enumerable.Range(0, 5).Select(_ => stream0.NextUInt64()));
        Assert.Equal([13583771085161268UL, 395782336197462635UL, 10113986297222979544UL, 610389594528408260UL, 3653663353765943856UL],
            Enumerable.Range(0, 5).Select(_ => stream1.NextUInt64()));
    }

    [Fact]
    public void SameSeed_SameNumbers_OtherSeedOrStream_OtherNumbers()
    {
        static double[] Draw(RandomStream r) => Enumerable.Range(0, 1_000).Select(_ => r.Exponential(3) + r.Normal(0, 1)).ToArray();

        Assert.Equal(Draw(new RandomStream(7)), Draw(new RandomStream(7)));
        Assert.NotEqual(Draw(new RandomStream(7)), Draw(new RandomStream(8)));
        Assert.NotEqual(Draw(new RandomStream(7)), Draw(new RandomStream(7, stream: 1)));
    }

    [Fact]
    public void NextDouble_StaysInItsInterval()
    {
        var random = new RandomStream(1);
        for (var i = 0; i < 100_000; i++)
        {
            var closedOpen = random.NextDouble();
            Assert.InRange(closedOpen, 0, Math.BitDecrement(1.0));
            var openClosed = random.NextDoubleNonZero();
            Assert.True(openClosed > 0 && openClosed <= 1);
        }
    }

    [Fact]
    public void NextInt64_IsUniformOverItsRange()
    {
        var random = new RandomStream(3);
        var counts = new int[7];
        const int draws = 700_000;
        for (var i = 0; i < draws; i++) counts[random.NextInt64(7)]++;

        // Each count is binomial(700k, 1/7): standard deviation about 293; 5 standard deviations.
        Assert.All(counts, c => Assert.InRange(c, draws / 7 - 1_500, draws / 7 + 1_500));
        Assert.All(Enumerable.Range(0, 1_000).Select(_ => random.NextInt64(-5, 5)), x => Assert.InRange(x, -5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt64(0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(42.5)]
    public void Exponential_HasItsMeanAndVariance(double mean)
    {
        var random = new RandomStream(11);
        var (m, sd) = Moments(Enumerable.Range(0, 400_000).Select(_ => random.Exponential(mean)));

        // Standard error of the mean: mean / sqrt(n) = 0.16 %; allow 1 %.
        Assert.InRange(m, mean * 0.99, mean * 1.01);
        Assert.InRange(sd, mean * 0.98, mean * 1.02);
    }

    [Fact]
    public void Normal_AndLogNormal_HaveTheirMoments()
    {
        var random = new RandomStream(5);
        var (m, sd) = Moments(Enumerable.Range(0, 400_000).Select(_ => random.Normal(10, 2)));
        Assert.InRange(m, 9.99, 10.01);
        Assert.InRange(sd, 1.99, 2.01);

        // "Inspection takes 40 ± 25 minutes".
        var (lm, lsd) = Moments(Enumerable.Range(0, 400_000).Select(_ => random.LogNormalWithMean(40, 25)));
        Assert.InRange(lm, 39.6, 40.4);
        Assert.InRange(lsd, 24, 26);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3.5)]
    [InlineData(40)]
    [InlineData(1_234)]   // drawn in parts of 500
    public void Poisson_HasEqualMeanAndVariance(double mean)
    {
        var random = new RandomStream(9);
        var draws = Enumerable.Range(0, 40_000).Select(_ => (double)random.Poisson(mean)).ToArray();
        var (m, sd) = Moments(draws);

        Assert.All(draws, d => Assert.True(d >= 0 && d == Math.Floor(d)));
        Assert.InRange(m, mean - 5 * Math.Sqrt(mean / draws.Length), mean + 5 * Math.Sqrt(mean / draws.Length));
        Assert.InRange(sd * sd, mean * 0.95, mean * 1.05);
    }

    [Fact]
    public void Uniform_AndBernoulli()
    {
        var random = new RandomStream(13);
        var uniform = Enumerable.Range(0, 100_000).Select(_ => random.Uniform(2, 6)).ToArray();
        Assert.All(uniform, u => Assert.InRange(u, 2, 6));
        Assert.InRange(uniform.Average(), 3.98, 4.02);
        Assert.InRange(Enumerable.Range(0, 100_000).Count(_ => random.Bernoulli(0.25)), 24_300, 25_700);
    }

    [Fact]
    public void Pick_ChoosesEveryItem_AndRefusesAnEmptyList()
    {
        var random = new RandomStream(17);
        string[] lanes = ["green", "yellow", "red"];

        Assert.Equal(lanes.Order(), Enumerable.Range(0, 300).Select(_ => random.Pick(lanes)).Distinct().Order());
        Assert.Throws<ArgumentException>(() => random.Pick(Array.Empty<string>()));
    }

    [Fact]
    public void LogNormalParameters_GiveBackTheMeanAndDeviation()
    {
        var (mu, sigma) = RandomStream.LogNormalParameters(40, 25);

        Assert.Equal(40, Math.Exp(mu + sigma * sigma / 2), 9);
        Assert.Equal(25, Math.Sqrt((Math.Exp(sigma * sigma) - 1) * Math.Exp(2 * mu + sigma * sigma)), 9);
    }

    internal static (double Mean, double StandardDeviation) Moments(IEnumerable<double> values)
    {
        var all = values.ToArray();
        var mean = all.Average();
        return (mean, Math.Sqrt(all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1)));
    }
}
