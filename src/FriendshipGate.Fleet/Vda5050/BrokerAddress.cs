using System.Globalization;

namespace FriendshipGate.Fleet;

/// <summary>An MQTT broker's host and port, written HOST:PORT.</summary>
public readonly record struct BrokerAddress
{
    public BrokerAddress(string host, int port)
    {
        if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("the broker host is empty.", nameof(host));
        if (port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "a broker port is 1 to 65535.");
        Host = host;
        Port = port;
    }

    public string Host { get; }
    public int Port { get; }

    /// <exception cref="FormatException">Not HOST:PORT with a port of 1 to 65535.</exception>
    public static BrokerAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"'{text}' is not a broker address HOST:PORT.");
        return new BrokerAddress(text[..colon], port);
    }

    public override string ToString() => $"{Host}:{Port}";
}
