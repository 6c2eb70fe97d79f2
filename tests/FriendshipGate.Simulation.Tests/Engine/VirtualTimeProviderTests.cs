namespace FriendshipGate.Simulation.Tests;

public sealed class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 6, 0, 0, TimeSpan.FromHours(7));

    private readonly EventScheduler scheduler = new();
    private readonly VirtualTimeProvider time;

    public VirtualTimeProviderTests() => time = new VirtualTimeProvider(scheduler, Start);

    private void RunUntil(double seconds) => scheduler.RunUntil(SimulationTime.FromSeconds(seconds));

    [Fact]
    public void GetUtcNow_IsTheStartPlusTheSchedulersClock_InUtc()
    {
        Assert.Equal(Start, time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow().Offset);

        RunUntil(90.5);

        Assert.Equal(Start.AddSeconds(90.5), time.GetUtcNow());
        Assert.Equal(TimeZoneInfo.Utc, time.LocalTimeZone);
    }

    [Fact]
    public void LocalTimeZone_CanBeTheGates()
    {
        var hanoi = TimeZoneInfo.CreateCustomTimeZone("UTC+7", TimeSpan.FromHours(7), "UTC+7", "UTC+7");
        var local = new VirtualTimeProvider(scheduler, Start, hanoi);

        Assert.Equal(6, local.GetLocalNow().Hour);
    }

    [Fact]
    public void Timestamps_MeasureVirtualTimeExactly()
    {
        var before = time.GetTimestamp();
        RunUntil(2.5);

        Assert.Equal(TimeSpan.FromSeconds(2.5), time.GetElapsedTime(before));
        Assert.Equal(TimeSpan.FromSeconds(2.5), time.GetElapsedTime(before, time.GetTimestamp()));
        Assert.Equal(TimeSpan.TicksPerSecond, time.TimestampFrequency);
    }

    [Fact]
    public void TaskDelay_CompletesWhenTheSchedulerReachesIt()
    {
        using var _ = NoSynchronizationContext.Enter();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);

        RunUntil(4.9999999);
        Assert.False(delay.IsCompleted);

        RunUntil(5);
        Assert.True(delay.IsCompletedSuccessfully);
        Assert.Equal(0, time.ArmedTimers);
    }

    [Fact]
    public void AsyncCode_AwaitingDelays_RunsInVirtualTimeInsideTheEvents()
    {
        using var _ = NoSynchronizationContext.Enter();
        var seen = new List<(DateTimeOffset At, int Thread)>();
        async Task Patrol()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromMinutes(10), time);
                seen.Add((time.GetUtcNow(), Environment.CurrentManagedThreadId));
            }
        }

        var patrol = Patrol();
        scheduler.Run();

        Assert.True(patrol.IsCompletedSuccessfully);
        Assert.Equal([Start.AddMinutes(10), Start.AddMinutes(20), Start.AddMinutes(30)], seen.Select(s => s.At));
        Assert.All(seen, s => Assert.Equal(Environment.CurrentManagedThreadId, s.Thread));
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriod()
    {
        var firedAt = new List<long>();
        using var timer = time.CreateTimer(_ => firedAt.Add(scheduler.Now), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        RunUntil(10);

        Assert.Equal(Enumerable.Range(1, 10).Select(s => s * TimeSpan.TicksPerSecond), firedAt);
    }

    [Fact]
    public void Dispose_StopsThePeriodicTimer()
    {
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        RunUntil(3);

        timer.Dispose();
        RunUntil(10);

        Assert.Equal(3, fired);
        Assert.Equal(0, time.ArmedTimers);
        Assert.False(timer.Change(TimeSpan.Zero, TimeSpan.Zero));
    }

    [Fact]
    public void Change_RearmsTheTimer_AndTheOldDueTimeNoLongerFires()
    {
        var firedAt = new List<long>();
        using var timer = time.CreateTimer(_ => firedAt.Add(scheduler.Now), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        RunUntil(3);

        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        RunUntil(60);

        Assert.Equal([8 * TimeSpan.TicksPerSecond], firedAt);
    }

    [Fact]
    public void Change_ToAPeriod_AndToInfinite_StartsAndStopsFiring()
    {
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        RunUntil(5);
        Assert.Equal(0, fired);

        timer.Change(TimeSpan.Zero, TimeSpan.FromSeconds(2));   // fires now, then at 7, 9, 11
        RunUntil(11);
        Assert.Equal(4, fired);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        RunUntil(30);
        Assert.Equal(4, fired);
        Assert.Equal(0, time.ArmedTimers);
    }

    [Fact]
    public void DueTimeZero_FiresAsAnEvent_NotInsideCreateTimer()
    {
        var fired = false;
        using var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.False(fired);
        scheduler.Run();
        Assert.True(fired);
        Assert.Equal(0, scheduler.Now);
    }

    [Fact]
    public void CallbackState_IsPassedThrough()
    {
        object? received = null;
        var state = new object();
        using var timer = time.CreateTimer(s => received = s, state, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        scheduler.Run();

        Assert.Same(state, received);
    }

    [Fact]
    public void PeriodicTimerClass_TicksInVirtualTime()
    {
        using var _ = NoSynchronizationContext.Enter();
        var ticks = new List<(DateTimeOffset At, int Thread)>();
        using var periodic = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        async Task CountTicks()
        {
            while (ticks.Count < 5 && await periodic.WaitForNextTickAsync())
                ticks.Add((time.GetUtcNow(), Environment.CurrentManagedThreadId));
        }

        var counting = CountTicks();
        RunUntil(10 * 60);

        Assert.True(counting.IsCompletedSuccessfully);
        Assert.Equal(Enumerable.Range(1, 5).Select(m => Start.AddMinutes(m)), ticks.Select(t => t.At));
        Assert.All(ticks, t => Assert.Equal(Environment.CurrentManagedThreadId, t.Thread));
    }

    [Fact]
    public void CancellationTokenSource_TimesOutInVirtualTime()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromHours(2), time);

        RunUntil(2 * 3600 - 1);
        Assert.False(cancellation.IsCancellationRequested);

        RunUntil(2 * 3600);
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public void ManyShortDelays_ReuseTimerSlots()
    {
        using var _ = NoSynchronizationContext.Enter();
        async Task Loop()
        {
            for (var i = 0; i < 10_000; i++) await Task.Delay(TimeSpan.FromSeconds(1), time);
        }

        var loop = Loop();
        scheduler.Run();

        Assert.True(loop.IsCompletedSuccessfully);
        Assert.Equal(Start.AddSeconds(10_000), time.GetUtcNow());
        Assert.Equal(0, time.ArmedTimers);
    }

    [Fact]
    public void CreateTimer_NegativeDueTime_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public void CreateTimer_FromAnotherThreadWhileRunning_IsRefused()
    {
        Exception? refused = null;
        var action = new RecordingAction(scheduler, _ =>
        {
            var other = new Thread(() => refused = Record.Exception(() => time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan)));
            other.Start();
            other.Join();
        });
        scheduler.Schedule(1, action);

        scheduler.Run();

        Assert.IsType<InvalidOperationException>(refused);
    }
}
