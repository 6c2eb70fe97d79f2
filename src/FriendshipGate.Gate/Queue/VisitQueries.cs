using System.Data.Common;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

internal static class VisitQueries
{
    private const string Select =
        "SELECT v.id, v.plate, v.declaration, v.booking_id, v.direction, v.priority, v.state, v.lane, v.joined_ms, v.called_ms, v.held, v.released_ms, v.passed_ms, " +
        "b.slot_start_ms FROM gate_visits v LEFT JOIN gate_bookings b ON b.id = v.booking_id ";

    public static async Task<Visit?> LoadAsync(DbConnection connection, DbTransaction? transaction, string id) =>
        (await QueryAsync(connection, transaction, "WHERE v.id = @id", new { id })).Select(t => t.Visit).SingleOrDefault();

    /// <summary>The truck at a lane now (called to it, or released and not yet through the barrier).</summary>
    public static async Task<Visit?> AtLaneAsync(DbConnection connection, DbTransaction? transaction, string lane) =>
        (await QueryAsync(connection, transaction, "WHERE v.lane = @lane AND v.state IN ('called', 'released')", new { lane })).Select(t => t.Visit).FirstOrDefault();

    /// <summary>The truck with this plate at the gate now (waiting or at a lane).</summary>
    public static async Task<Visit?> ActiveByPlateAsync(DbConnection connection, DbTransaction? transaction, string plate) =>
        (await QueryAsync(connection, transaction, "WHERE v.plate = @plate AND v.state IN ('waiting', 'called', 'released')", new { plate })).Select(t => t.Visit).FirstOrDefault();

    public static Task<IReadOnlyList<WaitingTruck>> WaitingAsync(DbConnection connection, DbTransaction? transaction, string direction) =>
        QueryAsync(connection, transaction, "WHERE v.state = 'waiting' AND v.direction = @direction", new { direction });

    public static async Task<IReadOnlyList<WaitingTruck>> QueryAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters) =>
        (await connection.QueryAsync<Row>(Select + where, parameters, transaction)).Select(r => r.ToTruck()).ToList();

    /// <returns>1 when the visit was updated, 0 when it is not there or <paramref name="whereAlso"/> did not hold.</returns>
    public static Task<int> SetAsync(NodeTransaction tx, string id, string assignments, object parameters, string? whereAlso = null) =>
        tx.Connection.ExecuteAsync($"UPDATE gate_visits SET {assignments} WHERE id = @id" + (whereAlso is null ? "" : $" AND {whereAlso}"),
            new DynamicParameters(parameters).With("id", id), tx.Transaction);

    private static DynamicParameters With(this DynamicParameters parameters, string name, object value)
    {
        parameters.Add(name, value);
        return parameters;
    }

    private sealed record Row(string id, string plate, string declaration, string? booking_id, string direction, long priority, string state, string? lane,
        long joined_ms, long? called_ms, long held, long? released_ms, long? passed_ms, long? slot_start_ms)
    {
        public WaitingTruck ToTruck() => new(
            new Visit(id, plate, declaration, booking_id, direction, priority != 0, state, lane, At(joined_ms), At(called_ms), held != 0, At(released_ms), At(passed_ms)),
            At(slot_start_ms));

        private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

        private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
    }
}
