using System.Text;
using System.Text.Json.Nodes;
using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>Every kind of message the fleet and the simulated vehicle write validates against its version's official schema.</summary>
public sealed class MessageSchemaTests
{
    public static TheoryData<string> Versions => ["2.0.0", "2.1.0"];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Order_WithHorizonAndPick_IsValid(string versionText)
    {
        var version = Vda5050Version.Parse(versionText);
        var order = Samples.Order(version);
        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.Order, order.ForVersion(version)));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void State_DuringAnOrderWithLoadsAndErrors_IsValid(string versionText)
    {
        var version = Vda5050Version.Parse(versionText);
        var (brain, time) = Samples.Brain(version);
        brain.Receive(Samples.Order(version), 1);
        time.Advance(TimeSpan.FromSeconds(1));
        brain.Advance(time.GetUtcNow());
        brain.InjectFault("laser scanner dirty");
        brain.Receive(Samples.Order(version) with { OrderUpdateId = 0, OrderId = "other" }, 2); // rejected: still busy
        var state = brain.Snapshot(7, time.GetUtcNow());

        Assert.NotEmpty(state.NodeStates);
        Assert.Contains(state.Errors, e => e.ErrorLevel == ErrorLevel.Fatal);
        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.State, state));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void InstantActions_Factsheet_Connection_AreValid(string versionText)
    {
        var version = Vda5050Version.Parse(versionText);
        var actions = new InstantActionsMessage
        {
            HeaderId = 3, Timestamp = ManualTime.DefaultStart, Version = version.Text, Manufacturer = "M", SerialNumber = "1",
            Actions = [VdaAction.Instant(ActionTypes.CancelOrder, BlockingType.Hard), VdaAction.Instant(ActionTypes.FactsheetRequest)],
        }.ForVersion(version);
        var options = new SimulatedVehicleOptions(new BrokerAddress("localhost", 1883), new VehicleId("M", "1"), version);
        var connection = new ConnectionMessage
        {
            HeaderId = 0, Timestamp = ManualTime.DefaultStart, Version = version.Text, Manufacturer = "M", SerialNumber = "1",
            ConnectionState = ConnectionState.ConnectionBroken,
        };

        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.InstantActions, actions));
        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.Factsheet, SimulatedFactsheet.For(options, 0, ManualTime.DefaultStart)));
        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.Connection, connection));
        Assert.Contains("\"CONNECTIONBROKEN\"", Encoding.UTF8.GetString(Vda5050Json.Serialize(connection)));
    }

    [Fact]
    public void Version20_WritesOnlyWhat20Defines()
    {
        var order = Json(Samples.Order(Vda5050Version.V2_0).ForVersion(Vda5050Version.V2_0));
        var (brain, time) = Samples.Brain(Vda5050Version.V2_0);
        var state = Json(brain.Snapshot(0, time.GetUtcNow()));
        var actions = Json(new InstantActionsMessage
        {
            HeaderId = 0, Timestamp = ManualTime.DefaultStart, Version = "2.0.0", Manufacturer = "M", SerialNumber = "1",
            Actions = [VdaAction.Instant(ActionTypes.StartPause)],
        }.ForVersion(Vda5050Version.V2_0));

        Assert.Equal(0.5, order["nodes"]![0]!["nodePosition"]!["allowedDeviationXy"]!.GetValue<double>());
        Assert.Null(order["nodes"]![0]!["nodePosition"]!["allowedDeviationXY"]);
        Assert.Null(state["maps"]);
        // The published 2.0.0 instantActions.schema requires actionName; the 2.0 text says actionType: both are written.
        Assert.Equal("startPause", actions["actions"]![0]!["actionName"]!.GetValue<string>());
        Assert.Equal("startPause", actions["actions"]![0]!["actionType"]!.GetValue<string>());
    }

    [Fact]
    public void Version21_HasMapsAndNoActionName()
    {
        var (brain, time) = Samples.Brain(Vda5050Version.V2_1);
        var state = Json(brain.Snapshot(0, time.GetUtcNow()));
        var actions = Json(new InstantActionsMessage
        {
            HeaderId = 0, Timestamp = ManualTime.DefaultStart, Version = "2.1.0", Manufacturer = "M", SerialNumber = "1",
            Actions = [VdaAction.Instant(ActionTypes.StartPause)],
        }.ForVersion(Vda5050Version.V2_1));

        Assert.Equal("huu-nghi", state["maps"]![0]!["mapId"]!.GetValue<string>());
        Assert.Null(actions["actions"]![0]!["actionName"]);
    }

    [Fact]
    public void Version20_RefusesObjectValuedParameters()
    {
        var action = VdaAction.Instant("custom") with { ActionParameters = [new ActionParameter("box", System.Text.Json.JsonSerializer.SerializeToElement(new { a = 1 }))] };
        var message = new InstantActionsMessage
        {
            HeaderId = 0, Timestamp = ManualTime.DefaultStart, Version = "2.0.0", Manufacturer = "M", SerialNumber = "1", Actions = [action],
        };

        Assert.Throws<ArgumentException>(() => message.ForVersion(Vda5050Version.V2_0));
        Assert.Empty(SchemaValidator.Validate(Vda5050Topics.InstantActions, message.ForVersion(Vda5050Version.V2_1)));
    }

    private static JsonNode Json<T>(T message) => JsonNode.Parse(Vda5050Json.Serialize(message))!;
}
