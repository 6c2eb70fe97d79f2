namespace FriendshipGate.Simulation;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledEvent"/> structs ordered by (time, sequence). Four children per node halve
/// the depth of a binary heap, and the children of a node share a cache line or two, which pays once the twin holds
/// thousands of pending events; sifting moves a hole instead of swapping. The array only grows (doubling), so after
/// the first moments of a run the queue allocates nothing.
/// </summary>
internal sealed class EventQueue(int initialCapacity = 64)
{
    private const int Arity = 4;

    // Bounds every index below so that hole * Arity + Arity cannot overflow: the heap's arithmetic runs unchecked.
    private const int MaxCount = int.MaxValue / Arity - Arity;

    private ScheduledEvent[] items = new ScheduledEvent[Math.Clamp(initialCapacity, Arity, MaxCount)];
    private int count;

    public int Count => count;

    public long FirstTime => count > 0 ? items[0].Time : long.MaxValue;

    public void Enqueue(in ScheduledEvent item)
    {
        if (count == items.Length) Grow();
        unchecked
        {
            var hole = count++;
            while (hole > 0)
            {
                var parent = (hole - 1) / Arity;
                if (!item.RunsBefore(items[parent])) break;
                items[hole] = items[parent];
                hole = parent;
            }
            items[hole] = item;
        }
    }

    /// <summary>Takes the first event if it is due at or before <paramref name="until"/>.</summary>
    public bool TryDequeue(long until, out ScheduledEvent first)
    {
        if (count == 0 || items[0].Time > until)
        {
            first = default;
            return false;
        }
        first = items[0];
        var last = unchecked(--count);
        if (last > 0) SiftDown(items[last], last);
        return true;
    }

    /// <summary>Places <paramref name="item"/> (the former last entry) from the root down, among the first <paramref name="limit"/> entries.</summary>
    private void SiftDown(in ScheduledEvent item, int limit)
    {
        unchecked
        {
            var hole = 0;
            while (true)
            {
                var child = hole * Arity + 1;
                if (child >= limit) break;
                var end = Math.Min(child + Arity, limit);
                var smallest = child;
                for (var c = child + 1; c < end; c++)
                    if (items[c].RunsBefore(items[smallest])) smallest = c;
                if (!items[smallest].RunsBefore(item)) break;
                items[hole] = items[smallest];
                hole = smallest;
            }
            items[hole] = item;
        }
    }

    private void Grow()
    {
        if (items.Length >= MaxCount) throw new InvalidOperationException($"More than {MaxCount:N0} events pending.");
        Array.Resize(ref items, (int)Math.Min((long)items.Length * 2, MaxCount));
    }
}
