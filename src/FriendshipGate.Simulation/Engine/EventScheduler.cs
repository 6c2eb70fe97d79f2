namespace FriendshipGate.Simulation;

/// <summary>
/// The discrete-event engine: a clock in virtual time (<see cref="SimulationTime"/> ticks) and a queue of scheduled
/// events, run in order of (due time, order of scheduling). Running an event moves the clock to its due time and calls
/// its <see cref="EventAction"/>, which may schedule more. Nothing else moves the clock, so a run depends only on the
/// model and its seeds: the same inputs give the same events in the same order, bit for bit.
/// </summary>
/// <remarks>
/// Single-threaded by design: events run one after another on the thread that called <see cref="Run()"/>, and only
/// that thread (or, between runs, any one thread) may schedule. Code awaiting virtual time continues inline inside the
/// event that completes its wait, as long as no <see cref="SynchronizationContext"/> captures the continuation.
/// Scheduling allocates nothing once the queue's array has grown to the model's largest number of pending events.
/// </remarks>
internal sealed class EventScheduler(int initialCapacity = 64)
{
    private readonly EventQueue queue = new(initialCapacity);
    private EventAction[] actions = new EventAction[8];
    private int actionCount;
    private long now;
    private long nextSequence;
    private long currentEvent = -1;
    private long eventsRun;
    private bool stopRequested;
    private int runningThread;

    /// <summary>The virtual clock: ticks since the start of the run.</summary>
    public long Now => now;

    public TimeSpan Elapsed => TimeSpan.FromTicks(now);

    /// <summary>Events run so far, whatever their kind (including those of timers re-armed or disposed since).</summary>
    public long EventsRun => eventsRun;

    /// <summary>The id of the event running now (as returned by <see cref="Schedule(long, EventAction, long)"/>), or -1.</summary>
    public long CurrentEvent => currentEvent;

    public int Pending => queue.Count;

    /// <summary>The due time of the next event, or <see cref="long.MaxValue"/> when none is pending.</summary>
    public long NextEventTime => queue.FirstTime;

    /// <summary>The id of the thread running events now, 0 between runs.</summary>
    public int RunningThread => runningThread;

    /// <summary>
    /// Schedules <paramref name="action"/> to run <paramref name="delay"/> ticks from now (0: after everything already
    /// due now) and returns the event's id: unique in this scheduler, never reused.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative delay: the past cannot be changed.</exception>
    /// <exception cref="ArgumentException">An action made for another scheduler.</exception>
    public long Schedule(long delay, EventAction action, long argument = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        // Saturate: a delay as long as TimeSpan.MaxValue means "never" rather than an overflow.
        return Enqueue(delay > long.MaxValue - now ? long.MaxValue : now + delay, action, argument);
    }

    public long Schedule(TimeSpan delay, EventAction action, long argument = 0) => Schedule(delay.Ticks, action, argument);

    /// <summary>Schedules <paramref name="action"/> at the virtual time <paramref name="time"/> and returns the event's id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before <see cref="Now"/>.</exception>
    public long ScheduleAt(long time, EventAction action, long argument = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, now);
        return Enqueue(time, action, argument);
    }

    /// <summary>Runs events until none is left or an event calls <see cref="Stop"/>.</summary>
    public void Run() => RunUntil(long.MaxValue);

    /// <summary>
    /// Runs every event due at or before <paramref name="until"/> (unless an event calls <see cref="Stop"/>), then
    /// moves the clock to <paramref name="until"/>: time passes even where nothing happens.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside an event.</exception>
    public void RunUntil(long until)
    {
        Enter();
        try
        {
            while (!stopRequested && queue.TryDequeue(until, out var next)) Dispatch(next);
            if (!stopRequested && until != long.MaxValue && until > now) now = until;
        }
        finally
        {
            Leave();
        }
    }

    public void RunFor(TimeSpan duration) => RunUntil(duration.Ticks > long.MaxValue - now ? long.MaxValue : now + duration.Ticks);

    /// <summary>Runs the next event, if any; true if one ran.</summary>
    public bool Step()
    {
        Enter();
        try
        {
            if (!queue.TryDequeue(long.MaxValue, out var next)) return false;
            Dispatch(next);
            return true;
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Ends the current <see cref="Run()"/> after the event that is running now; the clock stays at its time.</summary>
    public void Stop() => stopRequested = true;

    internal int Register(EventAction action)
    {
        if (actionCount == actions.Length) Array.Resize(ref actions, actions.Length * 2);
        actions[actionCount] = action;
        return actionCount++;
    }

    private long Enqueue(long time, EventAction action, long argument)
    {
        if (!ReferenceEquals(action.Scheduler, this)) throw new ArgumentException("The action was made for another scheduler.", nameof(action));
        var sequence = nextSequence++;
        queue.Enqueue(new ScheduledEvent(time, sequence, action.Id, argument));
        return sequence;
    }

    private void Dispatch(in ScheduledEvent next)
    {
        now = next.Time;
        currentEvent = next.Sequence;
        eventsRun++;
        actions[next.Action].Run(next.Argument);
    }

    private void Enter()
    {
        if (runningThread != 0) throw new InvalidOperationException("The scheduler is already running; an event cannot run the scheduler.");
        runningThread = Environment.CurrentManagedThreadId;
        stopRequested = false;
    }

    private void Leave()
    {
        runningThread = 0;
        currentEvent = -1;
    }
}
