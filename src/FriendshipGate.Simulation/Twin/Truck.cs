using FriendshipGate.Gate;

namespace FriendshipGate.Simulation.Twin;

/// <summary>One truck through the twin: what it carries, its lane, its place in the Gate's queue order, and when each step happened (ticks).</summary>
internal sealed class Truck(int index, int route, bool perishable, string lane, int containers, WaitingTruck waiting, long arrivedAt)
{
    public int Index { get; } = index;
    public int Route { get; } = route;
    public bool Perishable { get; } = perishable;
    public string Lane { get; } = lane;
    public int Containers { get; } = containers;
    /// <summary>The truck as the Gate module's <see cref="QueueOrder"/> sees it.</summary>
    public WaitingTruck Waiting { get; } = waiting;
    public long ArrivedAt { get; } = arrivedAt;
    /// <summary>Its export declaration's number (with nodes: the VN node's).</summary>
    public string Declaration => Waiting.Visit.Declaration;
    /// <summary>With nodes: the VN yard's call of the truck to a lane, and whether the devices released it.</summary>
    public Nodes.CalledTruck? Called { get; set; }
    public long? ServiceStartedAt { get; set; }
    public long? ReleasedAt { get; set; }
    public int ContainersDelivered { get; set; }
    /// <summary>When its last container was set down on the other side (by truck or AGV).</summary>
    public long? ExitedAt { get; set; }
}

internal sealed class RouteState(RouteSpec spec, int index)
{
    public RouteSpec Spec { get; } = spec;
    public int Index { get; } = index;
    public TruckQueue Waiting { get; } = new();
    public int Busy { get; set; }
    public long BusyTicks { get; set; }
    public long Released { get; set; }
}
