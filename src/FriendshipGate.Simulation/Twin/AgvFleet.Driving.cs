using FriendshipGate.Fleet;

namespace FriendshipGate.Simulation.Twin;

internal sealed partial class AgvFleet
{
    /// <summary>
    /// The vehicle reached the node it was driving to: it reports it (VDA 5050 lastNodeId), which frees what it left and
    /// may release more road to it and to others; every vehicle that got more and stands waiting drives on now.
    /// </summary>
    private void Reach(Agv v)
    {
        v.Battery = Math.Max(0, v.Battery - DrainPercentPerSecond * v.EdgeSeconds);
        v.At = v.Towards!.Value;
        v.Towards = null;
        v.RoutePosition++;
        // Indexed: a foreach over the interface would allocate an enumerator on each of the ~78,000 nodes reached a day.
        var changed = traffic.ReportReached(v.Key, road.Nodes[v.At].Id);
        for (var i = 0; i < changed.Count; i++) Proceed(byKey[changed[i]]);
    }

    /// <summary>A planned vehicle standing on a node: on to the next if it is released, or done if the traffic control has it at rest on its goal.</summary>
    private void Proceed(Agv v)
    {
        if (!v.Planned || v.Towards is not null) return;
        var released = traffic.LastReleasedNumber(v.Key, out var state);
        switch (state)
        {
            case VehicleTrafficState.AtRest:
                Arrived(v);
                break;
            case VehicleTrafficState.Moving when v.RoutePosition < released - v.RouteFirstNumber:
                DriveOn(v);
                break;
        }
    }

    /// <summary>Sets off along the next edge; it takes up to 30 % longer than planned (the traffic control's releases keep this safe).</summary>
    private void DriveOn(Agv v)
    {
        var next = v.Route[v.RoutePosition + 1];
        v.Towards = next;
        v.EdgeSeconds = RoadGraph.TravelSeconds(road.EdgeBetween(v.At, next)) * (1 + random.NextDouble() * SlowdownUpTo);
        After(v.EdgeSeconds, reach, v);
    }

    /// <summary>
    /// A breakdown strikes a vehicle standing idle (one that breaks on the way is modelled as limping on to its next
    /// stop): it stays where it is, holding its spot, unavailable to the dispatcher until repaired.
    /// </summary>
    private void BreakDown(Agv v)
    {
        SetMode(v, Mode.Broken);
        v.NextBreakdown = Seconds + repairSeconds + breakdowns.Exponential(breakdownMeanSeconds);
        Breakdowns++;
        After(repairSeconds, repaired, v);
    }

    private void Arrived(Agv v)
    {
        dispatchDue = true;
        RequestSettle();
        v.Planned = false;
        v.Goal = null;
        switch (v.Mode)
        {
            case Mode.ToPickup or Mode.ToDrop:
                StartWork(v);
                break;
            case Mode.ToCharger:
                SetMode(v, Mode.Charging);
                After((ChargedPercent - v.Battery) / ChargePercentPerSecond, charged, v);
                break;
            case Mode.ToStage: SetMode(v, Mode.Staged); break;
            default: SetMode(v, Mode.Idle); break;
        }
    }

    private void StartWork(Agv v)
    {
        SetMode(v, Mode.Working);
        After(LoadSeconds, workDone, v);
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
        v.Order = null;
        SetMode(v, Mode.Idle);
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
        SetMode(v, Mode.Staged);
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
            if (road.Nodes[v.At].Id == order.FromBay) StartWork(v);
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
        SetMode(v, mode);
        v.Goal = goal;
        v.Planned = false;
        TryPlan(v);
    }

    /// <summary>Asks the traffic control for a route to the vehicle's goal; on success it sets off, and so may others the plan released.</summary>
    private bool TryPlan(Agv v)
    {
        PlansAsked++;
        if (!traffic.TryPlanRoute(v.Key, v.Goal!, out var othersReleased))
        {
            PlansRefused++;
            return false;
        }
        taken.Remove(road.Nodes[v.At].Id);
        dispatchDue = true;
        RequestSettle();
        v.Planned = true;
        v.Route = traffic.RouteNodes(v.Key, out var firstNumber, out var confirmed);
        v.RouteFirstNumber = firstNumber;
        v.RoutePosition = confirmed;
        Proceed(v);
        for (var i = 0; i < othersReleased.Count; i++) Proceed(byKey[othersReleased[i]]);
        return true;
    }
}
