namespace FriendshipGate.Fleet;

/// <summary>How a simulated vehicle is set up: who it is, where it starts, how fast it drives and reports.</summary>
public sealed record SimulatedVehicleOptions
{
    public SimulatedVehicleOptions(BrokerAddress broker, VehicleId id, Vda5050Version version)
    {
        Broker = broker;
        Id = id;
        Version = version ?? throw new ArgumentNullException(nameof(version));
    }

    public BrokerAddress Broker { get; }
    public VehicleId Id { get; }
    public Vda5050Version Version { get; }
    public Vda5050Topics Topics { get; init; } = new();

    /// <summary>Driving speed in m/s (edges may set a lower maxSpeed).</summary>
    public double SpeedMetersPerSecond { get; init; } = 8.0;

    public double StartX { get; init; }
    public double StartY { get; init; }
    public string MapId { get; init; } = "huu-nghi";

    /// <summary>The node the vehicle stands on at start, reported as lastNodeId; empty when it stands on none.</summary>
    public string StartNodeId { get; init; } = "";

    /// <summary>State is published on every change and at least this often.</summary>
    public TimeSpan StateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the vehicle moves and checks its actions.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one pick or drop takes.</summary>
    public TimeSpan HandlingDuration { get; init; } = TimeSpan.FromSeconds(2);

    public double BatteryPercent { get; init; } = 100;

    /// <summary>Battery used per kilometre driven, in percent.</summary>
    public double DrainPercentPerKm { get; init; } = 2;

    /// <summary>Battery gained per second while charging, in percent.</summary>
    public double ChargePercentPerSecond { get; init; } = 0.5;

    /// <summary>How far from a node's position the vehicle may stand and still count as on it, in metres.</summary>
    public double DefaultDeviationMeters { get; init; } = 0.5;

    /// <exception cref="ArgumentException">A speed, interval or rate that cannot work.</exception>
    public SimulatedVehicleOptions Validated()
    {
        if (!(SpeedMetersPerSecond > 0) || double.IsInfinity(SpeedMetersPerSecond)) throw new ArgumentException($"speed {SpeedMetersPerSecond} m/s must be positive.");
        if (StateInterval <= TimeSpan.Zero || TickInterval <= TimeSpan.Zero) throw new ArgumentException("state and tick intervals must be positive.");
        if (HandlingDuration < TimeSpan.Zero) throw new ArgumentException("handling duration must not be negative.");
        if (BatteryPercent is < 0 or > 100) throw new ArgumentException($"battery {BatteryPercent} % is not 0 to 100.");
        if (DrainPercentPerKm < 0 || ChargePercentPerSecond < 0 || DefaultDeviationMeters < 0) throw new ArgumentException("drain, charge and deviation must not be negative.");
        if (string.IsNullOrWhiteSpace(MapId)) throw new ArgumentException("the map id is empty.");
        return this;
    }
}
