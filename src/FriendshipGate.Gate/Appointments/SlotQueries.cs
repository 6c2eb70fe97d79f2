using System.Data.Common;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

internal static class SlotQueries
{
    private const string Select =
        "SELECT lane, direction, start_ms, end_ms, capacity, perishable_reserved, carrier_quota, booked, booked_perishable FROM gate_slots ";

    /// <summary>Reads a slot and, on PostgreSQL, locks it until the transaction ends (SQLite has one writer at a time already).</summary>
    public static async Task<Slot?> LockAsync(NodeTransaction tx, string lane, DateTimeOffset start) =>
        (await tx.Connection.QueryAsync<Row>(Select + "WHERE lane = @lane AND start_ms = @start" + (tx.Kind == DatabaseKind.Postgres ? " FOR UPDATE" : ""),
            new { lane, start = start.ToUnixTimeMilliseconds() }, tx.Transaction)).Select(r => r.ToSlot()).SingleOrDefault();

    public static async Task<IReadOnlyList<Slot>> ListAsync(DbConnection connection, DbTransaction? transaction, string? lane, string? direction, DateTimeOffset from, DateTimeOffset to) =>
        (await connection.QueryAsync<Row>(Select +
            "WHERE (@lane IS NULL OR lane = @lane) AND (@direction IS NULL OR direction = @direction) AND start_ms >= @from AND start_ms < @to ORDER BY start_ms, lane",
            new { lane, direction, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }, transaction)).Select(r => r.ToSlot()).ToList();

    private sealed record Row(string lane, string direction, long start_ms, long end_ms, long capacity, long perishable_reserved, long? carrier_quota, long booked, long booked_perishable)
    {
        public Slot ToSlot() => new(lane, direction, DateTimeOffset.FromUnixTimeMilliseconds(start_ms), DateTimeOffset.FromUnixTimeMilliseconds(end_ms),
            (int)capacity, (int)perishable_reserved, (int?)carrier_quota, (int)booked, (int)booked_perishable);
    }
}

internal static class BookingQueries
{
    public const string Select =
        "SELECT id, declaration, company, carrier, plate, perishable, lane, direction, slot_start_ms, state, driver_code, driver_phone, created_ms, updated_ms FROM gate_bookings ";

    public static async Task<Booking?> LoadAsync(DbConnection connection, DbTransaction? transaction, string id, bool forUpdate = false) =>
        (await connection.QueryAsync<Row>(Select + "WHERE id = @id" + (forUpdate ? " FOR UPDATE" : ""), new { id }, transaction)).Select(r => r.ToBooking()).SingleOrDefault();

    public static async Task<IReadOnlyList<Booking>> QueryAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters) =>
        (await connection.QueryAsync<Row>(Select + where, parameters, transaction)).Select(r => r.ToBooking()).ToList();

    public static async Task<Booking> SetStateAsync(NodeTransaction tx, Booking booking, string state, DateTimeOffset now)
    {
        await tx.Connection.ExecuteAsync(
            "UPDATE gate_bookings SET state = @state, active_declaration = CASE WHEN @active = 1 THEN declaration ELSE NULL END, updated_ms = @now WHERE id = @id",
            new { id = booking.Id, state, active = BookingState.IsActive(state) ? 1L : 0L, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
        return booking with { State = state, UpdatedAt = now };
    }

    private sealed record Row(string id, string declaration, string company, string carrier, string plate, long perishable, string lane, string direction,
        long slot_start_ms, string state, string driver_code, string? driver_phone, long created_ms, long updated_ms)
    {
        public Booking ToBooking() => new(id, declaration, company, carrier, plate, perishable != 0, lane, direction,
            DateTimeOffset.FromUnixTimeMilliseconds(slot_start_ms), state, driver_code, driver_phone,
            DateTimeOffset.FromUnixTimeMilliseconds(created_ms), DateTimeOffset.FromUnixTimeMilliseconds(updated_ms));
    }
}
