namespace FriendshipGate.Testing;

/// <summary>
/// A clock that runs <c>factor</c> times faster than the real one, timers included, so that hours of fleet traffic pass in
/// minutes while every component (vehicles, fleet link, controller) still runs its real code on real threads.
/// </summary>
public sealed class AcceleratedTime(double factor, DateTimeOffset start) : TimeProvider
{
    private readonly long startTimestamp = System.GetTimestamp();

    public AcceleratedTime(double factor) : this(factor, new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero)) { }

    public double Factor { get; } = factor > 0 ? factor : throw new ArgumentOutOfRangeException(nameof(factor));

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(startTimestamp) * Factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    /// <summary>A virtual duration in real time (infinite stays infinite).</summary>
    public TimeSpan Scale(TimeSpan virtualTime) =>
        virtualTime == Timeout.InfiniteTimeSpan ? virtualTime : TimeSpan.FromTicks(Math.Max(virtualTime == TimeSpan.Zero ? 0 : 1, (long)(virtualTime.Ticks / Factor)));
}
