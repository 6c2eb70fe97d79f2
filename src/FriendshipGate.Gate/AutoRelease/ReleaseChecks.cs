using FriendshipGate.Clearance;

namespace FriendshipGate.Gate;

/// <summary>A recorded gate decision on a truck: released automatically, barrier opened after an officer's release, or stopped, with its reasons.</summary>
public sealed record GateDecision(string VisitId, string Declaration, string Decision, string Actor, IReadOnlyList<string> Reasons, DateTimeOffset DecidedAt);

public static class GateDecisionKind
{
    public const string AutoReleased = "auto-released", BarrierOpened = "barrier-opened", NeedsOfficer = "needs-officer", Held = "held", PulledAside = "pulled-aside";
}

/// <summary>A device reading as the release checks see it: passed if it matched; overridden if an officer accepted it although it did not.</summary>
public sealed record CheckedReading(string Kind, string? Value, bool Passed, bool Overridden, string Detail);

/// <summary>
/// Whether a truck at a lane may go without a person: every required reading is in and passed, no fee on its booking is due,
/// nothing is held or alerting, and the declaration is on a release-on-data lane (or an officer released it). Pure: no I/O.
/// </summary>
public static class ReleaseChecks
{
    public sealed record Verdict(string? Decision, IReadOnlyList<string> Reasons, IReadOnlyList<string> Missing);

    /// <param name="dueFees">The booking's fees still to be paid: like a missing reading, each one keeps the truck waiting until it is paid.</param>
    public static Verdict Evaluate(Visit visit, StoredDeclaration declaration, IReadOnlyList<CheckedReading> readings, int openAlerts, GateOptions options,
        IReadOnlyList<BookingFee>? dueFees = null)
    {
        var missing = new List<string>();
        var reasons = new List<string>();
        var accepted = new HashSet<CheckedReading>(ReferenceEqualityComparer.Instance);
        void Need(string kind, string? value, string what)
        {
            // A matching reading meets the requirement; failing that, a reading of the kind an officer accepted meets one requirement.
            var reading = readings.LastOrDefault(r => r.Kind == kind && r.Passed && (value is null || string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase)))
                ?? readings.FirstOrDefault(r => r.Kind == kind && r.Overridden && accepted.Add(r));
            if (reading is null) missing.Add(what);
            else reasons.Add(reading.Overridden ? $"{reading.Detail} (accepted by an officer)" : reading.Detail);
        }
        Need(DeviceEventKind.PlateRead, visit.Plate, $"plate {visit.Plate}");
        Need(DeviceEventKind.Weight, null, "weight");
        foreach (var seal in declaration.Content.Transport.Seals) Need(DeviceEventKind.SealRead, seal.Trim().ToUpperInvariant(), $"seal {seal}");
        foreach (var container in declaration.Content.Transport.Containers)
            Need(DeviceEventKind.ContainerRead, ContainerNumber.TryParse(container, out var number, out _) ? number.Value : container, $"container {container}");
        if (options.ScannerRequired) Need(DeviceEventKind.Scan, null, "scan");
        foreach (var fee in dueFees ?? []) missing.Add($"{fee} unpaid");

        if (visit.Held) return new(GateDecisionKind.Held, ["held by an officer"], missing);
        if (openAlerts > 0) return new(GateDecisionKind.NeedsOfficer, [$"{openAlerts} device alert(s) open"], missing);
        if (missing.Count > 0) return new(null, reasons, missing);
        // A green or blue export is released on data when it is lodged: at the gate its release takes effect once the devices agree.
        if (ClearanceState.IsReleased(declaration.State))
            return RiskLanes.ReleasesOnData(declaration.Lane)
                ? new(GateDecisionKind.AutoReleased, [$"{declaration.Lane} lane, released on data ({declaration.State})", .. reasons], missing)
                : new(GateDecisionKind.BarrierOpened, [$"declaration {declaration.Number} released by an officer ({declaration.State})", .. reasons], missing);
        if (!RiskLanes.ReleasesOnData(declaration.Lane) || declaration.State != ClearanceState.RiskAssessed)
            return new(GateDecisionKind.NeedsOfficer, [$"declaration {declaration.Number} is {declaration.State} in the {declaration.Lane ?? "no"} lane: an officer decides", .. reasons], missing);
        return new(GateDecisionKind.AutoReleased, [$"{declaration.Lane} lane", .. reasons], missing);
    }
}
