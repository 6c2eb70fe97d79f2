namespace FriendshipGate.Exchange;

/// <summary>Exponential backoff with full jitter: the n-th retry waits a random time up to base·2ⁿ, capped.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan max, Random random)
    {
        var exponent = Math.Min(failures, 20);
        var ceiling = Math.Min(max.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: never zero, never in lock-step with the peer's own retries.
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
