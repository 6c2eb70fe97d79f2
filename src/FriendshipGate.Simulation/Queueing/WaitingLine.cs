using System.Numerics;

namespace FriendshipGate.Simulation;

/// <summary>
/// A first-come-first-served line of values (here the customers' arrival times) in a ring buffer whose size is a power
/// of two: it doubles when the line grows longer than ever before and is otherwise reused, so a long run allocates
/// only while the line reaches new lengths.
/// </summary>
internal sealed class WaitingLine(int initialCapacity = 64)
{
    private long[] ring = new long[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)initialCapacity))];
    private int head;
    private int count;

    public int Count => count;

    public void Enqueue(long value)
    {
        if (count == ring.Length) Grow();
        ring[(head + count) & (ring.Length - 1)] = value;
        count++;
    }

    /// <exception cref="InvalidOperationException">The line is empty.</exception>
    public long Dequeue()
    {
        if (count == 0) throw new InvalidOperationException("Nobody is waiting.");
        var value = ring[head];
        head = (head + 1) & (ring.Length - 1);
        count--;
        return value;
    }

    public void Clear() => head = count = 0;

    private void Grow()
    {
        var larger = new long[ring.Length * 2];
        for (var i = 0; i < count; i++) larger[i] = ring[(head + i) & (ring.Length - 1)];
        ring = larger;
        head = 0;
    }
}

