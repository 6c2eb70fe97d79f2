namespace FriendshipGate.Fleet;

/// <summary>
/// One node of a vehicle's route with the edge that leads to it, as a VDA 5050 order needs them: node id and
/// position on the map, edge id "{previous}--{this}" and its speed limit (both null on the first step), and the
/// planned times. Sequence ids follow VDA 5050: node 2·<see cref="Number"/>, the edge before it 2·Number − 1.
/// </summary>
public sealed record RouteStep(int Number, string NodeId, double X, double Y, string? EdgeId, double? MaxSpeedMps,
    DateTimeOffset PlannedArrival, DateTimeOffset? PlannedDeparture)
{
    public int NodeSequenceId => 2 * Number;
    public int? EdgeSequenceId => EdgeId is null ? null : 2 * Number - 1;
}

public enum VehicleTrafficState
{
    /// <summary>Standing at its last goal, holding only that spot.</summary>
    AtRest,
    /// <summary>Following a plan.</summary>
    Moving,
    /// <summary>Stopped on its route holding what it was released into; no conflict-free plan exists now (a broken or silent vehicle is in the way).</summary>
    WaitingForRoute,
    /// <summary>Not heard from: keeps everything from its last confirmed node to the end of its released horizon.</summary>
    Silent,
    /// <summary>Reported broken: keeps the same as a silent vehicle.</summary>
    Broken,
}

/// <summary>
/// What a vehicle may do now: its route from the last node it confirmed to its goal, of which the steps up to
/// <see cref="LastReleased"/> are released (VDA 5050 "released": true) and the rest is the horizon. The route is
/// renumbered only by a re-plan, which keeps <see cref="RouteStep.Number"/> so sequence ids continue.
/// </summary>
public sealed record TrafficHorizon(string Vehicle, VehicleTrafficState State, int Revision, IReadOnlyList<RouteStep> Route, int LastConfirmed, int LastReleased)
{
    public IEnumerable<RouteStep> Released => Route.Take(LastReleased + 1).Skip(LastConfirmed);
    public IEnumerable<RouteStep> Unreleased => Route.Skip(LastReleased + 1);
    public string Goal => Route[^1].NodeId;
    public bool Finished => State == VehicleTrafficState.AtRest;
}

public sealed record TrafficOptions
{
    /// <summary>Nodes released beyond the last confirmed one: small, since a vehicle that falls silent keeps them all.</summary>
    public int ReleaseAheadNodes { get; init; } = 4;

    /// <summary>Minimum gap in planned time between two vehicles following each other through a single-lane section.</summary>
    public double SectionHeadwaySeconds { get; init; } = 3;

    public TrafficOptions Validate() =>
        ReleaseAheadNodes < 1 ? throw new ArgumentOutOfRangeException(nameof(ReleaseAheadNodes), "at least one node ahead") :
        !(SectionHeadwaySeconds > 0) ? throw new ArgumentOutOfRangeException(nameof(SectionHeadwaySeconds), "headway must be positive") : this;
}
