namespace FriendshipGate.Clearance;

/// <summary>A state's codes for other customs systems: the WCO DM notification function code and UN/EDIFACT 4343 (null: none fits).</summary>
public sealed record StateCodes(string State, string? WcoFunctionCode, string? Edifact4343);

/// <summary>The table of docs/clearance/lifecycle.md, which a test keeps in step with this one.</summary>
public static class LifecycleCodes
{
    public static readonly IReadOnlyList<StateCodes> All =
    [
        new(ClearanceState.Received, "02", "AB"),
        new(ClearanceState.Accepted, "01", "AP"),
        new(ClearanceState.RiskAssessed, null, "AJ"),
        new(ClearanceState.UnderControl, "05", "AJ"),
        new(ClearanceState.ReleasedForExport, "08", "AP"),
        new(ClearanceState.CrossedBorder, "16", null),
        new(ClearanceState.Arrived, null, null),
        new(ClearanceState.ReleasedForImport, "08", "AP"),
        new(ClearanceState.Exited, "09", null),
        new(ClearanceState.Amended, "07", "AC"),
        new(ClearanceState.Cancelled, "10", null),
        new(ClearanceState.Rejected, "03", "RE"),
    ];

    public static StateCodes For(string state) => All.First(c => c.State == state);
}
