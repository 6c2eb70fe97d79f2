using Microsoft.Extensions.Logging;

namespace FriendshipGate.Fleet;

public sealed partial class FleetController
{
    private async Task OnEventAsync(FleetEvent e)
    {
        if (!runs.TryGetValue(e.Vehicle.ToString(), out var run)) return;
        switch (e)
        {
            case VehicleStateReceived { State: var state }:
                await OnStateAsync(run, state);
                break;
            case VehicleSilent silent when run.Placed && !run.Silent:
                logger.LogWarning("Vehicle {Vehicle} is silent ({Reason}); it keeps the sections it was released into", run.Key, silent.Reason);
                run.Silent = true;
                await SendUpdatesAsync(Traffic.MarkSilent(run.Key));
                break;
            case VehicleFound when run.Silent:
                run.Silent = false;
                await SendUpdatesAsync(Traffic.MarkRecovered(run.Key, link.Status(run.Vehicle.Id).State?.LastNodeId is { Length: > 0 } node ? node : null));
                break;
        }
    }

    private async Task OnStateAsync(VehicleRun run, StateMessage state)
    {
        run.Battery = state.BatteryState.BatteryCharge;
        run.Charging = state.BatteryState.Charging;
        if (!run.Placed)
        {
            if (state.LastNodeId.Length == 0 || !Graph.TryGetNode(state.LastNodeId, out _)) return;
            Traffic.PlaceVehicle(run.Key, state.LastNodeId);
            run.Placed = true;
            run.LastNode = state.LastNodeId;
            logger.LogInformation("Vehicle {Vehicle} joined the fleet at {Node}", run.Key, state.LastNodeId);
            return;
        }
        var broken = state.Errors.Any(error => error.ErrorLevel == ErrorLevel.Fatal);
        if (broken != run.Broken)
        {
            run.Broken = broken;
            await SendUpdatesAsync(broken ? Traffic.MarkBroken(run.Key) : Traffic.MarkRecovered(run.Key, state.LastNodeId));
        }
        if (state.LastNodeId.Length > 0 && state.LastNodeId != run.LastNode)
        {
            run.LastNode = state.LastNodeId;
            if (Traffic.StateOf(run.Key) != VehicleTrafficState.AtRest) await SendUpdatesAsync(Traffic.ReportReached(run.Key, state.LastNodeId));
        }
        if (run.Job is { Started: true } job && Traffic.StateOf(run.Key) == VehicleTrafficState.AtRest && run.LastNode == job.Goal && !state.Driving)
        {
            var action = job.Action is null ? null : state.ActionStates.FirstOrDefault(a => a.ActionId == job.Action.ActionId);
            if (job.Action is null || action?.ActionStatus == ActionStatus.Finished) await CompleteAsync(run, job);
            else if (action?.ActionStatus == ActionStatus.Failed) await FailAsync(run, job, action.ResultDescription);
        }
    }

    private async Task CompleteAsync(VehicleRun run, Job job)
    {
        run.Job = null;
        switch (job.Kind)
        {
            case JobKind.Pickup:
                job.Order!.PickUp();
                await ChangedAsync(job.Order);
                await SetOffForDropAsync(run, job.Order);
                break;
            case JobKind.Stage:
                await SetOffForDropAsync(run, job.Order!);
                break;
            case JobKind.Deliver:
                job.Order!.Deliver();
                await ChangedAsync(job.Order);
                delivered++;
                OrderDelivered?.Invoke(job.Order);
                break;
            case JobKind.Charge:
                await link.StartChargingAsync(run.Vehicle.Id);
                run.Charging = true;
                break;
        }
    }

    /// <summary>
    /// A loaded vehicle goes to its drop bay if the bay is free; if not, to the parking spot nearest the bay, off everybody's
    /// way, and on from there once the bay is free (the tick retries its delivery). It never waits on its pickup bay for its
    /// drop bay, so two loaded vehicles can never each wait for the bay the other stands on.
    /// </summary>
    private async Task SetOffForDropAsync(VehicleRun run, TransportOrder order)
    {
        var deliver = new Job(JobKind.Deliver, order.ToBay, VdaAction.ContainerHandling(ActionTypes.Drop, order.ContainerNumber), order);
        var taken = Taken();
        if (!taken.Contains(order.ToBay) || Graph[run.LastNode!].Kind == RoadNodeKind.Parking || dispatcher.StagingSpot(order, taken) is not { } spot)
        {
            // Not started when no route is free yet (the bay is taken): the next tick tries again.
            await StartAsync(run, deliver);
            return;
        }
        await StartAsync(run, new Job(JobKind.Stage, spot, null, order));
    }

    private async Task FailAsync(VehicleRun run, Job job, string? why)
    {
        logger.LogWarning("Vehicle {Vehicle} failed its {Action} at {Node}: {Why}", run.Key, job.Action?.ActionType, job.Goal, why);
        run.Job = null;
        if (job.Order is { State: TransportOrderState.Assigned } order)
        {
            order.Requeue();
            await ChangedAsync(order);
        }
    }
}
