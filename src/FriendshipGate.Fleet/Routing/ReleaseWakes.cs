using System.Runtime.CompilerServices;

namespace FriendshipGate.Fleet;

/// <summary>
/// Which vehicles' release may have grown since it last stopped, so that handing out releases looks only at those.
/// A vehicle stops either as far ahead as it may be released (only a change of its own route, progress, release or
/// state can move that: they wake it) or at one resource's list (a vehicle comes into or leaves that list: it wakes
/// everyone waiting on it). A woken vehicle is still checked against where it stopped, so waking too many is harmless.
/// </summary>
internal sealed class ReleaseWakes(int resourceCount)
{
    private readonly List<int>?[] waitingOn = new List<int>?[resourceCount];
    private bool[] awake = [];
    private bool[] gone = [];
    private int[] waitsOn = [];

    /// <summary>How many vehicles are awake: once none is, handing out releases has nobody left to look at.</summary>
    public int AwakeCount { get; private set; }

    public void Wake(int slot)
    {
        if (slot >= awake.Length)
        {
            var size = Math.Max(8, 2 * (slot + 1));
            Array.Resize(ref awake, size);
            Array.Resize(ref gone, size);
            var from = waitsOn.Length;
            Array.Resize(ref waitsOn, size);
            Array.Fill(waitsOn, -1, from, size - from);
        }
        if (awake[slot] || gone[slot]) return;
        awake[slot] = true;
        AwakeCount++;
    }

    /// <summary>Whether the vehicle was woken; it is asleep again afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]   // asked for vehicle after vehicle on every node reached
    public bool TakeAwake(int slot)
    {
        if (slot >= awake.Length || !awake[slot]) return false;
        awake[slot] = false;
        AwakeCount--;
        return true;
    }

    /// <summary>The vehicle stopped at the resource's list (or, with -1, as far ahead as it may go).</summary>
    public void StoppedAt(int slot, int resource)
    {
        Wake(slot);
        TakeAwake(slot);
        if (resource < 0 || waitsOn[slot] == resource) return;
        waitsOn[slot] = resource;
        (waitingOn[resource] ??= []).Add(slot);
    }

    /// <summary>The vehicle left the traffic control: it is never woken again (nobody would look at it).</summary>
    public void Forget(int slot)
    {
        Wake(slot);
        TakeAwake(slot);
        gone[slot] = true;
    }

    /// <summary>A reservation came into or left the resource's list.</summary>
    public void ListChanged(int resource)
    {
        if (waitingOn[resource] is not { Count: > 0 } waiting) return;
        foreach (var slot in waiting)
        {
            Wake(slot);
            if (waitsOn[slot] == resource) waitsOn[slot] = -1;
        }
        waiting.Clear();
    }
}
