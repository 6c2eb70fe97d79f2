namespace FriendshipGate.Hydrology;

/// <summary>One reading of a gauging station: water level (m), discharge (m³/s), rainfall (mm); at least one of them.</summary>
public sealed record Observation(
    StationCode Station,
    string River,
    DateTimeOffset ObservedAt,
    double? WaterLevelM,
    double? DischargeM3s,
    double? RainfallMm);

/// <summary>What a client posts; <see cref="ObservationRules"/> turns it into an <see cref="Observation"/> or names each error.</summary>
public sealed record ObservationInput(
    string? Station,
    string? River,
    DateTimeOffset? ObservedAt,
    double? WaterLevelM,
    double? DischargeM3s,
    double? RainfallMm);

/// <summary>An observation as stored on a node: its origin side and the exchange message that carried it.</summary>
public sealed record StoredObservation(
    string Station,
    string River,
    string Origin,
    DateTimeOffset ObservedAt,
    double? WaterLevelM,
    double? DischargeM3s,
    double? RainfallMm,
    string MessageId,
    DateTimeOffset RecordedAt);
