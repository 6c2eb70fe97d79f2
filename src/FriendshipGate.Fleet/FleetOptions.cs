namespace FriendshipGate.Fleet;

/// <summary>Settings of the Fleet module on one node (node.json section "Fleet"); off unless enabled.</summary>
public sealed record FleetOptions
{
    public bool Enabled { get; init; }

    /// <summary>The MQTT broker (HOST:PORT); none: an embedded broker on loopback, on <see cref="EmbeddedBrokerPort"/> (0: any free port).</summary>
    public string? Broker { get; init; }

    public int EmbeddedBrokerPort { get; init; }

    /// <summary>The vehicles the fleet commands; each joins when it comes online, whoever runs it.</summary>
    public IReadOnlyList<FleetVehicle> Vehicles { get; init; } = [];

    /// <summary>Simulated vehicles the node runs itself (the demo), as manufacturer "FriendshipGate-sim", serials IGV-01...</summary>
    public int SimulatedVehicles { get; init; }

    /// <summary>The road graph file; none: the Huu Nghi road shipped in data/fleet.</summary>
    public string? RoadFile { get; init; }

    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
