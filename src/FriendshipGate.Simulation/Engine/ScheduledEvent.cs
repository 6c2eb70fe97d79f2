namespace FriendshipGate.Simulation;

/// <summary>
/// One entry of the event queue, kept by value in the queue's array and free of references, so scheduling allocates
/// nothing and moving entries costs plain copies. <see cref="Sequence"/> counts the events in the order they were
/// scheduled: it breaks ties between events due at the same tick (first scheduled, first run), which makes every run
/// of a model repeat exactly, and it is each event's unique id.
/// </summary>
internal readonly struct ScheduledEvent(long time, long sequence, int action, long argument)
{
    public readonly long Time = time;
    public readonly long Sequence = sequence;
    public readonly long Argument = argument;
    public readonly int Action = action;

    public bool RunsBefore(in ScheduledEvent other) =>
        Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
}
