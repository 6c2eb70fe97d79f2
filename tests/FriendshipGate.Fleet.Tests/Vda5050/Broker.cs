using System.Net.Sockets;
using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// The Mosquitto broker the tests run against: FGATE_MQTT (HOST:PORT) or 127.0.0.1:1883, as test.sh starts it. A test
/// that needs it fails, never skips, when it is not there.
/// </summary>
internal static class Broker
{
    public static BrokerAddress Address { get; } = BrokerAddress.Parse(Environment.GetEnvironmentVariable("FGATE_MQTT") is { Length: > 0 } s ? s : "127.0.0.1:1883");

    public static BrokerAddress Required()
    {
        using var tcp = new TcpClient();
        try
        {
            tcp.Connect(Address.Host, Address.Port);
        }
        catch (SocketException e)
        {
            Assert.Fail($"no MQTT broker at {Address} ({e.SocketErrorCode}): start Mosquitto as test.sh does, or set FGATE_MQTT=HOST:PORT.");
        }
        return Address;
    }

    /// <summary>A manufacturer name no other test uses, so tests running side by side never see each other's vehicles.</summary>
    public static string UniqueManufacturer(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";
}
