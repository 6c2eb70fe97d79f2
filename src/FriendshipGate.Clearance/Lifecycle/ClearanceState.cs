namespace FriendshipGate.Clearance;

/// <summary>
/// The states of a declaration (docs/clearance/lifecycle.md maps each to the WCO and UN/EDIFACT codes). An export goes
/// up to crossed-border; an import records its arrival and goes on to released-for-import and exited.
/// </summary>
public static class ClearanceState
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string RiskAssessed = "risk-assessed";
    public const string UnderControl = "under-control";
    public const string ReleasedForExport = "released-for-export";
    public const string CrossedBorder = "crossed-border";
    public const string Arrived = "arrived";
    public const string ReleasedForImport = "released-for-import";
    public const string Exited = "exited";
    public const string Amended = "amended";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All =
        [Received, Accepted, RiskAssessed, UnderControl, ReleasedForExport, CrossedBorder, Arrived, ReleasedForImport, Exited, Amended, Cancelled, Rejected];

    private static readonly Dictionary<string, string[]> Next = new()
    {
        [Received] = [Accepted, Rejected],
        [Accepted] = [RiskAssessed, Cancelled],
        [RiskAssessed] = [UnderControl, ReleasedForExport, ReleasedForImport, Cancelled],
        [UnderControl] = [ReleasedForExport, ReleasedForImport, Cancelled],
        [ReleasedForExport] = [CrossedBorder],
        [ReleasedForImport] = [Exited],
    };

    public static bool CanMove(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>A declaration may be amended or cancelled only until the goods are released.</summary>
    public static bool IsBeforeRelease(string state) => state is Received or Accepted or RiskAssessed or UnderControl;

    public static bool IsReleased(string state) => state is ReleasedForExport or CrossedBorder or ReleasedForImport or Exited;
}
