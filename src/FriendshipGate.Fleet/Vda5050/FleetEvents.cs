namespace FriendshipGate.Fleet;

/// <summary>A vehicle the fleet commands, with the VDA 5050 version it speaks.</summary>
public sealed record FleetVehicle(VehicleId Id, Vda5050Version Version);

/// <summary>Something the fleet link learned about a vehicle.</summary>
public abstract record FleetEvent(VehicleId Vehicle);

public sealed record VehicleStateReceived(VehicleId Vehicle, StateMessage State) : FleetEvent(Vehicle);

public sealed record VehicleConnectionChanged(VehicleId Vehicle, ConnectionState Connection) : FleetEvent(Vehicle);

public sealed record VehicleFactsheetReceived(VehicleId Vehicle, FactsheetMessage Factsheet) : FleetEvent(Vehicle);

/// <summary>The vehicle's connection is OFFLINE or CONNECTIONBROKEN, or it sent no state within the silence timeout.</summary>
public sealed record VehicleSilent(VehicleId Vehicle, string Reason) : FleetEvent(Vehicle);

/// <summary>A silent vehicle sent a state again.</summary>
public sealed record VehicleFound(VehicleId Vehicle) : FleetEvent(Vehicle);

/// <summary>A vehicle not in the fleet's list published on the broker; it is recorded and never commanded.</summary>
public sealed record UnknownVehicleSeen(VehicleId Vehicle, string Topic) : FleetEvent(Vehicle);

/// <summary>A message from a known vehicle that could not be read (not JSON of its topic, or another version).</summary>
public sealed record VehicleMessageRefused(VehicleId Vehicle, string Topic, string Reason) : FleetEvent(Vehicle);

/// <summary>What the fleet knows of one vehicle at a moment.</summary>
public sealed record VehicleStatus(
    VehicleId Id,
    Vda5050Version Version,
    ConnectionState? Connection,
    StateMessage? State,
    DateTimeOffset? StateReceivedAt,
    FactsheetMessage? Factsheet,
    bool IsSilent,
    string? SilentReason);
