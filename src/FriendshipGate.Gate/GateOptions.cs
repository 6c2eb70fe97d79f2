namespace FriendshipGate.Gate;

/// <summary>Which way a truck goes through this side's gate: outbound leaves this side (exports), inbound enters it (imports).</summary>
public static class Direction
{
    public const string Outbound = "outbound", Inbound = "inbound";
    public static readonly IReadOnlyList<string> All = [Outbound, Inbound];
}

/// <summary>A gate lane: where one truck at a time is checked by the devices and let through the barrier.</summary>
public sealed record GateLane(string Id, string Direction);

/// <summary>Settings of the Gate module on one node (node.json section "Gate").</summary>
public sealed record GateOptions
{
    public required string Side { get; init; }

    /// <summary>The lanes of this side's gate; capacity is set per lane and slot.</summary>
    public IReadOnlyList<GateLane> Lanes { get; init; } =
        [new("A1", Direction.Outbound), new("A2", Direction.Outbound), new("B1", Direction.Inbound), new("B2", Direction.Inbound)];

    /// <summary>Length of a booking slot; slots start at multiples of it from midnight UTC.</summary>
    public TimeSpan SlotLength { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A booked truck not checked in this long after its slot starts has missed it.</summary>
    public TimeSpan NoShowGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How often missed slots are looked for.</summary>
    public TimeSpan NoShowSweepInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time one truck takes through a lane, for expected times in the queue.</summary>
    public TimeSpan LaneServiceTime { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Weighbridge tolerance: the larger of this share of the declared gross weight and <see cref="WeightToleranceKg"/>.</summary>
    public decimal WeightToleranceShare { get; init; } = 0.05m;

    public decimal WeightToleranceKg { get; init; } = 1000m;

    /// <summary>A camera or reader below this confidence needs a person to look.</summary>
    public double MinReadConfidence { get; init; } = 0.90;

    /// <summary>Whether a clear scanner result is needed before automatic release.</summary>
    public bool ScannerRequired { get; init; } = true;

    /// <summary>Whether automatic release waits until the booking's due fees are paid (an unpaid fee holds the barrier).</summary>
    public bool UnpaidFeesHoldRelease { get; init; } = true;

    public GateLane? Lane(string? id) => Lanes.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));
}
