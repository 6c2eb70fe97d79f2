namespace FriendshipGate.Fleet;

public enum ConnectionState { Online, Offline, ConnectionBroken }

/// <summary>The connection topic: ONLINE and OFFLINE from the vehicle, CONNECTIONBROKEN as its last will (retained, QoS 1).</summary>
public sealed record ConnectionMessage : Vda5050Message
{
    public required ConnectionState ConnectionState { get; init; }
}
