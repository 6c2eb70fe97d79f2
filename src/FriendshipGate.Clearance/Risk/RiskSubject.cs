using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>The facts the risk rules look at, taken from a declaration and the trader's history.</summary>
public sealed record RiskSubject(
    string DeclarationId, string Side, string Flow, string TransportMode, IReadOnlyList<RiskItem> Items, IReadOnlyList<string> TraderIds,
    bool AeoRecognised, RiskHistory History);

/// <param name="Value">Null when not declared yet (a summary declaration): value conditions then do not hold.</param>
public sealed record RiskItem(string CommodityCode, string Origin, decimal NetKg, decimal GrossKg, decimal? Value, string Currency, bool Quarantine, bool Perishable);

public sealed record RiskHistory(int PriorDeclarations, int PriorInspections, int PriorDiscrepancies)
{
    public static readonly RiskHistory None = new(0, 0, 0);
}

/// <summary>How many decisions of the selection window ended in each lane, before a decision: its top-up reads them.</summary>
public sealed record LaneCounts(long Green, long Blue, long Yellow, long Red)
{
    public static readonly LaneCounts Zero = new(0, 0, 0, 0);

    public long Total => Green + Blue + Yellow + Red;

    public long Of(string lane) => lane switch { RiskLanes.Red => Red, RiskLanes.Yellow => Yellow, RiskLanes.Blue => Blue, _ => Green };

    public LaneCounts Add(string lane) => lane switch
    {
        RiskLanes.Red => this with { Red = Red + 1 },
        RiskLanes.Yellow => this with { Yellow = Yellow + 1 },
        RiskLanes.Blue => this with { Blue = Blue + 1 },
        _ => this with { Green = Green + 1 },
    };
}

/// <summary>What selected, or would have selected, the declaration for a lane.</summary>
public sealed record RiskReason(string Kind, string? RuleId, string Lane, Trilingual Explanation)
{
    public const string Rule = "rule", Random = "random", TopUp = "top-up", AeoBenefit = "aeo-benefit";
}

/// <summary>A risk decision with all that is needed to replay it exactly: rule-set version, seed and the counts it saw.</summary>
public sealed record RiskDecision(string DeclarationId, string Lane, string RuleSetVersion, ulong Seed, IReadOnlyList<RiskReason> Reasons, LaneCounts CountsBefore);
