namespace FriendshipGate.Simulation.Tests;

public sealed class ConfidenceIntervalTests
{
    [Fact]
    public void FiveEstimates_UseStudentsTWithFourDegreesOfFreedom()
    {
        var interval = ConfidenceInterval.Of([1, 2, 3, 4, 5]);

        // Standard deviation 1.5811, standard error 0.7071, t(0.975; 4) = 2.776.
        Assert.Equal(3, interval.Mean, 12);
        Assert.Equal(2.776 * Math.Sqrt(0.5), interval.HalfWidth, 9);
        Assert.True(interval.Contains(4.9));
        Assert.False(interval.Contains(5.0));
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(19, 2.093)]
    [InlineData(35, 2.042)]
    [InlineData(500, 1.980)]
    [InlineData(100_000, 1.962)]
    public void TQuantile_IsTheTablesOrTheRowBelow(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, ConfidenceInterval.TQuantile95(degreesOfFreedom));

    [Fact]
    public void OneEstimate_IsRefused() =>
        Assert.Throws<ArgumentException>(() => ConfidenceInterval.Of([1.0]));
}
