using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>The fleet link and simulated vehicles as separate MQTT clients on a real Mosquitto broker.</summary>
public sealed class FleetOverMqttTests
{
    public static TheoryData<string> Versions => ["2.0", "2.1"];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Vehicle_ComesOnline_WithFactsheet_DrivesAnOrder_PicksAndDrops(string versionText)
    {
        var version = Vda5050Version.Parse(versionText);
        await using var fleet = await FleetHarness.StartAsync("Drive", [("IGV-1", version)]);
        var id = fleet.Id("IGV-1");
        await fleet.StartVehicleAsync("IGV-1", version);

        var online = await fleet.WaitForAsync(id, s => s.Connection == ConnectionState.Online && s.Factsheet is not null && s.State is not null, "online with factsheet");
        Assert.Equal(version.Text, online.Factsheet!.Version);
        Assert.Contains(online.Factsheet.ProtocolFeatures.AgvActions, a => a.ActionType == ActionTypes.Pick);

        await fleet.Link.SendOrderAsync(id, "order-1", [Samples.A, Samples.B, Samples.C]);
        var pickedUp = await fleet.WaitForAsync(id, s => s.State?.Loads?.Any(l => l.LoadId == Samples.Container) == true, "the pick at B");
        var done = await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "C", NodeStates.Count: 0, Driving: false } st
            && st.ActionStates.Count == 2 && st.ActionStates.All(a => a.ActionStatus == ActionStatus.Finished), "the order to finish");

        Assert.Equal("order-1", done.State!.OrderId);
        Assert.Empty(done.State.Loads!);
        Assert.Equal((20.0, 20.0), (done.State.AgvPosition!.X, done.State.AgvPosition.Y));
        Assert.Equal(version.Text, done.State.Version);
        Assert.Contains(pickedUp.State!.ActionStates, a => a.ActionType == ActionTypes.Pick && a.ActionStatus == ActionStatus.Finished);
    }

    [Fact]
    public async Task OrderUpdate_ExtendsTheHorizon_AndTheVehicleContinues()
    {
        await using var fleet = await FleetHarness.StartAsync("Extend", [("IGV-1", Vda5050Version.V2_1)]);
        var id = fleet.Id("IGV-1");
        await fleet.StartVehicleAsync("IGV-1", Vda5050Version.V2_1);
        await fleet.WaitForAsync(id, s => s.State is not null, "a first state");

        await fleet.Link.SendOrderAsync(id, "order-2", [Samples.A, Samples.B], horizon: [Samples.C]);
        var waiting = await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "B", Driving: false } st
            && st.ActionStates.Any(a => a.ActionType == ActionTypes.Pick && a.ActionStatus == ActionStatus.Finished), "a stop at the decision point B");
        Assert.Equal(["C"], waiting.State!.NodeStates.Select(n => n.NodeId));
        // The drop at C is announced with the horizon but waits for it to be released.
        Assert.Contains(waiting.State.ActionStates, a => a.ActionType == ActionTypes.Drop && a.ActionStatus == ActionStatus.Waiting);
        Assert.True(waiting.State.NewBaseRequest);

        var update = await fleet.Link.ExtendOrderAsync(id, [Samples.C, Samples.D]);
        var done = await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "D", NodeStates.Count: 0 }, "the extended order to reach D");

        Assert.Equal(("B", 2L), (update.Nodes[0].NodeId, update.Nodes[0].SequenceId));
        Assert.Equal((1L, 6L), (done.State!.OrderUpdateId, done.State.LastNodeSequenceId));
        Assert.Empty(done.State.Errors);
        Assert.Empty(done.State.Loads!);
    }

    [Fact]
    public async Task SilentVehicle_IsReportedAfterTheTimeout_AndFoundWhenItResumes()
    {
        // The timeout is 12 state intervals: a busy CI machine must not make a reporting vehicle look silent.
        await using var fleet = await FleetHarness.StartAsync("Silent", [("IGV-1", Vda5050Version.V2_0)], silenceTimeout: TimeSpan.FromSeconds(3));
        var id = fleet.Id("IGV-1");
        var vehicle = await fleet.StartVehicleAsync("IGV-1", Vda5050Version.V2_0);
        await fleet.WaitForAsync(id, s => s.State is not null, "a first state");

        vehicle.GoSilent();
        var silent = await fleet.WaitForEventAsync<VehicleSilent>(e => e.Vehicle == id, "silence");
        Assert.StartsWith("no state for", silent.Reason);
        Assert.True(fleet.Link.Status(id).IsSilent);
        Assert.Equal(ConnectionState.Online, fleet.Link.Status(id).Connection);

        vehicle.Resume();
        await fleet.WaitForEventAsync<VehicleFound>(e => e.Vehicle == id, "the vehicle found again");
        await fleet.WaitForAsync(id, s => !s.IsSilent, "no longer silent");
    }

    [Fact]
    public async Task KilledVehicle_IsReportedConnectionBroken_ByItsLastWill()
    {
        await using var fleet = await FleetHarness.StartAsync("Killed", [("IGV-1", Vda5050Version.V2_1)], silenceTimeout: TimeSpan.FromMinutes(5));
        var id = fleet.Id("IGV-1");
        var vehicle = await fleet.StartVehicleAsync("IGV-1", Vda5050Version.V2_1);
        await fleet.WaitForAsync(id, s => s.Connection == ConnectionState.Online && s.State is not null, "online");

        await vehicle.KillAsync();

        var broken = await fleet.WaitForAsync(id, s => s.Connection == ConnectionState.ConnectionBroken, "CONNECTIONBROKEN");
        Assert.True(broken.IsSilent);
        Assert.Contains(fleet.Events, e => e is VehicleSilent s && s.Vehicle == id && s.Reason == "connection CONNECTIONBROKEN");
    }

    [Fact]
    public async Task WrongOrderUpdateId_IsRejectedWithAnErrorInState()
    {
        await using var fleet = await FleetHarness.StartAsync("Wrong", [("IGV-1", Vda5050Version.V2_0)]);
        var id = fleet.Id("IGV-1");
        await fleet.StartVehicleAsync("IGV-1", Vda5050Version.V2_0);
        await fleet.WaitForAsync(id, s => s.State is not null, "a first state");
        var order = await fleet.Link.SendOrderAsync(id, "order-3", [Samples.A, Samples.B], horizon: [Samples.C]);
        var update = await fleet.Link.ExtendOrderAsync(id, [Samples.C]);
        await fleet.WaitForAsync(id, s => s.State?.OrderUpdateId == 1, "the update accepted");

        await fleet.Link.PublishOrderAsync(id, order); // orderUpdateId 0 again, lower than 1

        var rejected = await fleet.WaitForAsync(id, s => s.State?.Errors.Any(e => e.ErrorType == "orderUpdateError") == true, "an orderUpdateError");
        var error = rejected.State!.Errors.Single(e => e.ErrorType == "orderUpdateError");
        Assert.Equal(ErrorLevel.Warning, error.ErrorLevel);
        Assert.Contains(error.ErrorReferences!, r => r is { ReferenceKey: "orderUpdateId", ReferenceValue: "0" });
        Assert.Equal(1, rejected.State.OrderUpdateId);
        await fleet.WaitForAsync(id, s => s.State?.LastNodeId == "C", "the vehicle to go on with update 1");
        Assert.Equal(1, update.OrderUpdateId);
    }

    [Fact]
    public async Task UnknownVehicle_IsRecordedAndNeverCommanded()
    {
        await using var fleet = await FleetHarness.StartAsync("Unknown", [("IGV-1", Vda5050Version.V2_1)]);
        await fleet.StartVehicleAsync("STRANGER", Vda5050Version.V2_1);
        var stranger = fleet.Id("STRANGER");

        await fleet.WaitForEventAsync<UnknownVehicleSeen>(e => e.Vehicle == stranger, "the stranger seen");

        Assert.Contains(stranger, fleet.Link.UnknownVehicles);
        Assert.DoesNotContain(fleet.Link.Vehicles, v => v.Id == stranger);
        await Assert.ThrowsAsync<InvalidOperationException>(() => fleet.Link.SendOrderAsync(stranger, "o", [Samples.A]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fleet.Link.CancelOrderAsync(stranger));
    }
}
