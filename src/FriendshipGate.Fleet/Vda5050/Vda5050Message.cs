namespace FriendshipGate.Fleet;

/// <summary>
/// The VDA 5050 header every message starts with. headerId counts per topic and sender; timestamp is UTC.
/// </summary>
public abstract record Vda5050Message
{
    public required long HeaderId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required string Version { get; init; }
    public required string Manufacturer { get; init; }
    public required string SerialNumber { get; init; }
}

/// <summary>Counts headerIds per topic, as VDA 5050 6.4 asks ("incremented by 1 with each sent message").</summary>
internal sealed class HeaderCounter
{
    private readonly Dictionary<string, long> next = [];

    public long Next(string topic)
    {
        lock (next)
        {
            var id = next.GetValueOrDefault(topic);
            next[topic] = id + 1;
            return id;
        }
    }
}
