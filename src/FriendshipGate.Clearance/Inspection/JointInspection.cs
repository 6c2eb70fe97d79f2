namespace FriendshipGate.Clearance;

public static class InspectionStatus
{
    public const string Scheduled = "scheduled", Completed = "completed", Merged = "merged";
}

public static class InspectionOutcome
{
    public const string Compliant = "compliant", NonCompliant = "non-compliant";
}

/// <summary>
/// One physical inspection of a consignment with officers of both sides, in one slot and place. The consignment is named by
/// its export declaration's number, which both sides know.
/// </summary>
public sealed record JointInspection(
    string Id, string Consignment, string RequestedSide, DateTimeOffset Slot, string Place, string Status, string? Outcome, string? Findings,
    string? RecordedSide, string? RecordedBy, DateTimeOffset? RecordedAt, string? MergedInto);

/// <summary>The result, recorded once by either side's officer and accepted by the other instead of inspecting again.</summary>
public sealed record InspectionResult(string InspectionId, string Consignment, string Outcome, string? Findings, string RecordedSide, string RecordedBy, DateTimeOffset At);
