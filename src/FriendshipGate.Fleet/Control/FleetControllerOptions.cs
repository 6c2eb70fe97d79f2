namespace FriendshipGate.Fleet;

public sealed record FleetControllerOptions
{
    /// <summary>How often the dispatcher assigns queued orders and idle vehicles are parked or charged.</summary>
    public TimeSpan DispatchInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A charging vehicle goes back to work at this battery level.</summary>
    public double ChargedPercent { get; init; } = 90;

    public DispatchOptions Dispatch { get; init; } = new();

    public TrafficOptions Traffic { get; init; } = new();
}
