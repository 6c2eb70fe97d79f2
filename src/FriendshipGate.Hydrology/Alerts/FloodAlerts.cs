using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Hydrology;

/// <summary>An alert raised when the peer's station reads at or above one of its warning levels.</summary>
/// <summary>An alert: <see cref="WarningLevel"/> counts the station's known levels reached; <see cref="WarningLevelName"/> names the highest ("III", "警戒水位").</summary>
public sealed record FloodAlert(long Id, string Station, string Origin, DateTimeOffset ObservedAt, double WaterLevelM,
    int WarningLevel, double WarningLevelM, string MessageId, DateTimeOffset RaisedAt, string? WarningLevelName = null);

public sealed class FloodAlerts(NodeDatabase database, StationCatalog catalog, TimeProvider time)
{
    private static readonly string[] Columns =
        ["station", "origin", "observed_ms", "water_level_m", "warning_level", "warning_level_m", "message_id", "raised_ms"];

    internal async Task RaiseAsync(NodeTransaction tx, IReadOnlyList<Observation> observations, string origin, IReadOnlyList<MessageId> messageIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = new List<object?[]>();
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (o.WaterLevelM is not { } level || catalog.Find(o.Station) is not { } station) continue;
            var reached = station.WarningLevelReached(level);
            if (reached == 0) continue;
            rows.Add([o.Station.Value, origin, o.ObservedAt.ToUnixTimeMilliseconds(), level, reached, station.WarningLevelsM[reached - 1], messageIds[i].ToString(), now]);
        }
        if (rows.Count > 0) await tx.InsertRowsAsync("hydrology_alerts", Columns, rows, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<FloodAlert>> ListAsync(int limit, CancellationToken cancellationToken) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>(
            "SELECT id, station, origin, observed_ms, water_level_m, warning_level, warning_level_m, message_id, raised_ms " +
            "FROM hydrology_alerts ORDER BY id DESC LIMIT @limit", new { limit }), cancellationToken))
        .Select(r => new FloodAlert(r.id, r.station, r.origin, DateTimeOffset.FromUnixTimeMilliseconds(r.observed_ms), r.water_level_m,
            (int)r.warning_level, r.warning_level_m, r.message_id, DateTimeOffset.FromUnixTimeMilliseconds(r.raised_ms),
            catalog.Find(StationCode.Parse(r.station))?.WarningLevelName((int)r.warning_level))).ToList();

    private sealed record Row(long id, string station, string origin, long observed_ms, double water_level_m, long warning_level,
        double warning_level_m, string message_id, long raised_ms);
}
