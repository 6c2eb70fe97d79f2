namespace FriendshipGate.Fleet;

/// <summary>Driving along the released nodes, carrying out node actions and instant actions.</summary>
internal sealed partial class VehicleBrain
{
    private DateTimeOffset lastTick;
    private double heading;
    private double speedNow;

    public double Heading => heading;
    public double DistanceSinceLastNode { get; private set; }
    public bool HasFatalError => errors.Any(e => e.ErrorLevel == ErrorLevel.Fatal);

    /// <summary>Moves the clock on to <paramref name="now"/>: finishes actions whose time is up, charges, drives.</summary>
    public void Advance(DateTimeOffset now)
    {
        var seconds = Math.Max(0, (now - lastTick).TotalSeconds);
        lastTick = now;
        RunNodeActions(now);
        if (Charging && !Driving) Battery = Math.Min(100, Battery + options.ChargePercentPerSecond * seconds);
        var moved = Drive(seconds, now);
        speedNow = seconds > 0 ? moved / seconds : 0;
        var driving = moved > 0 || (seconds == 0 && Driving && CanDrive);
        if (driving != Driving)
        {
            Driving = driving;
            Changed = true;
        }
    }

    /// <summary>Carries out instant actions; each gets an action state.</summary>
    public void Receive(InstantActionsMessage message)
    {
        foreach (var received in message.Actions)
        {
            var action = received.Normalised();
            var tracked = new TrackedAction(action, false) { Status = ActionStatus.Finished };
            switch (action.ActionType)
            {
                case ActionTypes.CancelOrder: CancelOrder(tracked); break;
                case ActionTypes.StartPause: Paused = true; break;
                case ActionTypes.StopPause: Paused = false; break;
                case ActionTypes.StartCharging: Charging = true; break;
                case ActionTypes.StopCharging: Charging = false; break;
                case ActionTypes.FactsheetRequest: FactsheetRequested = true; break;
                case ActionTypes.StateRequest: StateRequested = true; break;
                default:
                    tracked.Status = ActionStatus.Failed;
                    tracked.Result = $"{action.ActionType} is not an instant action of this vehicle.";
                    break;
            }
            actions.Add(tracked);
        }
        Changed = true;
    }

    private bool CanDrive => !Paused && !Charging && !HasFatalError && Battery > 0 && nodeActionQueue.Count == 0
        && !actions.Any(a => a.Status == ActionStatus.Running && a.Action.BlockingType != BlockingType.None)
        && nodes.Count > 0 && nodes[0].Released && edges.Count > 0 && edges[0].Released;

    /// <summary>Drives for up to <paramref name="seconds"/> node by node, at most at each edge's maxSpeed; returns metres driven.</summary>
    private double Drive(double seconds, DateTimeOffset now)
    {
        var driven = 0.0;
        while (seconds > 1e-9 && CanDrive)
        {
            var target = nodes[0];
            var position = target.NodePosition!;
            var speed = Math.Min(options.SpeedMetersPerSecond, edges[0].MaxSpeed is double max and > 0 ? max : double.MaxValue);
            var remaining = position.DistanceTo(X, Y);
            if (remaining > 1e-9) heading = Math.Atan2(position.Y - Y, position.X - X);
            var step = Math.Min(remaining, speed * seconds);
            seconds -= step / speed;
            X += Math.Cos(heading) * step;
            Y += Math.Sin(heading) * step;
            driven += step;
            DistanceSinceLastNode += step;
            Battery = Math.Max(0, Battery - step / 1000 * options.DrainPercentPerKm);
            if (step < remaining) break;
            (X, Y) = (position.X, position.Y);
            edges.RemoveAt(0);
            Traverse(target);
            RunNodeActions(now);
        }
        return driven;
    }

    /// <summary>The vehicle passed <paramref name="node"/>: it is last node now, and its actions queue up (6.10.2).</summary>
    private void Traverse(OrderNode node)
    {
        nodes.Remove(node);
        LastNodeId = node.NodeId;
        LastNodeSequenceId = node.SequenceId;
        DistanceSinceLastNode = 0;
        foreach (var action in node.Actions)
            if (actions.FirstOrDefault(a => a.Action.ActionId == action.ActionId) is { } tracked) nodeActionQueue.Enqueue(tracked);
        Changed = true;
    }

    /// <summary>Node actions run one after another, in the order the node lists them.</summary>
    private void RunNodeActions(DateTimeOffset now)
    {
        while (true)
        {
            var running = actions.FirstOrDefault(a => a.IsOrderAction && a.Status == ActionStatus.Running);
            if (running is not null)
            {
                if (now < running.FinishAt) return;
                Finish(running);
            }
            if (!nodeActionQueue.TryDequeue(out var next)) return;
            if (next.Status != ActionStatus.Waiting) continue;
            next.Status = ActionStatus.Running;
            next.FinishAt = now + (next.Action.ActionType is ActionTypes.Pick or ActionTypes.Drop ? options.HandlingDuration : TimeSpan.Zero);
            Changed = true;
        }
    }

    private void Finish(TrackedAction action)
    {
        var loadId = action.Action.Parameter("loadId") ?? action.Action.Parameter("containerId");
        (action.Status, action.Result) = action.Action.ActionType switch
        {
            ActionTypes.Pick when loadId is null => (ActionStatus.Failed, "pick names no loadId."),
            ActionTypes.Pick => Pick(loadId, action.Action.Parameter("loadType")),
            ActionTypes.Drop when loadId is not null && loads.RemoveAll(l => l.LoadId == loadId) == 0 => (ActionStatus.Failed, $"load {loadId} is not on the vehicle."),
            ActionTypes.Drop => DropAll(loadId),
            ActionTypes.StartCharging => (ActionStatus.Finished, Charge(true)),
            ActionTypes.StopCharging => (ActionStatus.Finished, Charge(false)),
            _ => (ActionStatus.Failed, "unsupported action."),
        };
        Changed = true;
    }

    private (ActionStatus, string) Pick(string loadId, string? loadType)
    {
        loads.Add(new Load(loadId, loadType));
        return (ActionStatus.Finished, $"picked {loadId}");
    }

    private (ActionStatus, string) DropAll(string? loadId)
    {
        if (loadId is null) loads.Clear();
        return (ActionStatus.Finished, loadId is null ? "dropped every load" : $"dropped {loadId}");
    }

    private string Charge(bool on)
    {
        Charging = on;
        return on ? "charging" : "charging stopped";
    }

    private void CancelOrder(TrackedAction cancel)
    {
        if (!HasOrderWork)
        {
            cancel.Status = ActionStatus.Failed;
            Reject(OrderValidation.Error("noOrderToCancel", "there is no order to cancel.", ("actionId", cancel.Action.ActionId)));
            return;
        }
        // Stops where it is (6.6.3); waiting and running order actions fail; orderId and orderUpdateId are kept.
        nodes.Clear();
        edges.Clear();
        nodeActionQueue.Clear();
        foreach (var a in actions.Where(a => a.IsOrderAction && a.Status is ActionStatus.Waiting or ActionStatus.Initializing or ActionStatus.Running))
        {
            a.Status = ActionStatus.Failed;
            a.Result = "order cancelled";
        }
    }
}
