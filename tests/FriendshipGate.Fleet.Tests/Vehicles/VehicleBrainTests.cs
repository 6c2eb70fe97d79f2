using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>The simulated vehicle's decisions in virtual time, without a broker.</summary>
public sealed class VehicleBrainTests
{
    private readonly VehicleBrain brain;
    private readonly ManualTime time;

    public VehicleBrainTests() => (brain, time) = Samples.Brain(Vda5050Version.V2_1);

    [Fact]
    public void Order_IsDrivenToTheDecisionPoint_WithPickAndDrop_AndWaitsBeforeTheHorizon()
    {
        brain.Receive(Samples.Order(Vda5050Version.V2_1), 0);
        Run(seconds: 10);

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Equal(("C", 4L), (state.LastNodeId, state.LastNodeSequenceId));
        Assert.Equal((20.0, 20.0), (state.AgvPosition!.X, state.AgvPosition.Y));
        Assert.Empty(state.Loads!); // picked at B, dropped at C
        Assert.All(state.ActionStates, a => Assert.Equal(ActionStatus.Finished, a.ActionStatus));
        Assert.Equal(["D"], state.NodeStates.Select(n => n.NodeId));
        Assert.False(state.NodeStates[0].Released);
        Assert.False(state.Driving);
        Assert.True(state.NewBaseRequest);
        Assert.True(state.BatteryState.BatteryCharge < 100);
    }

    [Fact]
    public void Pick_PutsTheContainerOnTheVehicle()
    {
        brain.Receive(Samples.Order(Vda5050Version.V2_1), 0);
        Run(seconds: 2.7); // 20 m at 10 m/s, then the pick takes 0.5 s, then on towards C

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Equal("B", state.LastNodeId);
        Assert.Equal(Samples.Container, Assert.Single(state.Loads!).LoadId);
    }

    [Fact]
    public void OrderUpdate_ExtendsTheBase_AndTheVehicleGoesOn()
    {
        var order = Samples.Order(Vda5050Version.V2_1);
        brain.Receive(order, 0);
        Run(seconds: 10);
        brain.Receive(Update(order, 1, stitching: order.Nodes[2]), 1);
        Run(seconds: 5);

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Empty(state.Errors);
        Assert.Equal((1L, "E", 8L), (state.OrderUpdateId, state.LastNodeId, state.LastNodeSequenceId));
        Assert.Empty(state.NodeStates);
    }

    [Fact]
    public void LowerOrderUpdateId_IsRejected_AndTheOrderGoesOn()
    {
        var order = Samples.Order(Vda5050Version.V2_1);
        brain.Receive(order, 0);
        brain.Receive(Update(order, 2, order.Nodes[2]), 1);
        brain.Receive(Update(order, 1, order.Nodes[2]) with { Nodes = [order.Nodes[2] with { SequenceId = 4 }, .. Update(order, 1, order.Nodes[2]).Nodes.Skip(1)] }, 2);
        Run(seconds: 10);

        var state = brain.Snapshot(0, time.GetUtcNow());
        var error = Assert.Single(state.Errors);
        Assert.Equal(("orderUpdateError", ErrorLevel.Warning), (error.ErrorType, error.ErrorLevel));
        Assert.Contains(error.ErrorReferences!, r => r is { ReferenceKey: "orderUpdateId", ReferenceValue: "1" });
        Assert.Equal((2L, "E"), (state.OrderUpdateId, state.LastNodeId));
    }

    [Fact]
    public void Update_NotStartingAtTheDecisionPoint_IsRejected()
    {
        var order = Samples.Order(Vda5050Version.V2_1);
        brain.Receive(order, 0);
        brain.Receive(Update(order, 1, stitching: order.Nodes[1]), 1);

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Equal("orderUpdateError", Assert.Single(state.Errors).ErrorType);
        Assert.Equal(0, state.OrderUpdateId);
    }

