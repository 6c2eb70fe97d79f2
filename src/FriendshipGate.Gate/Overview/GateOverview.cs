using System.Data.Common;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>Trucks waiting to go one way, counted by the queue they wait in, and how long the first of them has waited.</summary>
public sealed record WaitingArea(string Direction, int Priority, int Booked, int Live, int Early, TimeSpan? LongestWait)
{
    public int Total => Priority + Booked + Live + Early;
}

/// <summary>A lane now: the truck at it (called, or released and not through yet), if any.</summary>
public sealed record LaneNow(string Lane, string Direction, Visit? Truck)
{
    /// <summary>What the gate has told the barrier: open once the truck is released, closed otherwise.</summary>
    public bool BarrierOpen => Truck?.State == VisitState.Released;
}

/// <summary>An open device alert with the truck it is about (plate and lane), for the command center and the officers.</summary>
public sealed record OpenAlert(GateAlert Alert, string? Plate, string? Lane);

/// <summary>The gate at one moment: the waiting area per direction, the lanes, trucks in the yard, and open alerts.</summary>
public sealed record GateSnapshot(
    IReadOnlyList<WaitingArea> Waiting, IReadOnlyList<LaneNow> Lanes, IReadOnlyList<Visit> Trucks, int OpenAlertCount, IReadOnlyList<OpenAlert> LatestAlerts);

/// <summary>
/// Read-only views of the gate for the screens: the command center's panel (two queries however many trucks), open alerts
/// for officers, and the queue place of one truck.
/// </summary>
public sealed class GateOverview(NodeDatabase database, GateOptions options, TimeProvider time)
{
    // Two statements in one round trip: how many alerts are open, and the newest of them with their trucks' plates and lanes.
    private const string OpenAlertsSql =
        "SELECT COUNT(*) FROM gate_alerts WHERE state = 'open'; " +
        "SELECT a.id, a.visit_id, a.declaration, a.event_id, a.kind, a.detail, a.raised_ms, a.state, a.resolution, a.resolved_by, a.resolved_ms, " +
        "v.plate, v.lane FROM gate_alerts a LEFT JOIN gate_visits v ON v.id = a.visit_id WHERE a.state = 'open' ORDER BY a.id DESC LIMIT @limit";

    /// <summary>Everything at the gate now, with the <paramref name="latestAlerts"/> newest open alerts.</summary>
    public Task<GateSnapshot> ReadAsync(int latestAlerts, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var now = time.GetUtcNow();
            var trucks = await VisitQueries.QueryAsync(connection, null, "WHERE v.state IN ('waiting', 'called', 'released') ORDER BY v.joined_ms", new { });
            var (alerts, openCount) = await OpenAlertsAsync(connection, latestAlerts);
            var waiting = Direction.All.Select(direction => Count(direction, trucks.Where(t => t.Visit.State == VisitState.Waiting && t.Visit.Direction == direction), now)).ToList();
            var lanes = options.Lanes.Select(l => new LaneNow(l.Id, l.Direction,
                trucks.Select(t => t.Visit).FirstOrDefault(v => v.Lane == l.Id && VisitState.AtLane(v.State)))).ToList();
            return new GateSnapshot(waiting, lanes, [.. trucks.Select(t => t.Visit)], openCount, alerts);
        }, cancellationToken);

    /// <summary>Open alerts, newest first, with each truck's plate and lane.</summary>
    public Task<IReadOnlyList<OpenAlert>> OpenAlertsAsync(int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => (await OpenAlertsAsync(connection, limit)).Alerts, cancellationToken);

    /// <summary>Where a truck stands: its place in the queue while it waits (null otherwise), computed as the call order computes it.</summary>
    public Task<QueuePlace?> PlaceAsync(Visit visit, CancellationToken cancellationToken = default) =>
        visit.State != VisitState.Waiting ? Task.FromResult<QueuePlace?>(null)
            : database.ReadAsync(async connection => Places(await VisitQueries.WaitingAsync(connection, null, visit.Direction), visit.Direction)
                .FirstOrDefault(p => p.VisitId == visit.Id), cancellationToken);

    /// <summary>The queue places of every truck waiting to go one way.</summary>
    public Task<IReadOnlyList<QueuePlace>> PlacesAsync(string direction, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => Places(await VisitQueries.WaitingAsync(connection, null, direction), direction), cancellationToken);

    private IReadOnlyList<QueuePlace> Places(IReadOnlyList<WaitingTruck> waiting, string direction)
    {
        var now = time.GetUtcNow();
        return QueueOrder.Places(QueueOrder.Sort(waiting, now), now, options.Lanes.Count(l => l.Direction == direction), options.LaneServiceTime);
    }

    private static WaitingArea Count(string direction, IEnumerable<WaitingTruck> waiting, DateTimeOffset now)
    {
        var trucks = waiting.ToList();
        int In(string queue) => trucks.Count(t => QueueOrder.QueueOf(t, now) == queue);
        TimeSpan? longest = trucks.Count == 0 ? null : now - trucks.Min(t => t.Visit.JoinedAt);
        return new WaitingArea(direction, In(QueueOrder.PriorityQueue), In(QueueOrder.BookedQueue), In(QueueOrder.LiveQueue), In(QueueOrder.EarlyQueue), longest);
    }

    private static async Task<(IReadOnlyList<OpenAlert> Alerts, int Count)> OpenAlertsAsync(DbConnection connection, int limit)
    {
        await using var results = await connection.QueryMultipleAsync(OpenAlertsSql, new { limit = (long)Math.Max(1, limit) });
        var count = await results.ReadSingleAsync<long>();
        return ([.. (await results.ReadAsync<AlertRow>()).Select(r => r.ToOpenAlert())], (int)count);
    }

    private sealed record AlertRow(long id, string? visit_id, string? declaration, string event_id, string kind, string detail, long raised_ms, string state,
        string? resolution, string? resolved_by, long? resolved_ms, string? plate, string? lane)
    {
        public OpenAlert ToOpenAlert() => new(new GateAlert(id, visit_id, declaration, event_id, kind, detail, DateTimeOffset.FromUnixTimeMilliseconds(raised_ms), state,
            resolution, resolved_by, resolved_ms is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null), plate, lane);
    }
}
