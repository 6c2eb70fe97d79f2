namespace FriendshipGate.Fleet;

/// <summary>What a vehicle is sent to do: fetch or deliver a container, park off the road, or charge.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<JobKind>))]
/// <summary>What a vehicle is doing: Stage is a loaded vehicle waiting on a parking spot near its drop bay until the bay is free.</summary>
public enum JobKind { Pickup, Deliver, Park, Charge, Stage }

/// <summary>
/// One errand of one vehicle: where to, the action at the goal, and the transport order it serves. Not started: no
/// conflict-free route was free yet; each dispatch tick tries again.
/// </summary>
internal sealed record Job(JobKind Kind, string Goal, VdaAction? Action, TransportOrder? Order, bool Started = false);

/// <summary>The controller's view of one vehicle: where it stands, its errand, and how much of its route it has been sent.</summary>
internal sealed class VehicleRun(FleetVehicle vehicle)
{
    public FleetVehicle Vehicle { get; } = vehicle;
    public string Key => Vehicle.Id.ToString();
    public bool Placed { get; set; }
    public string? LastNode { get; set; }
    public double Battery { get; set; } = 100;
    public bool Broken { get; set; }
    public bool Silent { get; set; }
    public bool Charging { get; set; }
    public Job? Job { get; set; }

    /// <summary>The number (RouteStep.Number) of the last step sent as released; the next update starts after it.</summary>
    public int SentReleasedNumber { get; set; } = -1;
}

/// <summary>What the fleet is doing, for screens and tests.</summary>
public sealed record FleetSnapshot(
    DateTimeOffset At, IReadOnlyList<VehicleSnapshot> Vehicles, int OrdersQueued, int OrdersActive, int OrdersDelivered);

/// <param name="Holds">The nodes from the last one the vehicle confirmed to the end of what it is released into: nobody else enters them.</param>
public sealed record VehicleSnapshot(string Vehicle, string? Node, double? X, double? Y, double Battery, string Traffic, JobKind? Job, string? Container, bool Silent, bool Broken,
    IReadOnlyList<string> Holds);
