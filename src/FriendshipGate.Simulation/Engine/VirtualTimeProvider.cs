namespace FriendshipGate.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock is an <see cref="EventScheduler"/>'s: the modules that take a TimeProvider
/// (<see cref="PeriodicTimer"/> users, <c>Task.Delay(delay, provider)</c>, timeouts of a
/// <see cref="CancellationTokenSource"/>) run in virtual time when the simulation drives them. Now is
/// <c>start + scheduler.Now</c>; timestamps are the scheduler's ticks (frequency 10^7 per second), so
/// <see cref="TimeProvider.GetElapsedTime(long)"/> measures virtual time exactly; each firing of a timer is an event.
/// </summary>
/// <remarks>
/// The local time zone defaults to UTC rather than the host's, so that a run does not depend on the machine it runs
/// on; give the gate's zone (UTC+7 at Huu Nghi) for code that reasons in local hours. Timers are created, changed and
/// disposed on the scheduler's thread only: one touched from another thread while the scheduler runs is refused, since
/// where it would land in virtual time would depend on the race.
/// </remarks>
internal sealed class VirtualTimeProvider : TimeProvider
{
    private readonly long startUtcTicks;
    private readonly TimeZoneInfo localTimeZone;
    private readonly TimerEvents timerEvents;
    // Armed timers by slot; an event names the slot, and the timer checks that the event is the one it is armed with.
    private VirtualTimer?[] armed = new VirtualTimer?[16];
    private readonly Stack<int> freeSlots = new();
    private int usedSlots;

    public VirtualTimeProvider(EventScheduler scheduler, DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        Scheduler = scheduler;
        startUtcTicks = start.UtcTicks;
        this.localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
        timerEvents = new TimerEvents(this);
    }

    public EventScheduler Scheduler { get; }

    public DateTimeOffset Start => new(startUtcTicks, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => new(startUtcTicks + Scheduler.Now, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => localTimeZone;

    public override long TimestampFrequency => SimulationTime.TicksPerSecond;

    public override long GetTimestamp() => Scheduler.Now;

    /// <summary>Timers armed now (waiting to fire).</summary>
    public int ArmedTimers => usedSlots - freeSlots.Count;

    /// <exception cref="ArgumentOutOfRangeException">A due time or period that is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Schedules the timer's next firing <paramref name="delay"/> ticks from now; returns the event's id.</summary>
    internal long Arm(VirtualTimer timer, long delay)
    {
        if (timer.Slot < 0)
        {
            timer.Slot = freeSlots.Count > 0 ? freeSlots.Pop() : usedSlots++;
            if (timer.Slot == armed.Length) Array.Resize(ref armed, armed.Length * 2);
            armed[timer.Slot] = timer;
        }
        return Scheduler.Schedule(delay, timerEvents, timer.Slot);
    }

    /// <summary>
    /// Frees the timer's slot. An event still queued for the slot finds it empty, or held by a later timer that is
    /// armed with another event id, and does nothing.
    /// </summary>
    internal void Disarm(VirtualTimer timer)
    {
        if (timer.Slot < 0) return;
        armed[timer.Slot] = null;
        freeSlots.Push(timer.Slot);
        timer.Slot = -1;
    }

    /// <summary>Refuses timer changes from a thread other than the one running the events.</summary>
    internal void CheckThread()
    {
        var running = Scheduler.RunningThread;
        if (running != 0 && running != Environment.CurrentManagedThreadId)
            throw new InvalidOperationException(
                "A virtual-time timer was touched on another thread while the simulation runs; run the simulated code inside the scheduler's events (no SynchronizationContext, no thread-pool hops).");
    }

    private sealed class TimerEvents(VirtualTimeProvider provider) : EventAction(provider.Scheduler)
    {
        public override void Run(long slot) => provider.armed[slot]?.Fire(Scheduler.CurrentEvent);
    }
}
