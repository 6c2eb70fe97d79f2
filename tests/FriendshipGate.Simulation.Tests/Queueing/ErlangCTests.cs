namespace FriendshipGate.Simulation.Tests;

public sealed class ErlangCTests
{
    [Fact]
    public void TwoServers_LoadOne_IsOneThird() =>
        Assert.Equal(1.0 / 3, ErlangC.ProbabilityOfWaiting(2, 1.0), 12);

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void OneServer_IsTheUtilization_AndTheWaitIsMM1s(double rho)
    {
        Assert.Equal(rho, ErlangC.ProbabilityOfWaiting(1, rho), 12);
        // M/M/1 with μ = 2: Wq = ρ / (μ − λ).
        Assert.Equal(rho / (2 - 2 * rho), ErlangC.MeanWait(1, 2 * rho, 2), 12);
    }

    [Fact]
    public void FourServers_Utilization08_IsTheBenchmarksCase()
    {
        // a = 3.2: C = 0.5964 and Wq = C / (4 − 3.2) for μ = 1.
        var c = ErlangC.ProbabilityOfWaiting(4, 3.2);
        Assert.Equal(0.59643, c, 5);
        Assert.Equal(c / 0.8, ErlangC.MeanWait(4, 3.2, 1), 12);
    }

    [Theory]
    [InlineData(3, 2.5)]
    [InlineData(10, 8)]
    [InlineData(25, 24.5)]
    [InlineData(40, 12)]
    public void Recurrence_AgreesWithTheTextbookFormula(int servers, double load)
    {
        // C = (a^c / c!) · c/(c − a) / (Σ_{k<c} a^k/k! + (a^c / c!) · c/(c − a)).
        var term = 1.0;
        var sum = 0.0;
        for (var k = 0; k < servers; k++)
        {
            sum += term;
            term *= load / (k + 1);
        }
        var top = term * servers / (servers - load);

        Assert.Equal(top / (sum + top), ErlangC.ProbabilityOfWaiting(servers, load), 10);
    }

    [Fact]
    public void ThousandsOfServers_StayFinite()
    {
        var c = ErlangC.ProbabilityOfWaiting(2_000, 1_980);

        Assert.InRange(c, 0, 1);
        Assert.True(double.IsFinite(c));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(4, 4.0)]
    [InlineData(4, 5.0)]
    [InlineData(4, -1.0)]
    public void UnstableOrMeaninglessQueues_AreRefused(int servers, double load) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(servers, load));
}
