using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>How many of this side's declarations are in each state and lane, and how many were lodged and released per hour.</summary>
public sealed record ClearanceCounts(
    IReadOnlyDictionary<string, int> ByState,
    IReadOnlyDictionary<string, int> OpenByLane,
    IReadOnlyList<HourlyCount> PerHour,
    int AdvanceDataWaiting)
{
    public int State(string state) => ByState.GetValueOrDefault(state);
}

public sealed record HourlyCount(DateTimeOffset Hour, int Lodged, int Released);

/// <summary>
/// Reads <see cref="ClearanceCounts"/> for the command center: a few grouped queries, cheap enough to run every second.
/// Each is answered from an index (the open, released and waiting ones are partial indexes, clearance migration 2):
/// keep their conditions as written there, or the database falls back to reading every row.
/// </summary>
public sealed class ClearanceCountsReader(NodeDatabase database, TimeProvider time)
{
    public Task<ClearanceCounts> ReadAsync(int hours, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var byState = (await c.QueryAsync<(string state, long count)>("SELECT state, COUNT(*) FROM clearance_declarations GROUP BY state"))
                .ToDictionary(r => r.state, r => (int)r.count);
            var openByLane = (await c.QueryAsync<(string lane, long count)>(
                "SELECT lane, COUNT(*) FROM clearance_declarations WHERE lane IS NOT NULL AND released_ms IS NULL AND state <> 'cancelled' GROUP BY lane"))
                .ToDictionary(r => r.lane, r => (int)r.count);
            var now = time.GetUtcNow();
            var firstHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1 - hours);
            var from = firstHour.ToUnixTimeMilliseconds();
            var lodged = (await c.QueryAsync<long>("SELECT lodged_ms FROM clearance_declarations WHERE lodged_ms >= @from", new { from })).ToList();
            var released = (await c.QueryAsync<long>("SELECT released_ms FROM clearance_declarations WHERE released_ms >= @from", new { from })).ToList();
            var perHour = Enumerable.Range(0, hours).Select(i =>
            {
                var start = firstHour.AddHours(i).ToUnixTimeMilliseconds();
                var end = start + 3_600_000;
                return new HourlyCount(firstHour.AddHours(i), lodged.Count(ms => ms >= start && ms < end), released.Count(ms => ms >= start && ms < end));
            }).ToList();
            var waiting = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clearance_advance_data WHERE import_number IS NULL");
            return new ClearanceCounts(byState, openByLane, perHour, (int)waiting);
        }, cancellationToken);
}
