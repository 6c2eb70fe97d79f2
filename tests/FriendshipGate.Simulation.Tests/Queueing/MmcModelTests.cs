namespace FriendshipGate.Simulation.Tests;

/// <summary>
/// The simulated M/M/c queue against Erlang C. The waits of one run are strongly correlated at ρ = 0.8, so the run's
/// mean is noisy: measured over 30 seeds, its relative error has a standard deviation of about 3.7 % at 200,000
/// customers (5 % was exceeded by 7 seeds of 30) and about 0.75 % at 5 million. The tolerances below are
/// about 2.7 standard deviations, and every seed the tests use passes them; each run also carries a 95 % interval from
/// batch means, which must contain the theoretical value.
/// </summary>
public sealed class MmcModelTests
{
    private static readonly MmcParameters FourServersAt08 = MmcParameters.ForUtilization(4, 0.8);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void MeanWait_200kCustomers_IsNearErlangC_AndItsIntervalContainsIt(ulong seed)
    {
        var result = new MmcModel(FourServersAt08, seed).Run(200_000);

        var theory = FourServersAt08.TheoreticalMeanWait;
        Assert.InRange(result.MeanWait, theory * 0.90, theory * 1.10);
        Assert.NotNull(result.MeanWaitInterval);
        Assert.True(result.MeanWaitInterval.Value.Contains(theory), $"{theory} outside {result.MeanWaitInterval}");
        // The share who waited at all is Erlang C itself (0.596); it is much less noisy than the mean wait.
        Assert.InRange(result.WaitedShare, FourServersAt08.ErlangC - 0.015, FourServersAt08.ErlangC + 0.015);
    }

    [Fact]
    public void MeanWait_LongRun_IsWithinTwoPercentOfErlangC_AndItsIntervalContainsIt()
    {
        var result = new MmcModel(FourServersAt08, seed: 1).Run(5_000_000);

        var theory = FourServersAt08.TheoreticalMeanWait;
        Assert.InRange(result.MeanWait, theory * 0.98, theory * 1.02);
        Assert.True(result.MeanWaitInterval!.Value.Contains(theory), $"{theory} outside {result.MeanWaitInterval}");
        Assert.True(result.MeanWaitInterval.Value.HalfWidth < theory * 0.03);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.7)]
    [InlineData(16, 0.9)]
    public void OtherQueues_AgreeWithTheory(int servers, double utilization)
    {
        var parameters = MmcParameters.ForUtilization(servers, utilization, serviceRate: 1 / 30.0);   // 30 s per customer
        var result = new MmcModel(parameters, seed: 3).Run(1_000_000);

        Assert.True(result.MeanWaitInterval!.Value.Contains(parameters.TheoreticalMeanWait), $"{parameters.TheoreticalMeanWait} outside {result.MeanWaitInterval}");
        Assert.InRange(result.MeanWait, parameters.TheoreticalMeanWait * 0.93, parameters.TheoreticalMeanWait * 1.07);
    }

    [Fact]
    public void SameSeed_IdenticalResults_OtherSeed_DifferentResults()
    {
        var first = new MmcModel(FourServersAt08, seed: 77).Run(50_000);
        var again = new MmcModel(FourServersAt08, seed: 77).Run(50_000);
        var other = new MmcModel(FourServersAt08, seed: 78).Run(50_000);

        Assert.Equal(first, again);
        Assert.NotEqual(first.MeanWait, other.MeanWait);
        Assert.NotEqual(first.SimulatedSeconds, other.SimulatedSeconds);
    }

    [Fact]
    public void EachCustomer_IsThreeEngineEvents()
    {
        var result = new MmcModel(FourServersAt08, seed: 1).Run(10_000);

        Assert.Equal(30_000, result.EngineEvents);
        Assert.Equal(10_000, result.Customers);
    }

    [Fact]
    public void SecondRun_GoesOnFromTheFirst()
    {
        var model = new MmcModel(FourServersAt08, seed: 1);
        var first = model.Run(10_000);
        var clock = model.Scheduler.Now;
        var second = model.Run(10_000);

        Assert.NotEqual(first.MeanWait, second.MeanWait);
        Assert.Equal(30_000, second.EngineEvents);
        Assert.True(model.Scheduler.Now > clock);
        Assert.Equal(0, model.Scheduler.Pending);
    }

    [Fact]
    public void SteadyState_AllocatesNothingPerCustomer()
    {
        var model = new MmcModel(FourServersAt08, seed: 1);
        model.Run(20_000);   // warm-up: JIT, the queue's and the line's arrays reach their working size

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = model.Run(100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // What is left is the run's result (a few hundred bytes), or a line growing past its longest yet.
        Assert.True(allocated / (double)result.Customers < 1, $"{allocated} bytes for {result.Customers} customers");
    }

    [Fact]
    public void FullOrEmptyQueues_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MmcParameters.ForUtilization(4, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MmcParameters.ForUtilization(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmcParameters(2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmcModel(FourServersAt08, 1).Run(0));
    }
}
