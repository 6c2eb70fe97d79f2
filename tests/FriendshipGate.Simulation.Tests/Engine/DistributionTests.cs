namespace FriendshipGate.Simulation.Tests;

public sealed class DistributionTests
{
    [Fact]
    public void Discrete_PicksEachValueInProportionToItsWeight()
    {
        // A pilot goods mix: durian heavy, a value with weight zero never picked.
        var mix = new DiscreteDistribution<string>([("durian", 5), ("dragon fruit", 3), ("jackfruit", 1.5), ("lychee", 0.5), ("none", 0)]);
        var random = new RandomStream(21);
        const int draws = 500_000;
        var counts = Enumerable.Range(0, draws).Select(_ => mix.Sample(random)).CountBy(v => v).ToDictionary();

        Assert.False(counts.ContainsKey("none"));
        Assert.InRange(counts["durian"] / (double)draws, 0.497, 0.503);
        Assert.InRange(counts["dragon fruit"] / (double)draws, 0.297, 0.303);
        Assert.InRange(counts["jackfruit"] / (double)draws, 0.148, 0.152);
        Assert.InRange(counts["lychee"] / (double)draws, 0.0485, 0.0515);
    }

    [Fact]
    public void Discrete_SameSeed_SamePicks()
    {
        var lanes = new DiscreteDistribution<char>([('G', 80), ('Y', 15), ('R', 5)]);
        string Picks(ulong seed)
        {
            var random = new RandomStream(seed);
            return new string(Enumerable.Range(0, 200).Select(_ => lanes.Sample(random)).ToArray());
        }

        Assert.Equal(Picks(4), Picks(4));
        Assert.NotEqual(Picks(4), Picks(5));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { 1.0, -1.0 })]
    [InlineData(new[] { 1.0, double.NaN })]
    public void Discrete_BadWeights_AreRefused(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => new DiscreteDistribution<int>(weights.Select((w, i) => (i, w)).ToList()));
    }

    [Fact]
    public void Empirical_InterpolatesBetweenObservations_AndStaysInTheirRange()
    {
        var minutes = new EmpiricalDistribution([30, 10, 20, 40]);
        var random = new RandomStream(8);

        Assert.Equal(10, minutes.Quantile(0));
        Assert.Equal(25, minutes.Quantile(0.5));
        Assert.Equal(40, minutes.Quantile(1));
        var draws = Enumerable.Range(0, 100_000).Select(_ => minutes.Sample(random)).ToArray();
        Assert.All(draws, d => Assert.InRange(d, 10, 40));
        Assert.InRange(draws.Average(), 24.8, 25.2);
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution([]));
    }
}
