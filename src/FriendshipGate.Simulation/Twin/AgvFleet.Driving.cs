using FriendshipGate.Fleet;

namespace FriendshipGate.Simulation.Twin;

internal sealed partial class AgvFleet
{
    private void Move(Agv v)
    {
        if (v.Mode == Mode.Broken)
        {
            BrokenVehicleSeconds++;
            if (Seconds >= v.BusyUntil) (v.Mode, dispatchDue) = (Mode.Idle, true);
            return;
        }
        if (v.Mode != Mode.Idle) WorkingVehicleSeconds++;
        if (v.Towards is { } towards)
        {
            v.Remaining -= 1;
            v.Battery = Math.Max(0, v.Battery - DrainPercentPerSecond);
            if (v.Remaining > 0) return;
            v.At = towards;
            v.Towards = null;
            Refresh(traffic.ReportReached(v.Key, road.Nodes[v.At].Id));
            // The rest of the second goes into the next released edge: a vehicle does not stop at every node.
            DriveOn(v, -v.Remaining);
            return;
        }
        var h = v.Horizon;
        if (v.Planned && h.State is VehicleTrafficState.Moving or VehicleTrafficState.WaitingForRoute && h.LastConfirmed < h.Route.Count - 1)
        {
            DriveOn(v, 0);
            return;
        }
        if (v.Planned && h.Finished) Arrived(v);
        else if (v.Mode == Mode.Working && Seconds >= v.BusyUntil) FinishWork(v);
        else if (v.Mode == Mode.Staged && v.Goal is null && !taken.Contains(v.Order!.ToBay)) SetOffForDrop(v);
        else if (v.Mode == Mode.Charging)
        {
            v.Battery = Math.Min(100, v.Battery + ChargePercentPerSecond);
            if (v.Battery >= 95) (v.Mode, dispatchDue) = (Mode.Idle, true);
        }
        else if (v.Mode == Mode.Idle && v.Goal is null && Seconds >= v.NextBreakdown) BreakDown(v);
    }

    /// <summary>
    /// A breakdown strikes a vehicle standing idle (one that breaks on the way is modelled as limping on to its next
    /// stop): it stays where it is, holding its spot, unavailable to the dispatcher until repaired.
    /// </summary>
    private void BreakDown(Agv v)
    {
        v.Mode = Mode.Broken;
        v.BusyUntil = Seconds + repairSeconds;
        v.NextBreakdown = v.BusyUntil + breakdowns.Exponential(breakdownMeanSeconds);
        Breakdowns++;
    }

    private void DriveOn(Agv v, double spent)
    {
        var h = v.Horizon;
        if (!(h.State is VehicleTrafficState.Moving && h.LastConfirmed < h.LastReleased)) return;
        var next = road[h.Route[h.LastConfirmed + 1].NodeId].Index;
        v.Towards = next;
        // Edges take up to 30 % longer than planned: the traffic control's releases keep this safe.
        v.Remaining = RoadGraph.TravelSeconds(road.EdgeBetween(v.At, next)) * (1 + random.NextDouble() * SlowdownUpTo) - spent;
    }

    private void Arrived(Agv v)
    {
        dispatchDue = true;
        v.Planned = false;
        v.Goal = null;
        switch (v.Mode)
        {
            case Mode.ToPickup or Mode.ToDrop:
                v.Mode = Mode.Working;
                v.BusyUntil = Seconds + LoadSeconds;
                break;
            case Mode.ToCharger: v.Mode = Mode.Charging; break;
            case Mode.ToStage: v.Mode = Mode.Staged; break;
            default: v.Mode = Mode.Idle; break;
        }
    }

    private void FinishWork(Agv v)
    {
        var order = v.Order!;
        if (order.State == TransportOrderState.Assigned)
        {
            order.PickUp();
            SetOffForDrop(v);
            return;
        }
        order.Deliver();
        Delivered++;
        dispatchDue = true;
        v.Order = null;
        v.Mode = Mode.Idle;
        if (onDelivered.Remove(order, out var done)) done(order);
    }

    /// <summary>To the drop bay if it is free, else to the parking spot nearest it to wait (the fleet controller's rule).</summary>
    private void SetOffForDrop(Agv v)
    {
        var bay = v.Order!.ToBay;
        if (!taken.Contains(bay))
        {
            taken.Add(bay);
            Send(v, Mode.ToDrop, bay);
            return;
        }
        v.Mode = Mode.Staged;
        if (road.Nodes[v.At].Kind == RoadNodeKind.Parking || dispatcher.StagingSpot(v.Order, taken) is not { } spot) return;
        taken.Add(spot);
        Send(v, Mode.ToStage, spot);
    }

    private void Dispatch()
    {
        var idle = vehicles.Where(v => v.Mode == Mode.Idle && v.Goal is null).ToList();
        if (idle.Count == 0) return;
        var conditions = idle.Select(v => new VehicleCondition(v.Key, road.Nodes[v.At].Id, false, v.Battery, VehicleAvailability.Available));
        var decision = dispatcher.Decide(queued, conditions, taken);
        foreach (var (order, key) in decision.Assignments)
        {
            var v = byKey[key];
            order.Assign(key);
            queued.Remove(order);
            v.Order = order;
            taken.Add(order.FromBay);
            if (road.Nodes[v.At].Id == order.FromBay) { v.Mode = Mode.Working; v.BusyUntil = Seconds + LoadSeconds; }
            else Send(v, Mode.ToPickup, order.FromBay);
        }
        foreach (var (key, charger) in decision.Charging)
        {
            taken.Add(charger);
            Send(byKey[key], Mode.ToCharger, charger);
        }
        // An idle vehicle left on a bay moves to a parking spot so the bay can be served.
        foreach (var v in idle.Where(v => v.Mode == Mode.Idle && v.Goal is null && road.Nodes[v.At].Kind == RoadNodeKind.Bay))
            if (dispatcher.NearestFree(road.Nodes[v.At].Id, RoadNodeKind.Parking, taken) is { } spot)
            {
                taken.Add(spot);
                Send(v, Mode.ToPark, spot);
            }
    }

    private void Send(Agv v, Mode mode, string goal)
    {
        v.Mode = mode;
        v.Goal = goal;
        v.Planned = false;
        TryPlan(v);
    }

    private void TryPlan(Agv v)
    {
        var plan = traffic.PlanRoute(v.Key, v.Goal!, out var othersReleased);
        if (plan is null) return;
        Refresh(othersReleased);
        taken.Remove(road.Nodes[v.At].Id);
        dispatchDue = true;
        v.Planned = true;
        v.Horizon = plan;
    }

    private void Refresh(IReadOnlyList<string> changed)
    {
        foreach (var key in changed) byKey[key].Horizon = traffic.Horizon(key);
    }
}
