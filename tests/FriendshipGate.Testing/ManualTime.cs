namespace FriendshipGate.Testing;

/// <summary>A clock that stands still until a test moves it (what FakeTimeProvider does, without the package).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private long utcTicks = start.UtcTicks;

    public ManualTime() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
