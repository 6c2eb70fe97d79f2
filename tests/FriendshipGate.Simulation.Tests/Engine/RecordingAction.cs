namespace FriendshipGate.Simulation.Tests;

/// <summary>An action that writes down when it ran and with which argument, and can run a test's code then.</summary>
internal sealed class RecordingAction(EventScheduler scheduler, Action<long>? then = null) : EventAction(scheduler)
{
    public List<(long Time, long Argument)> Runs { get; } = [];

    public override void Run(long argument)
    {
        Runs.Add((Scheduler.Now, argument));
        then?.Invoke(argument);
    }
}
