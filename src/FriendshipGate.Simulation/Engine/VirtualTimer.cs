namespace FriendshipGate.Simulation;

/// <summary>
/// A timer of <see cref="VirtualTimeProvider"/>: each firing is one scheduler event. Changing or disposing the timer
/// does not search the queue for its pending event: the timer remembers the id of the one event it is armed with, and
/// any other event that reaches it does nothing. A periodic timer fires at due time + k·period exactly (its callbacks
/// take no virtual time).
/// </summary>
internal sealed class VirtualTimer(VirtualTimeProvider provider, TimerCallback callback, object? state) : ITimer
{
    private const long NotArmed = -1;

    private long armedEvent = NotArmed;
    private long periodTicks;   // 0: fires once
    private bool disposed;

    /// <summary>The provider's slot for this timer while it is armed, else -1.</summary>
    internal int Slot { get; set; } = -1;

    /// <summary>True while an event is pending that will fire the timer.</summary>
    public bool IsArmed => armedEvent != NotArmed;

    /// <exception cref="ArgumentOutOfRangeException">A negative due time or period other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        if (disposed) return false;
        provider.CheckThread();
        // As with System.Threading.Timer, a period of zero or infinite means "fire once".
        periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        if (dueTime == Timeout.InfiniteTimeSpan) Disarm();
        else armedEvent = provider.Arm(this, dueTime.Ticks);
        return true;
    }

    internal void Fire(long eventId)
    {
        if (eventId != armedEvent) return;   // an event from before the last Change
        if (periodTicks > 0) armedEvent = provider.Arm(this, periodTicks);
        else Disarm();
        callback(state);
    }

    public void Dispose()
    {
        if (disposed) return;
        provider.CheckThread();
        disposed = true;
        Disarm();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Disarm()
    {
        armedEvent = NotArmed;
        provider.Disarm(this);
    }

    private static void Validate(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(name, value, "A timer's due time and period must be zero or more, or Timeout.InfiniteTimeSpan.");
    }
}
