namespace FriendshipGate.Clearance;

/// <summary>Settings of the Clearance module on one node (node.json section "Clearance").</summary>
public sealed record ClearanceOptions
{
    /// <summary>This side: VN or CN.</summary>
    public required string Side { get; init; }

    /// <summary>China's 4-digit customs office code in declaration numbers (Viet Nam's numbers carry none).</summary>
    public string CustomsOffice { get; init; } = "0000";

    /// <summary>How long after release of a summary declaration the complete one is due (China's two-step: 14 days).</summary>
    public TimeSpan TwoStepCompletion { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Seed of random risk selection; each decision records the seed it used.</summary>
    public ulong RiskSeed { get; init; } = 20261123;

    /// <summary>The officers' risk rule file; null: the default shipped in data/clearance/risk-rules.json.</summary>
    public string? RiskRulesFile { get; init; }
}
