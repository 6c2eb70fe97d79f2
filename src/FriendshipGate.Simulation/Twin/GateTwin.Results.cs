namespace FriendshipGate.Simulation.Twin;

internal sealed partial class GateTwin
{
    private const double RcepReleaseHours = 6;

    private ReplicationResult Result(int replication)
    {
        var now = scheduler.Now;
        var waits = trucks.Where(t => t.ServiceStartedAt is not null).Select(t => Hours(t.ServiceStartedAt!.Value - t.ArrivedAt)).Order().ToList();
        var stillWaiting = routes.SelectMany(r => r.Waiting.All).Select(t => Hours(now - t.ArrivedAt)).DefaultIfEmpty(0).Max();
        var perishables = trucks.Where(t => t.Perishable).ToList();
        var releaseTimes = perishables.Where(t => t.ReleasedAt is not null).Select(t => Hours(t.ReleasedAt!.Value - t.ArrivedAt)).Order().ToList();
        // A perishable counts once its six hours are up or it is released, so loads arriving near the end do not flatter the share.
        var judged = perishables.Count(t => t.ReleasedAt is not null || Hours(now - t.ArrivedAt) >= RcepReleaseHours);
        var within = releaseTimes.Count(h => h <= RcepReleaseHours);
        var released = routes.Sum(r => r.Released);
        return new ReplicationResult(
            policyName, replication, seed, days, trucks.Count, released, released / (double)days,
            containersArrived, containersDelivered, containersArrived - containersDelivered, containersDelivered / (double)days,
            Percentile.Of(waits, 0.5), Percentile.Of(waits, 0.9), Math.Max(waits.LastOrDefault(), stillWaiting),
            releaseTimes.Count, Percentile.Of(releaseTimes, 0.5), judged == 0 ? double.NaN : within / (double)judged,
            GateCapacity(), FleetCapacity(), Capacity(), [.. hourlyQueue], new Dictionary<string, long>(lanes),
            trucks.Count, queueSorts, fleet?.AllOrders.Count ?? 0, fleet?.Delivered ?? 0, fleet?.Breakdowns ?? 0, TimeRelease.Of(trucks));
    }

    private static double Hours(long ticks) => SimulationTime.ToSeconds(ticks) / 3600;

    private double OpenHoursPerDay => policy.OpenAllDay ? 24 : policy.CloseHour - policy.OpenHour;

    /// <summary>
    /// What the service points could clear a day if kept busy all their open hours: trucks cleared per busy
    /// service-point-hour times the service-point-hours on offer. Summed over the routes.
    /// </summary>
    private double GateCapacity() => routes.Sum(RouteGateCapacity);

    private double RouteGateCapacity(RouteState route) =>
        route.BusyTicks == 0 ? 0 : route.Released / Hours(route.BusyTicks) * route.Spec.ServicePoints * OpenHoursPerDay;

    /// <summary>Containers the fleet could carry a day if all its vehicles worked all day, at the trips per working vehicle-second seen.</summary>
    private double? FleetCapacity() =>
        fleet is null || fleet.WorkingVehicleSeconds <= 0 ? null
            : fleet.Delivered / fleet.WorkingVehicleSeconds * fleet.Vehicles * 86_400;

    /// <summary>
    /// Vehicles a day the gate pair could sustain: the clearance capacity of its service points. Crossing does not
    /// limit it, since trucks the AGV fleet cannot take drive across the ordinary road themselves.
    /// </summary>
    private double Capacity() => GateCapacity();
}
