namespace FriendshipGate.Fleet.Tests;

/// <summary>How the command center's map reads a vehicle from its latest VDA 5050 state.</summary>
public sealed class VehicleOnMapTests
{
    private static readonly RoadGraph Graph = RoadGraphLoader.LoadDefault();
    private static readonly VehicleId Id = new("M", "7");

    [Fact]
    public void TheReportedPosition_HeadingAndContainer_AreTaken()
    {
        var vehicle = VehicleOnMap.Of(Status(State() with { Loads = [new Load("MSCU1234565")] }), Graph);
        Assert.Equal(new VehicleOnMap("M/7", 1200, 3.5, 0.25, "MSCU1234565", VehicleActivity.Driving), vehicle);
    }

    [Fact]
    public void WithoutAnInitialisedPosition_TheLastNodeOfTheMapIsUsed_WithNoHeading()
    {
        var vehicle = VehicleOnMap.Of(Status(State() with { AgvPosition = null, LastNodeId = "BORDER" }), Graph);
        Assert.Equal((500.0, 3.0, (double?)null), (vehicle.X!.Value, vehicle.Y!.Value, vehicle.Heading));
    }

    [Fact]
    public void APositionOnAnotherMap_FallsBackToTheLastNode_AndWithoutOneLeavesTheVehicleOffTheMap()
    {
        var elsewhere = State() with { AgvPosition = new AgvPosition(1, 2, 0, "elsewhere", true) };
        Assert.Equal(1225, VehicleOnMap.Of(Status(elsewhere), Graph).X);
        Assert.Null(VehicleOnMap.Of(Status(elsewhere with { LastNodeId = "" }), Graph).X);
        Assert.Equal(VehicleActivity.Silent, VehicleOnMap.Of(new VehicleStatus(Id, Vda5050Version.V2_1, ConnectionState.Online, null, null, null, false, null), Graph).Activity);
    }

    [Fact]
    public void Silence_WinsOverAnError_WhichWinsOverCharging_WhichWinsOverDriving()
    {
        var fatal = new VdaError("e", ErrorLevel.Fatal);
        var charging = new BatteryState(40, Charging: true);
        Assert.Equal(VehicleActivity.Silent, VehicleOnMap.Of(Status(State() with { Errors = [fatal] }, silent: true), Graph).Activity);
        Assert.Equal(VehicleActivity.Error, VehicleOnMap.Of(Status(State() with { Errors = [fatal], BatteryState = charging }), Graph).Activity);
        Assert.Equal(VehicleActivity.Driving, VehicleOnMap.Of(Status(State() with { Errors = [new VdaError("w", ErrorLevel.Warning)] }), Graph).Activity);
        Assert.Equal(VehicleActivity.Charging, VehicleOnMap.Of(Status(State() with { BatteryState = charging }), Graph).Activity);
        Assert.Equal(VehicleActivity.Waiting, VehicleOnMap.Of(Status(State() with { Driving = false }), Graph).Activity);
    }

    private static VehicleStatus Status(StateMessage state, bool silent = false) =>
        new(Id, Vda5050Version.V2_1, ConnectionState.Online, state, DateTimeOffset.UnixEpoch, null, silent, silent ? "no state for 11 s" : null);

    private static StateMessage State() => new()
    {
        HeaderId = 1, Timestamp = DateTimeOffset.UnixEpoch, Version = "2.1.0", Manufacturer = "M", SerialNumber = "7",
        OrderId = "", OrderUpdateId = 0, LastNodeId = "R-1225", LastNodeSequenceId = 0, Driving = true,
        OperatingMode = OperatingMode.Automatic, NodeStates = [], EdgeStates = [],
        AgvPosition = new AgvPosition(1200, 3.5, 0.25, Graph.MapId, PositionInitialized: true),
        ActionStates = [], BatteryState = new BatteryState(80, Charging: false), Errors = [], SafetyState = new SafetyState(EStop.None, false),
    };
}