    [Fact]
    public void NewOrder_AwayFromTheVehicle_IsRejected()
    {
        var far = Samples.Order(Vda5050Version.V2_1);
        far = far with { Nodes = [far.Nodes[0] with { NodePosition = far.Nodes[0].NodePosition! with { X = 500 } }, .. far.Nodes.Skip(1)] };
        brain.Receive(far, 0);

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Equal("orderError", Assert.Single(state.Errors).ErrorType);
        Assert.Equal("", state.OrderId);
    }

    [Fact]
    public void MalformedOrder_IsAValidationError()
    {
        var order = Samples.Order(Vda5050Version.V2_1);
        brain.Receive(order with { Edges = order.Edges.Skip(1).ToList() }, 0);

        Assert.Equal("validationError", Assert.Single(brain.Snapshot(0, time.GetUtcNow()).Errors).ErrorType);
    }

    [Fact]
    public void Fault_StopsDriving_UntilCleared()
    {
        brain.Receive(Samples.Order(Vda5050Version.V2_1), 0);
        brain.InjectFault("drive fault");
        Run(seconds: 3);
        Assert.Equal("A", brain.LastNodeId);

        brain.ClearFault();
        Run(seconds: 10);
        Assert.Equal("C", brain.LastNodeId);
    }

    [Fact]
    public void CancelOrder_WithoutOrder_FailsWithNoOrderToCancel()
    {
        var cancel = VdaAction.Instant(ActionTypes.CancelOrder, BlockingType.Hard);
        brain.Receive(new InstantActionsMessage { HeaderId = 0, Timestamp = time.GetUtcNow(), Version = "2.1.0", Manufacturer = "M", SerialNumber = "1", Actions = [cancel] });

        var state = brain.Snapshot(0, time.GetUtcNow());
        Assert.Equal(ActionStatus.Failed, Assert.Single(state.ActionStates).ActionStatus);
        var error = Assert.Single(state.Errors);
        Assert.Equal("noOrderToCancel", error.ErrorType);
        Assert.Contains(error.ErrorReferences!, r => r.ReferenceValue == cancel.ActionId);
    }

    [Fact]
    public void Pause_HoldsTheVehicle_AndCharging_FillsTheBattery()
    {
        brain.Receive(Samples.Order(Vda5050Version.V2_1), 0);
        Instant(ActionTypes.StartPause);
        Run(seconds: 3);
        Assert.Equal("A", brain.LastNodeId);

        Instant(ActionTypes.StopPause);
        Run(seconds: 10);
        var drained = brain.Battery;
        Instant(ActionTypes.StartCharging);
        Run(seconds: 4);
        Assert.True(brain.Charging);
        Assert.True(brain.Battery > drained);
    }

    private void Instant(string type) => brain.Receive(new InstantActionsMessage
    {
        HeaderId = 0, Timestamp = time.GetUtcNow(), Version = "2.1.0", Manufacturer = "M", SerialNumber = "1", Actions = [VdaAction.Instant(type, BlockingType.Hard)],
    });

    private static OrderMessage Update(OrderMessage order, long updateId, OrderNode stitching)
    {
        var d = new OrderNode { NodeId = "D", SequenceId = stitching.SequenceId + 2, Released = true, NodePosition = Samples.D.Position };
        var e = new OrderNode { NodeId = "E", SequenceId = stitching.SequenceId + 4, Released = true, NodePosition = Samples.E.Position };
        return order with
        {
            OrderUpdateId = updateId,
            Nodes = [stitching, d, e],
            Edges =
            [
                new OrderEdge { EdgeId = "x1", SequenceId = stitching.SequenceId + 1, Released = true, StartNodeId = stitching.NodeId, EndNodeId = "D" },
                new OrderEdge { EdgeId = "x2", SequenceId = stitching.SequenceId + 3, Released = true, StartNodeId = "D", EndNodeId = "E" },
            ],
        };
    }

    private void Run(double seconds)
    {
        for (var t = 0.0; t < seconds; t += 0.1)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            brain.Advance(time.GetUtcNow());
        }
    }
}
