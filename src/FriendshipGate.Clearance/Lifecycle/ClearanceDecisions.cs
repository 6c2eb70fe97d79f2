using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>What an officer decides on a declaration of its side.</summary>
public static class OfficerAction
{
    public const string Release = "release", Hold = "hold", Inspect = "inspect";
    public static readonly IReadOnlyList<string> All = [Release, Hold, Inspect];
}

/// <summary>
/// The steps after risk assessment: officers release, hold or send for inspection; the gate records the border crossing,
/// the arrival and the exit. A released-on-data import (green or blue lane) is released the moment it arrives.
/// </summary>
public sealed class ClearanceDecisions(NodeDatabase database, DeclarationTimeline timeline, JointInspections inspections, ClearanceOptions options, TimeProvider time)
{
    public Task<StoredDeclaration> DecideAsync(string number, string action, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            if (actor.Role != NodeRoles.Officer)
                throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "role", $"only a customs officer decides on a declaration; you are a {actor.Role}.");
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            var detail = $"{action} by officer {actor.Name}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
            return action switch
            {
                OfficerAction.Release => await ReleaseAsync(tx, declaration, actor, detail, cancellationToken),
                OfficerAction.Hold or OfficerAction.Inspect when declaration.State == ClearanceState.UnderControl =>
                    await RecordOnlyAsync(tx, declaration, actor, detail, cancellationToken),
                OfficerAction.Hold or OfficerAction.Inspect => await timeline.MoveAsync(tx, number, ClearanceState.UnderControl, actor, detail, cancellationToken),
                _ => throw new DeclarationRefusal(DeclarationRefusal.Conflict, "action", $"'{action}' must be one of {string.Join(", ", OfficerAction.All)}."),
            };
        }, cancellationToken);

    /// <summary>The conveyance carrying an export crossed the border line (recorded by the gate, its devices or an officer).</summary>
    public Task<StoredDeclaration> CrossAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            if (declaration.Type != DeclarationType.Export)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "type", $"declaration {number} is an {declaration.Type}; the border crossing is recorded on the export.");
            return await timeline.MoveAsync(tx, number, ClearanceState.CrossedBorder, actor, null, cancellationToken);
        }, cancellationToken);

    /// <summary>The goods of an import arrived at this side's control zone; on a release-on-data lane they are released at once.</summary>
    public Task<StoredDeclaration> ArriveAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            if (declaration.Type == DeclarationType.Export)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "type", $"declaration {number} is an export; arrival is recorded on the import.");
            if (declaration.ArrivedAt is not null)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"the goods of {number} arrived at {declaration.ArrivedAt:O} already.");
            if (!ClearanceState.IsBeforeRelease(declaration.State) || declaration.State == ClearanceState.Received)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {number} is {declaration.State}; arrival comes before release.");
            var now = time.GetUtcNow();
            await tx.Connection.ExecuteAsync("UPDATE clearance_declarations SET arrived_ms = @now WHERE number = @number",
                new { number, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
            await timeline.RecordAsync(tx, number, ClearanceState.Arrived, actor, null, now, cancellationToken);
            await timeline.PublishAsync(tx, declaration, ClearanceState.Arrived, now, null, cancellationToken);
            var arrived = declaration with { ArrivedAt = now };
            return declaration.State == ClearanceState.RiskAssessed && RiskLanes.ReleasesOnData(declaration.Lane)
                ? await timeline.MoveAsync(tx, number, ClearanceState.ReleasedForImport, Actor.System(options.Side), $"{declaration.Lane} lane: released on data at arrival", cancellationToken)
                : arrived;
        }, cancellationToken);

    /// <summary>Released goods left this side's customs area (for an import, the end of the journey).</summary>
    public Task<StoredDeclaration> ExitAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            return await timeline.MoveAsync(tx, number, ClearanceState.Exited, actor, null, cancellationToken);
        }, cancellationToken);

    private async Task<StoredDeclaration> ReleaseAsync(NodeTransaction tx, StoredDeclaration declaration, Actor actor, string detail, CancellationToken cancellationToken)
    {
        // One inspection for both sides: its result, whoever recorded it, decides; a red lane is not released without one.
        var inspection = await inspections.DecidingInspectionAsync(tx, declaration);
        if (inspection is { Outcome: null })
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"joint inspection {inspection.Id} of consignment {inspection.Consignment} has no result yet.");
        if (inspection is { Outcome: InspectionOutcome.NonCompliant })
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"joint inspection {inspection.Id} found the goods non-compliant ({inspection.Findings}); they cannot be released.");
        if (inspection is null && declaration.Lane == RiskLanes.Red)
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {declaration.Number} is in the red lane; schedule and record the joint inspection first.");
        if (inspection is not null) detail += $"; joint inspection {inspection.Id} compliant (recorded by {inspection.RecordedSide})";
        if (declaration.Type == DeclarationType.Export)
            return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForExport, actor, detail, cancellationToken);
        if (declaration.ArrivedAt is null)
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"the goods of {declaration.Number} have not arrived; an import is released on arrival.");
        return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForImport, actor, detail, cancellationToken);
    }

    private async Task<StoredDeclaration> RecordOnlyAsync(NodeTransaction tx, StoredDeclaration declaration, Actor actor, string detail, CancellationToken cancellationToken)
    {
        await timeline.RecordAsync(tx, declaration.Number, ClearanceState.UnderControl, actor, detail, time.GetUtcNow(), cancellationToken);
        return declaration;
    }
}

/// <summary>The four lanes; green and blue release on data (blue is audited later).</summary>
public static class RiskLanes
{
    public const string Green = "green", Blue = "blue", Yellow = "yellow", Red = "red";

    public static bool ReleasesOnData(string? lane) => lane is Green or Blue;
}
