namespace FriendshipGate.Fleet;

public enum OperatingMode { Automatic, SemiAutomatic, Manual, Service, TeachIn }
// The text of 6.10.6 also names PAUSED, but neither version's state.schema allows it: this enum keeps to the schemas.
public enum ActionStatus { Waiting, Initializing, Running, Finished, Failed }
public enum ErrorLevel { Warning, Fatal }
public enum InfoLevel { Info, Debug }
public enum EStop { AutoAck, Manual, Remote, None }
public enum MapStatus { Enabled, Disabled }

/// <summary>The state topic: where the vehicle is, what it still has to drive and do, battery, loads and errors.</summary>
public sealed record StateMessage : Vda5050Message
{
    /// <summary>2.1 only.</summary>
    public IReadOnlyList<MapState>? Maps { get; init; }

    public required string OrderId { get; init; }
    public required long OrderUpdateId { get; init; }
    public string? ZoneSetId { get; init; }
    public required string LastNodeId { get; init; }
    public required long LastNodeSequenceId { get; init; }
    public required bool Driving { get; init; }
    public bool? Paused { get; init; }
    public bool? NewBaseRequest { get; init; }
    public double? DistanceSinceLastNode { get; init; }
    public required OperatingMode OperatingMode { get; init; }
    public required IReadOnlyList<NodeState> NodeStates { get; init; }
    public required IReadOnlyList<EdgeState> EdgeStates { get; init; }
    public AgvPosition? AgvPosition { get; init; }
    public Velocity? Velocity { get; init; }
    public IReadOnlyList<Load>? Loads { get; init; }
    public required IReadOnlyList<ActionState> ActionStates { get; init; }
    public required BatteryState BatteryState { get; init; }
    public required IReadOnlyList<VdaError> Errors { get; init; }
    public IReadOnlyList<VdaInfo>? Information { get; init; }
    public required SafetyState SafetyState { get; init; }

    /// <summary>
    /// As the given version writes it: 2.0 has no maps or errorHint, and its nodeState positions require theta
    /// (a position without theta is left out there).
    /// </summary>
    public StateMessage ForVersion(Vda5050Version version) => version.Has21Fields ? this with { Version = version.Text } : this with
    {
        Version = version.Text,
        Maps = null,
        Errors = [.. Errors.Select(e => e with { ErrorHint = null })],
        NodeStates = [.. NodeStates.Select(n => n.NodePosition is { Theta: null } ? n with { NodePosition = null } : n)],
    };
}

public sealed record MapState(string MapId, string MapVersion, MapStatus MapStatus, string? MapDescription = null);

public sealed record NodeStatePosition(double X, double Y, string MapId, double? Theta = null);

public sealed record NodeState(string NodeId, long SequenceId, bool Released, string? NodeDescription = null, NodeStatePosition? NodePosition = null);

public sealed record EdgeState(string EdgeId, long SequenceId, bool Released, string? EdgeDescription = null);

public sealed record AgvPosition(double X, double Y, double Theta, string MapId, bool PositionInitialized, double? LocalizationScore = null, double? DeviationRange = null);

public sealed record Velocity(double? Vx = null, double? Vy = null, double? Omega = null);

public sealed record Load(string? LoadId = null, string? LoadType = null, string? LoadPosition = null, double? Weight = null);

public sealed record ActionState(string ActionId, ActionStatus ActionStatus, string? ActionType = null, string? ActionDescription = null, string? ResultDescription = null);

/// <summary>batteryHealth and reach are whole numbers: 2.0 types them as integers, 2.1 as numbers.</summary>
public sealed record BatteryState(double BatteryCharge, bool Charging, double? BatteryVoltage = null, int? BatteryHealth = null, long? Reach = null);

public sealed record ErrorReference(string ReferenceKey, string ReferenceValue);

public sealed record VdaError(string ErrorType, ErrorLevel ErrorLevel, string? ErrorDescription = null, IReadOnlyList<ErrorReference>? ErrorReferences = null, string? ErrorHint = null);

public sealed record VdaInfo(string InfoType, InfoLevel InfoLevel, string? InfoDescription = null, IReadOnlyList<ErrorReference>? InfoReferences = null);

public sealed record SafetyState(EStop EStop, bool FieldViolation);
