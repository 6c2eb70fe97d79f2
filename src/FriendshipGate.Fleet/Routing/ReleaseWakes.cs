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
    private int[] waitsOn = [];

    public void Wake(int slot)
    {
        if (slot >= awake.Length)
        {
            var size = Math.Max(8, 2 * (slot + 1));
            Array.Resize(ref awake, size);
            var from = waitsOn.Length;
            Array.Resize(ref waitsOn, size);
            Array.Fill(waitsOn, -1, from, size - from);
        }
        awake[slot] = true;
    }

    /// <summary>Whether the vehicle was woken; it is asleep again afterwards.</summary>
    public bool TakeAwake(int slot)
    {
        if (slot >= awake.Length || !awake[slot]) return false;
        awake[slot] = false;
        return true;
    }

    /// <summary>The vehicle stopped at the resource's list (or, with -1, as far ahead as it may go).</summary>
    public void StoppedAt(int slot, int resource)
    {
        Wake(slot);
        awake[slot] = false;
        if (resource < 0 || waitsOn[slot] == resource) return;
        waitsOn[slot] = resource;
        (waitingOn[resource] ??= []).Add(slot);
    }

    /// <summary>A reservation came into or left the resource's list.</summary>
    public void ListChanged(int resource)
    {
        if (waitingOn[resource] is not { Count: > 0 } waiting) return;
        foreach (var slot in waiting)
        {
            awake[slot] = true;
            if (waitsOn[slot] == resource) waitsOn[slot] = -1;
        }
        waiting.Clear();
    }
}
