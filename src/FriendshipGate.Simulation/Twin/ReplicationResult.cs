namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// What one replication of one policy gave. Waits are from arrival to the call to a service point (trucks still
/// waiting at the end count with their wait so far in the maximum only); time to release is from arrival to the end of
/// clearance; capacity is the estimated sustainable throughput; the Time Release Study segments are per lane (see
/// docs/simulation/twin.md).
/// </summary>
public sealed record ReplicationResult(
    string Policy, int Replication, ulong Seed, int Days,
    long VehiclesArrived, long VehiclesReleased, double VehiclesPerDay,
    long ContainersArrived, long ContainersDelivered, long ContainersInSystem, double ContainersPerDay,
    double WaitMedianHours, double WaitP90Hours, double WaitMaxHours,
    long PerishablesReleased, double PerishableReleaseMedianHours, double PerishableWithin6HoursShare,
    double GateCapacityPerDay, double? FleetCapacityPerDay, double CapacityPerDay,
    IReadOnlyList<double> HourlyQueue, IReadOnlyDictionary<string, long> Lanes,
    long RiskDecisions, long QueueOrderCalls, long TransportOrders, long TransportOrdersDelivered, int AgvBreakdowns,
    IReadOnlyList<TrsSegment> TimeRelease)
{
    /// <summary>With nodes: what each route's gate pair recorded in its databases.</summary>
    public IReadOnlyList<Nodes.NodeRecords> Nodes { get; init; } = [];
}

internal static class Percentile
{
    /// <summary>The p-quantile by linear interpolation between order statistics; NaN when there is nothing to measure.</summary>
    public static double Of(List<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var position = p * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}

/// <summary>Containers by where they are at the end of a run: every one that arrived must be in exactly one place.</summary>
internal sealed record ContainerAccount(long Arrived, long Delivered, long Waiting, long InService, long CrossingManned, long OnFleetOrders, long FleetDelivered);
