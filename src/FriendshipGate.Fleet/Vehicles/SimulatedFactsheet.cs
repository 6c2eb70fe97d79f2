namespace FriendshipGate.Fleet;

/// <summary>The factsheet of the simulated container carrier: what it is and which actions it takes.</summary>
internal static class SimulatedFactsheet
{
    public static FactsheetMessage For(SimulatedVehicleOptions options, long headerId, DateTimeOffset now) => new FactsheetMessage
    {
        HeaderId = headerId,
        Timestamp = now,
        Version = options.Version.Text,
        Manufacturer = options.Id.Manufacturer,
        SerialNumber = options.Id.SerialNumber,
        TypeSpecification = new TypeSpecification("FriendshipGate simulated IGV", AgvKinematic.Diff, AgvClass.Carrier, MaxLoadMass: 40_000,
            LocalizationTypes: ["NATURAL"], NavigationTypes: ["AUTONOMOUS"], SeriesDescription: "simulated intelligent guided vehicle carrying one ISO container"),
        PhysicalParameters = new PhysicalParameters(SpeedMin: 0.1, SpeedMax: options.SpeedMetersPerSecond, AccelerationMax: 1, DecelerationMax: 1.5,
            HeightMax: 4.5, Width: 2.9, Length: 15.5, HeightMin: 1.2),
        ProtocolLimits = new ProtocolLimits(new MaxStringLens(IdLen: 64, TopicSerialLen: 64, EnumLen: 32, LoadIdLen: 11),
            new Dictionary<string, int> { ["order.nodes"] = 200, ["order.edges"] = 199, ["node.actions"] = 4, ["instantActions"] = 10 },
            new Timing(MinOrderInterval: 0.1, MinStateInterval: 0.1, DefaultStateInterval: options.StateInterval.TotalSeconds)),
        ProtocolFeatures = new ProtocolFeatures(
            [new OptionalParameter("order.nodes.nodePosition", ParameterSupport.Required, "drives by node positions only")],
            [
                Action(ActionTypes.Pick, [ActionScope.Node], [new("loadId", "STRING", "ISO 6346 container number"), new("stationType", "STRING"), new("loadType", "STRING")]),
                Action(ActionTypes.Drop, [ActionScope.Node], [new("loadId", "STRING", "ISO 6346 container number", IsOptional: true)]),
                Action(ActionTypes.StartCharging, [ActionScope.Instant, ActionScope.Node]),
                Action(ActionTypes.StopCharging, [ActionScope.Instant, ActionScope.Node]),
                Action(ActionTypes.StartPause, [ActionScope.Instant]),
                Action(ActionTypes.StopPause, [ActionScope.Instant]),
                Action(ActionTypes.CancelOrder, [ActionScope.Instant]),
                Action(ActionTypes.FactsheetRequest, [ActionScope.Instant]),
                Action(ActionTypes.StateRequest, [ActionScope.Instant]),
            ]),
        AgvGeometry = new AgvGeometry(),
        LoadSpecification = new LoadSpecification(LoadSets: [new LoadSet("container", "ISO6346-container", "one 20 ft or 40 ft container")]),
        VehicleConfig = new VehicleConfig([new VersionInfo("simulator", typeof(SimulatedFactsheet).Assembly.GetName().Version?.ToString() ?? "0")]),
    }.ForVersion(options.Version);

    private static AgvActionDefinition Action(string type, IReadOnlyList<ActionScope> scopes, IReadOnlyList<ActionParameterDefinition>? parameters = null) =>
        // blockingTypes is left out: the published 2.1.0 factsheet.schema puts its enum on the array itself, so no
        // array satisfies it (see docs/fleet/vda5050.md).
        new(type, scopes, ActionParameters: parameters);
}
