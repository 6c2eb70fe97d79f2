namespace FriendshipGate.Fleet;

public sealed partial class FleetController
{
    /// <summary>Plans the vehicle to the job's goal and sends the VDA 5050 order; false (the job kept, not started) when no route is free now.</summary>
    private async Task<bool> StartAsync(VehicleRun run, Job job)
    {
        run.Job = job;
        var here = run.LastNode!;
        if (here == job.Goal)
        {
            // Already there: an order of one node carrying the action.
            await link.SendOrderAsync(run.Vehicle.Id, NewOrderId(run), [Step(Graph[here], job)], ct: stopping.Token);
            run.SentReleasedNumber = 0;
            run.Job = job with { Started = true };
            return true;
        }
        if (Traffic.PlanRoute(run.Key, job.Goal, out var othersReleased) is not { } horizon) return false;
        run.Job = job with { Started = true };
        var released = horizon.Released.ToList();
        await link.SendOrderAsync(run.Vehicle.Id, NewOrderId(run), [.. released.Select(s => Step(s, run.Job))], [.. horizon.Unreleased.Select(s => Step(s, run.Job))], stopping.Token);
        run.SentReleasedNumber = released[^1].Number;
        // Planning one vehicle may release more to others waiting behind it.
        await SendUpdatesAsync(othersReleased);
        return true;
    }

    /// <summary>Sends each listed vehicle the steps traffic control released to it since its last order or update.</summary>
    private async Task SendUpdatesAsync(IEnumerable<string> vehicles)
    {
        foreach (var key in vehicles.Distinct())
        {
            if (!runs.TryGetValue(key, out var run) || run.Job is not { Started: true } job || run.Silent) continue;
            if (Traffic.LastReleasedNumber(key) <= run.SentReleasedNumber) continue;
            var horizon = Traffic.Horizon(key);
            if (horizon.Route.Count < 2) continue;
            var fresh = horizon.Released.Where(s => s.Number > run.SentReleasedNumber).ToList();
            if (fresh.Count == 0) continue;
            await link.ExtendOrderAsync(run.Vehicle.Id, [.. fresh.Select(s => Step(s, job))], [.. horizon.Unreleased.Select(s => Step(s, job))], stopping.Token);
            run.SentReleasedNumber = fresh[^1].Number;
        }
    }

    /// <summary>Assigns queued orders, retries jobs waiting for a route, charges, parks idle vehicles off the bays, looks for silence.</summary>
    private async Task TickAsync()
    {
        link.CheckSilence();
        foreach (var run in runs.Values.Where(r => r.Job is { Started: false } && Ready(r)))
            await StartAsync(run, run.Job!);
        foreach (var run in runs.Values.Where(r => r.Charging && r.Job is null && r.Battery >= options.ChargedPercent && Ready(r)))
        {
            await link.StopChargingAsync(run.Vehicle.Id);
            run.Charging = false;
        }
        var idle = runs.Values.Where(r => r.Job is null && Ready(r) && Traffic.StateOf(r.Key) == VehicleTrafficState.AtRest).ToList();
        var decision = dispatcher.Decide(orders.Where(o => o.State == TransportOrderState.Queued),
            idle.Select(r => new VehicleCondition(r.Key, r.LastNode!, false, r.Battery, r.Charging ? VehicleAvailability.Charging : VehicleAvailability.Available)),
            Taken());
        foreach (var assignment in decision.Assignments)
        {
            var run = runs[assignment.Vehicle];
            assignment.Order.Assign(run.Key);
            await ChangedAsync(assignment.Order);
            await StartAsync(run, new Job(JobKind.Pickup, assignment.Order.FromBay, VdaAction.ContainerHandling(ActionTypes.Pick, assignment.Order.ContainerNumber), assignment.Order));
        }
        foreach (var charge in decision.Charging)
            await StartAsync(runs[charge.Vehicle], new Job(JobKind.Charge, charge.ChargerNodeId, null, null));
        // A vehicle idle on a bay blocks it for the next pickup or drop: it goes to the nearest free parking spot.
        foreach (var run in idle.Where(r => r.Job is null && !r.Charging && Graph[r.LastNode!].Kind == RoadNodeKind.Bay))
            if (dispatcher.NearestFree(run.LastNode!, RoadNodeKind.Parking, Taken()) is { } spot)
                await StartAsync(run, new Job(JobKind.Park, spot, null, null));
        orders.RemoveAll(o => o.State == TransportOrderState.Delivered);
    }

    private static bool Ready(VehicleRun run) => run.Placed && !run.Silent && !run.Broken && run.LastNode is not null;

    /// <summary>Rest spots a vehicle stands on or is heading to.</summary>
    private HashSet<string> Taken() =>
        [.. runs.Values.Where(r => r.LastNode is not null).Select(r => r.LastNode!), .. runs.Values.Where(r => r.Job is not null).Select(r => r.Job!.Goal)];

    private string NewOrderId(VehicleRun run) => $"{run.Vehicle.Id.SerialNumber}-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref orderSequence)}";

    private OrderStep Step(RouteStep step, Job job) => Step(Graph[step.NodeId], job) with { EdgeId = step.EdgeId, MaxSpeed = step.MaxSpeedMps };

    /// <summary>A node of the order with its position; the goal carries the job's action.</summary>
    private OrderStep Step(RoadNode node, Job job) =>
        node.Id == job.Goal && job.Action is { } action ? OrderStep.At(node.Id, node.X, node.Y, Graph.MapId, action) : OrderStep.At(node.Id, node.X, node.Y, Graph.MapId);
}
