namespace FriendshipGate.Fleet;

/// <summary>Where the fleet's broker is and how long a vehicle may stay quiet before it counts as silent.</summary>
public sealed record FleetLinkOptions(BrokerAddress Broker)
{
    public Vda5050Topics Topics { get; init; } = new();

    /// <summary>A vehicle whose last state is older than this is silent. VDA 5050 asks for a state at least every 30 s;
    /// our vehicles send one every second, so a few seconds is a safe default.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public string ClientId { get; init; } = "fgate-fleet-" + Guid.NewGuid().ToString("N")[..12];
}
