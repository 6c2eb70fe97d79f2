namespace FriendshipGate.Exchange;

/// <summary>One node's place on the exchange: who it is, who its peer is, and the protocol's limits.</summary>
public sealed record ExchangeOptions
{
    public required NodeId Self { get; init; }
    public required NodeId Peer { get; init; }

    /// <summary>Base URL of the peer node, e.g. https://cn.example:7443/.</summary>
    public required Uri PeerUrl { get; init; }

    /// <summary>A transmission's sentAt and a message's createdAt may be this far ahead of, or (sentAt) behind, our clock.</summary>
    public TimeSpan ClockWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Older messages are refused; inbox ids are kept at least this long, so replays are always caught.</summary>
    public TimeSpan MaxMessageAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Most messages in one transmission.</summary>
    public int BatchSize { get; init; } = 500;

    public TimeSpan RetryBase { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
