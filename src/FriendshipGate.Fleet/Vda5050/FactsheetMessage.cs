using System.Text.Json.Serialization;

namespace FriendshipGate.Fleet;

public enum AgvKinematic { Diff, Omni, ThreeWheel }
public enum AgvClass { Forklift, Conveyor, Tugger, Carrier }
public enum ActionScope { Instant, Node, Edge }
public enum ParameterSupport { Supported, Required }

/// <summary>The factsheet topic: what kind of vehicle this is and which actions it understands.</summary>
public sealed record FactsheetMessage : Vda5050Message
{
    public required TypeSpecification TypeSpecification { get; init; }
    public required PhysicalParameters PhysicalParameters { get; init; }
    public required ProtocolLimits ProtocolLimits { get; init; }
    public required ProtocolFeatures ProtocolFeatures { get; init; }
    public required AgvGeometry AgvGeometry { get; init; }
    public required LoadSpecification LoadSpecification { get; init; }

    /// <summary>2.1 only.</summary>
    public VehicleConfig? VehicleConfig { get; init; }

    /// <summary>As the given version writes it: 2.0 has no vehicleConfig and no blockingTypes per action.</summary>
    public FactsheetMessage ForVersion(Vda5050Version version) => version.Has21Fields ? this with { Version = version.Text } : this with
    {
        Version = version.Text,
        VehicleConfig = null,
        ProtocolFeatures = ProtocolFeatures with { AgvActions = [.. ProtocolFeatures.AgvActions.Select(a => a with { BlockingTypes = null })] },
    };
}

/// <summary>localizationTypes and navigationTypes are strings: their enums use underscores (AUTONOMOUS, VIRTUAL_LINE_GUIDED).</summary>
public sealed record TypeSpecification(string SeriesName, AgvKinematic AgvKinematic, AgvClass AgvClass, double MaxLoadMass,
    IReadOnlyList<string> LocalizationTypes, IReadOnlyList<string> NavigationTypes, string? SeriesDescription = null);

public sealed record PhysicalParameters(double SpeedMin, double SpeedMax, double AccelerationMax, double DecelerationMax,
    double HeightMax, double Width, double Length, double? HeightMin = null);

public sealed record ProtocolLimits(MaxStringLens MaxStringLens, IReadOnlyDictionary<string, int> MaxArrayLens, Timing Timing);

public sealed record MaxStringLens(int? MsgLen = null, int? TopicSerialLen = null, int? TopicElemLen = null, int? IdLen = null, bool? IdNumericalOnly = null, int? EnumLen = null, int? LoadIdLen = null);

/// <summary>Intervals in seconds.</summary>
public sealed record Timing(double MinOrderInterval, double MinStateInterval, double? DefaultStateInterval = null, double? VisualizationInterval = null);

public sealed record ProtocolFeatures(IReadOnlyList<OptionalParameter> OptionalParameters, IReadOnlyList<AgvActionDefinition> AgvActions);

public sealed record OptionalParameter(string Parameter, ParameterSupport Support, string? Description = null);

/// <summary>
/// An action the vehicle understands. BlockingTypes is 2.1 only, and the published 2.1.0 factsheet.schema declares it as
/// an array carrying an enum of strings, which no array satisfies: a factsheet that fills it fails that schema.
/// </summary>
public sealed record AgvActionDefinition(string ActionType, IReadOnlyList<ActionScope> ActionScopes, string? ActionDescription = null,
    IReadOnlyList<ActionParameterDefinition>? ActionParameters = null, string? ResultDescription = null, IReadOnlyList<BlockingType>? BlockingTypes = null);

/// <summary>valueDataType is one of BOOL, NUMBER, INTEGER, FLOAT, STRING, OBJECT, ARRAY.</summary>
public sealed record ActionParameterDefinition(string Key, string ValueDataType, string? Description = null, bool? IsOptional = null);

public sealed record AgvGeometry;

public sealed record LoadSpecification(IReadOnlyList<string>? LoadPositions = null, IReadOnlyList<LoadSet>? LoadSets = null);

public sealed record LoadSet(string SetName, string LoadType, string? Description = null);

public sealed record VehicleConfig(IReadOnlyList<VersionInfo>? Versions = null);

public sealed record VersionInfo([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("value")] string Value);
