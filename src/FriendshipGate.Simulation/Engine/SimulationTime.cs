namespace FriendshipGate.Simulation;

/// <summary>
/// Virtual time is counted in <see cref="TimeSpan"/> ticks (100 ns) since the start of a run, as a <c>long</c>. Integer
/// ticks rather than <c>double</c> seconds: the sum of two delays is exact, so two events meant to coincide do (and
/// then run in the order they were scheduled), nothing drifts over a simulated year (3.2·10^14 ticks, far inside a
/// long), and the clock maps without rounding onto the <see cref="DateTimeOffset"/>s and timestamps that
/// <see cref="VirtualTimeProvider"/> hands to the real modules. Random durations, drawn as doubles, are rounded to the
/// nearest tick once, when they are scheduled: 50 ns at most, far below any duration the twin models.
/// </summary>
internal static class SimulationTime
{
    public const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>Seconds as ticks, rounded to the nearest tick.</summary>
    /// <exception cref="OverflowException">More seconds than a <c>long</c> of ticks holds (about 29,000 years), or NaN.</exception>
    public static long FromSeconds(double seconds) => (long)Math.Round(seconds * TicksPerSecond);

    public static double ToSeconds(long ticks) => ticks / (double)TicksPerSecond;
}
