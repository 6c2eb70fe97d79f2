namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// One segment of the Time Release Study (WCO TRS) for one lane: how many trucks completed it and its mean, median
/// and 90th percentile in hours. Lane "all" covers every lane.
/// </summary>
public sealed record TrsSegment(string Lane, string Segment, long Trucks, double MeanHours, double MedianHours, double P90Hours);

/// <summary>
/// The TRS segments the twin can time, per lane. In the twin the lane is decided when the truck arrives (the advance
/// declaration was shared), lodgement (typing) and the checks happen while the truck holds a service point, and the
/// release is the end of that service; so the segments are the wait to be called, the clearance at the service point
/// (lodgement, risk decision, inspection and release together: the model draws one time for them), the crossing
/// (release to the last container set down on the other side) and the whole. Lodgement and inspection are not timed
/// apart (see docs/simulation/twin.md).
/// </summary>
internal static class TimeRelease
{
    public const string Waiting = "arrival_to_called", Clearance = "called_to_release", Crossing = "release_to_exit", Total = "arrival_to_exit", AllLanes = "all";

    public static IReadOnlyList<TrsSegment> Of(IReadOnlyList<Truck> trucks)
    {
        var segments = new List<TrsSegment>();
        var lanes = trucks.Select(t => t.Lane).Distinct().Order(StringComparer.Ordinal).Append(AllLanes);
        foreach (var lane in lanes)
        {
            var inLane = lane == AllLanes ? trucks : [.. trucks.Where(t => t.Lane == lane)];
            segments.Add(Segment(lane, Waiting, inLane, t => t.ServiceStartedAt - t.ArrivedAt));
            segments.Add(Segment(lane, Clearance, inLane, t => t.ReleasedAt - t.ServiceStartedAt));
            segments.Add(Segment(lane, Crossing, inLane, t => t.ExitedAt - t.ReleasedAt));
            segments.Add(Segment(lane, Total, inLane, t => t.ExitedAt - t.ArrivedAt));
        }
        return segments;
    }

    /// <summary>Over the trucks that completed the segment (a null end: not yet).</summary>
    private static TrsSegment Segment(string lane, string name, IReadOnlyList<Truck> trucks, Func<Truck, long?> ticks)
    {
        var hours = trucks.Select(ticks).Where(t => t is not null).Select(t => SimulationTime.ToSeconds(t!.Value) / 3600).Order().ToList();
        return new TrsSegment(lane, name, hours.Count, hours.Count == 0 ? double.NaN : hours.Average(), Percentile.Of(hours, 0.5), Percentile.Of(hours, 0.9));
    }
}
