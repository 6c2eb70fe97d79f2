using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace FriendshipGate.Fleet;

/// <summary>
/// An MQTT broker inside the process (MQTTnet's server) on 127.0.0.1, for the demo when no broker is configured:
/// any MQTT tool can watch the traffic on <see cref="Address"/>. Tests and production use Mosquitto.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        this.server = server;
        Address = new BrokerAddress(IPAddress.Loopback.ToString(), port);
    }

    public BrokerAddress Address { get; }

    /// <summary>Starts on <paramref name="port"/>, or on a free port when it is null.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int? port = null)
    {
        // MQTTnet does not report the port it bound for port 0, so a free one is found first; another process may take
        // it in between, hence a few tries.
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port ?? FreeLoopbackPort();
            var options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                // Only loopback, also for IPv6 (MQTTnet binds every IPv6 address otherwise).
                .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
                .WithDefaultEndpointPort(chosen)
                .Build();
            var server = new MqttServerFactory().CreateMqttServer(options);
            try
            {
                await server.StartAsync();
                return new EmbeddedBroker(server, chosen);
            }
            catch (SocketException) when (port is null && attempt < 5)
            {
                server.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
        server.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
