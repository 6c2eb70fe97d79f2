namespace FriendshipGate.Simulation;

/// <summary>
/// What happens when a scheduled event comes due. One instance per kind of event (a truck's arrival, a departure),
/// made once and scheduled any number of times with a different <c>argument</c> each time (an index, an id, a time).
/// An action belongs to the scheduler it was made for, which numbers it: queue entries then carry that number instead
/// of a reference, so they hold no pointers (no GC write barrier each time the queue moves one), and the scheduler's
/// one dispatch site is a plain virtual call.
/// </summary>
internal abstract class EventAction
{
    protected EventAction(EventScheduler scheduler)
    {
        Scheduler = scheduler;
        Id = scheduler.Register(this);
    }

    public EventScheduler Scheduler { get; }

    /// <summary>This action's number in its scheduler.</summary>
    internal int Id { get; }

    /// <summary>Runs the event; <see cref="EventScheduler.Now"/> is its due time. It may schedule further events.</summary>
    public abstract void Run(long argument);
}
