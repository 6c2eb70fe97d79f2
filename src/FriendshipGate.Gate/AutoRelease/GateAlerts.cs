using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

public static class AlertResolution
{
    /// <summary>The officer accepts the reading (the check counts as passed); <c>Hold</c>: the truck stays until an officer releases it.</summary>
    public const string Override = "override", Hold = "hold";
    public static readonly IReadOnlyList<string> All = [Override, Hold];
}

/// <summary>A device mismatch for an officer to look at.</summary>
public sealed record GateAlert(long Id, string? VisitId, string? Declaration, string EventId, string Kind, string Detail, DateTimeOffset RaisedAt,
    string State, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt);

/// <summary>An officer's answer to an alert or a truck: override or hold, with a reason.</summary>
public sealed record OfficerGateInput(string? Action, string? Reason);

/// <summary>
/// Alerts from device mismatches and what officers do about them: override one (the reading counts as passed and the
/// truck may be released automatically once nothing else stops it), hold a truck, or release a held truck.
/// </summary>
public sealed class GateAlerts(NodeDatabase database, GateReleases releases, TimeProvider time)
{
    internal static Task RaiseAsync(NodeTransaction tx, string eventId, Visit? visit, string kind, string detail, DateTimeOffset now) =>
        tx.Connection.ExecuteAsync(
            "INSERT INTO gate_alerts (visit_id, declaration, event_id, kind, detail, raised_ms, state) VALUES (@visit, @declaration, @eventId, @kind, @detail, @now, 'open')",
            new { visit = visit?.Id, declaration = visit?.Declaration, eventId, kind, detail, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);

    public Task<IReadOnlyList<GateAlert>> ListAsync(string? state, string? visitId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<GateAlert>>(async c => (await c.QueryAsync<Row>(
            "SELECT id, visit_id, declaration, event_id, kind, detail, raised_ms, state, resolution, resolved_by, resolved_ms FROM gate_alerts " +
            "WHERE (@state IS NULL OR state = @state) AND (@visitId IS NULL OR visit_id = @visitId) ORDER BY id DESC LIMIT 500", new { state, visitId }))
            .Select(r => r.ToAlert()).ToList(), cancellationToken);

    public Task<GateDecision?> ResolveAsync(long alertId, OfficerGateInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireOfficer(actor);
        return database.WriteAsync(async tx =>
        {
            var alert = (await tx.Connection.QueryAsync<Row>(
                "SELECT id, visit_id, declaration, event_id, kind, detail, raised_ms, state, resolution, resolved_by, resolved_ms FROM gate_alerts WHERE id = @alertId",
                new { alertId }, tx.Transaction)).Select(r => r.ToAlert()).SingleOrDefault()
                ?? throw GateRefusals.NotFound("id", $"there is no gate alert {alertId}.", $"không có cảnh báo {alertId}.", $"没有告警{alertId}。");
            if (alert.State != "open")
                throw GateRefusals.Conflict("id", $"alert {alertId} was resolved already ({alert.Resolution} by {alert.ResolvedBy}).",
                    $"cảnh báo {alertId} đã được xử lý ({alert.Resolution}, bởi {alert.ResolvedBy}).", $"告警{alertId}已处理（{alert.Resolution}，处理人{alert.ResolvedBy}）。");
            var now = time.GetUtcNow();
            await tx.Connection.ExecuteAsync("UPDATE gate_alerts SET state = 'resolved', resolution = @action, resolved_by = @by, resolved_ms = @now WHERE id = @alertId",
                new { alertId, action = input.Action, by = actor.Name, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
            if (alert.VisitId is null || await VisitQueries.LoadAsync(tx.Connection, tx.Transaction, alert.VisitId) is not { } visit) return null;
            return input.Action == AlertResolution.Hold
                ? await HoldAsync(tx, visit, actor, $"alert {alertId} ({alert.Kind}): {input.Reason}", now)
                : await releases.EvaluateAsync(tx, visit, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>An officer holds a truck (automatic release stops) or releases a held one (its open alerts are accepted and it is evaluated again).</summary>
    public Task<GateDecision?> DecideAsync(string visitId, OfficerGateInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireOfficer(actor);
        return database.WriteAsync(async tx =>
        {
            var visit = await VisitQueries.LoadAsync(tx.Connection, tx.Transaction, visitId) ?? throw GateRefusals.NoVisit(visitId);
            var now = time.GetUtcNow();
            if (input.Action == AlertResolution.Hold) return await HoldAsync(tx, visit, actor, input.Reason ?? "", now);
            await tx.Connection.ExecuteAsync(
                "UPDATE gate_alerts SET state = 'resolved', resolution = 'override', resolved_by = @by, resolved_ms = @now WHERE visit_id = @visitId AND state = 'open'",
                new { visitId, by = actor.Name, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
            await VisitQueries.SetAsync(tx, visitId, "held = 0", new { });
            return await releases.EvaluateAsync(tx, visit with { Held = false }, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<GateDecision> HoldAsync(NodeTransaction tx, Visit visit, Actor actor, string reason, DateTimeOffset now)
    {
        await VisitQueries.SetAsync(tx, visit.Id, "held = 1", new { });
        return await GateReleases.RecordAsync(tx, visit, GateDecisionKind.Held, actor.Name, [$"held by officer {actor.Name}: {reason}".TrimEnd(' ', ':')], now);
    }

    private static void RequireOfficer(Actor actor)
    {
        if (actor.Role != NodeRoles.Officer) throw GateRefusals.Role(actor.Role, "decide on a truck at the gate");
    }

    private sealed record Row(long id, string? visit_id, string? declaration, string event_id, string kind, string detail, long raised_ms, string state,
        string? resolution, string? resolved_by, long? resolved_ms)
    {
        public GateAlert ToAlert() => new(id, visit_id, declaration, event_id, kind, detail, DateTimeOffset.FromUnixTimeMilliseconds(raised_ms), state, resolution,
            resolved_by, resolved_ms is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }
}
