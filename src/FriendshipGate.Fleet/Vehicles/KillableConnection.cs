using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace FriendshipGate.Fleet;

/// <summary>
/// The TCP connection under a vehicle's MQTT client, kept so that <see cref="Kill"/> can drop it the way a crash or a
/// lost radio link does: no DISCONNECT packet, a reset socket, so the broker publishes the client's last will.
/// </summary>
internal sealed class KillableConnection : IMqttClientStreamProvider
{
    private Socket? socket;

    public async Task<Stream> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var connecting = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await connecting.ConnectAsync(endPoint, cancellationToken);
        }
        catch
        {
            connecting.Dispose();
            throw;
        }
        socket = connecting;
        return new NetworkStream(connecting, ownsSocket: true);
    }

    public void Kill()
    {
        if (Interlocked.Exchange(ref socket, null) is not { } s) return;
        s.LingerState = new LingerOption(true, 0); // a reset, not an orderly close
        s.Close();
    }
}
