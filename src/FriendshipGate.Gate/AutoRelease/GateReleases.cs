using System.Text.Json;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>
/// 24/7 automatic release: after each reading bound to a truck, its checks are evaluated in the same transaction; when all
/// pass on a green or blue lane the declaration is released, the barrier told to open and the decision recorded with its
/// reasons, all in one commit. A stop (hold, alert, an officer's lane) is recorded once, with its reasons too.
/// </summary>
public sealed class GateReleases(ClearanceDecisions decisions, GateOptions options, TimeProvider time)
{
    /// <returns>The decision taken now, or null when readings are still missing or the same stop was recorded already.</returns>
    /// <param name="declaration">The visit's declaration if the caller has read it in this transaction already.</param>
    public async Task<GateDecision?> EvaluateAsync(NodeTransaction tx, Visit visit, CancellationToken cancellationToken, StoredDeclaration? declaration = null)
    {
        if (visit.State != VisitState.Called) return null;
        declaration ??= await DeclarationTimeline.LoadAsync(tx.Connection, tx.Transaction, visit.Declaration);
        if (declaration is null) return null;
        var readings = (await tx.Connection.QueryAsync<(string Kind, string? Value, string Outcome, string Detail, string? Resolution)>(
            "SELECT e.kind, e.value, e.outcome, e.detail, a.resolution FROM gate_device_events e LEFT JOIN gate_alerts a ON a.event_id = e.event_id " +
            "WHERE e.visit_id = @id ORDER BY e.at_ms, e.received_ms", new { id = visit.Id }, tx.Transaction))
            .Select(r => new CheckedReading(r.Kind, r.Value, r.Outcome == DeviceOutcome.Ok, r.Outcome != DeviceOutcome.Ok && r.Resolution == AlertResolution.Override, r.Detail))
            .ToList();
        var openAlerts = await tx.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM gate_alerts WHERE visit_id = @id AND state = 'open'", new { id = visit.Id }, tx.Transaction);
        var now = time.GetUtcNow();
        var dueFees = visit.BookingId is { } booking && options.UnpaidFeesHoldRelease
            ? (await BookingFees.ListAsync(tx.Connection, tx.Transaction, booking)).Where(f => f.IsDueAt(now)).ToList()
            : [];
        var verdict = ReleaseChecks.Evaluate(visit, declaration, readings, (int)openAlerts, options, dueFees);
        if (verdict.Decision is null) return null;
        if (verdict.Decision is GateDecisionKind.AutoReleased or GateDecisionKind.BarrierOpened)
        {
            if (verdict.Decision == GateDecisionKind.AutoReleased && declaration.State == ClearanceState.RiskAssessed)
                await decisions.ReleaseOnDataAsync(tx, declaration.Number, "released at the gate, every device check passed: " + string.Join("; ", verdict.Reasons), cancellationToken);
            await VisitQueries.SetAsync(tx, visit.Id, "state = 'released', released_ms = @now", new { now = now.ToUnixTimeMilliseconds() });
        }
        else if (await LastDecisionAsync(tx, visit.Id) is { } last && last == verdict.Decision)
        {
            return null;
        }
        return await RecordAsync(tx, visit, verdict.Decision, "system", verdict.Reasons, now);
    }

    public static async Task<GateDecision> RecordAsync(NodeTransaction tx, Visit visit, string decision, string actor, IReadOnlyList<string> reasons, DateTimeOffset now)
    {
        await tx.Connection.ExecuteAsync(
            "INSERT INTO gate_decisions (visit_id, declaration, decision, actor, reasons, decided_ms) VALUES (@visit, @declaration, @decision, @actor, @reasons, @now)",
            new { visit = visit.Id, declaration = visit.Declaration, decision, actor, reasons = JsonSerializer.Serialize(reasons), now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
        // As stored: to the millisecond, so the answer given now and the one read back later are the same.
        return new GateDecision(visit.Id, visit.Declaration, decision, actor, reasons, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()));
    }

    public static async Task<IReadOnlyList<GateDecision>> ListAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string visitId) =>
        (await connection.QueryAsync<(string Visit, string Declaration, string Decision, string Actor, string Reasons, long At)>(
            "SELECT visit_id, declaration, decision, actor, reasons, decided_ms FROM gate_decisions WHERE visit_id = @visitId ORDER BY id", new { visitId }, transaction))
        .Select(r => new GateDecision(r.Visit, r.Declaration, r.Decision, r.Actor, JsonSerializer.Deserialize<string[]>(r.Reasons)!, DateTimeOffset.FromUnixTimeMilliseconds(r.At)))
        .ToList();

    private static Task<string?> LastDecisionAsync(NodeTransaction tx, string visitId) =>
        tx.Connection.QueryFirstOrDefaultAsync<string?>("SELECT decision FROM gate_decisions WHERE visit_id = @visitId ORDER BY id DESC LIMIT 1", new { visitId }, tx.Transaction);
}
