namespace FriendshipGate.Simulation.Tests;

/// <summary>
/// Clears xunit's SynchronizationContext for a test's body: code awaiting virtual time must continue inline inside the
/// scheduler's events, as it does in the twin, not be posted to xunit's context.
/// </summary>
internal sealed class NoSynchronizationContext : IDisposable
{
    private readonly SynchronizationContext? previous = SynchronizationContext.Current;

    private NoSynchronizationContext() => SynchronizationContext.SetSynchronizationContext(null);

    public static NoSynchronizationContext Enter() => new();

    public void Dispose() => SynchronizationContext.SetSynchronizationContext(previous);
}
