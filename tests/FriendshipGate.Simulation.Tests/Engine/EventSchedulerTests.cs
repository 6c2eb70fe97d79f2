namespace FriendshipGate.Simulation.Tests;

public sealed class EventSchedulerTests
{
    [Fact]
    public void Run_EventsRunInTimeOrder_AndMoveTheClock()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler);
        scheduler.Schedule(30, action, 3);
        scheduler.Schedule(10, action, 1);
        scheduler.Schedule(20, action, 2);

        scheduler.Run();

        Assert.Equal([(10L, 1L), (20L, 2L), (30L, 3L)], action.Runs);
        Assert.Equal(30, scheduler.Now);
        Assert.Equal(3, scheduler.EventsRun);
        Assert.Equal(0, scheduler.Pending);
    }

    [Fact]
    public void Run_EventsDueAtTheSameTick_RunInTheOrderTheyWereScheduled()
    {
        var scheduler = new EventScheduler(initialCapacity: 4);   // grows while they are queued
        var action = new RecordingAction(scheduler);
        for (var i = 0; i < 100; i++) scheduler.Schedule(5, action, i);

        scheduler.Run();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (5L, (long)i)), action.Runs);
    }

    [Fact]
    public void Schedule_ZeroDelayFromAnEvent_RunsAfterEverythingAlreadyDueNow()
    {
        var scheduler = new EventScheduler();
        RecordingAction? action = null;
        action = new RecordingAction(scheduler, argument =>
        {
            if (argument == 1) scheduler.Schedule(0, action!, 99);
        });
        scheduler.Schedule(7, action, 1);
        scheduler.Schedule(7, action, 2);
        scheduler.Schedule(7, action, 3);

        scheduler.Run();

        Assert.Equal([1L, 2L, 3L, 99L], action.Runs.Select(r => r.Argument));
        Assert.All(action.Runs, r => Assert.Equal(7, r.Time));
    }

    [Fact]
    public void Run_RandomTimesWithTiesAndEventsScheduledWhileRunning_RunSortedByTimeThenSchedulingOrder()
    {
        var scheduler = new EventScheduler(initialCapacity: 4);
        var random = new RandomStream(2024);
        var scheduled = new List<(long Time, long Id)>();
        RecordingAction? action = null;
        action = new RecordingAction(scheduler, _ =>
        {
            // Each event schedules a child now and then, sometimes due at this very tick.
            if (random.NextInt64(3) != 0) return;
            var delay = random.NextInt64(4) == 0 ? 0 : random.NextInt64(50);
            var id = scheduler.Schedule(delay, action!, scheduled.Count);
            scheduled.Add((scheduler.Now + delay, id));
        });
        for (var i = 0; i < 5_000; i++)
        {
            var time = random.NextInt64(1_000);   // about five events per tick: many ties
            var id = scheduler.ScheduleAt(time, action, scheduled.Count);
            scheduled.Add((time, id));
        }

        scheduler.Run();

        var expected = scheduled.Select((e, index) => (e.Time, Argument: (long)index))
            .OrderBy(e => e.Time).ThenBy(e => scheduled[(int)e.Argument].Id).ToList();
        Assert.Equal(expected, action.Runs);
    }

    [Fact]
    public void Schedule_ReturnsEachEventsId_WhichIsCurrentWhileItRuns()
    {
        var scheduler = new EventScheduler();
        var seen = new List<long>();
        var action = new RecordingAction(scheduler, _ => seen.Add(scheduler.CurrentEvent));
        var first = scheduler.Schedule(2, action);
        var second = scheduler.Schedule(1, action);

        scheduler.Run();

        Assert.NotEqual(first, second);
        Assert.Equal([second, first], seen);
        Assert.Equal(-1, scheduler.CurrentEvent);
    }

    [Fact]
    public void RunUntil_RunsEventsUpToTheLimit_AndMovesTheClockToIt()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler);
        scheduler.Schedule(5, action, 1);
        scheduler.Schedule(10, action, 2);
        scheduler.Schedule(15, action, 3);

        scheduler.RunUntil(10);
        Assert.Equal([1L, 2L], action.Runs.Select(r => r.Argument));
        Assert.Equal(10, scheduler.Now);

        scheduler.RunUntil(12);
        Assert.Equal(12, scheduler.Now);
        Assert.Equal(15, scheduler.NextEventTime);

        scheduler.RunFor(TimeSpan.FromTicks(100));
        Assert.Equal(3, action.Runs.Count);
        Assert.Equal(112, scheduler.Now);
    }

    [Fact]
    public void Stop_EndsTheRunAfterTheCurrentEvent_AndTheNextRunGoesOn()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler, argument =>
        {
            if (argument == 2) scheduler.Stop();
        });
        for (var i = 1; i <= 4; i++) scheduler.Schedule(i, action, i);

        scheduler.RunUntil(100);
        Assert.Equal(2, action.Runs.Count);
        Assert.Equal(2, scheduler.Now);   // a stopped run leaves the clock at the last event

        scheduler.Run();
        Assert.Equal(4, action.Runs.Count);
    }

    [Fact]
    public void Step_RunsOneEvent()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler);
        scheduler.Schedule(3, action, 1);
        scheduler.Schedule(3, action, 2);

        Assert.True(scheduler.Step());
        Assert.Single(action.Runs);
        Assert.True(scheduler.Step());
        Assert.False(scheduler.Step());
    }

    [Fact]
    public void Schedule_InThePast_IsRefused()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler);
        scheduler.RunUntil(50);

        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Schedule(-1, action));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.ScheduleAt(49, action));
        Assert.Equal(0, scheduler.Pending);
    }

    [Fact]
    public void Schedule_AnotherSchedulersAction_IsRefused()
    {
        var scheduler = new EventScheduler();
        var foreign = new RecordingAction(new EventScheduler());

        Assert.Throws<ArgumentException>(() => scheduler.Schedule(1, foreign));
    }

    [Fact]
    public void Run_FromInsideAnEvent_IsRefused()
    {
        var scheduler = new EventScheduler();
        Exception? refused = null;
        var action = new RecordingAction(scheduler, _ => refused = Record.Exception(() => scheduler.Run()));
        scheduler.Schedule(1, action);

        scheduler.Run();

        Assert.IsType<InvalidOperationException>(refused);
    }

    [Fact]
    public void Schedule_EndlessDelay_SaturatesInsteadOfOverflowing()
    {
        var scheduler = new EventScheduler();
        var action = new RecordingAction(scheduler);
        scheduler.RunUntil(1_000);

        scheduler.Schedule(TimeSpan.MaxValue, action);

        Assert.Equal(long.MaxValue, scheduler.NextEventTime);
        scheduler.RunUntil(long.MaxValue - 1);
        Assert.Empty(action.Runs);
    }
}
