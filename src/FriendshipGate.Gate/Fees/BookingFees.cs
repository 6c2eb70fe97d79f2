using System.Globalization;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>
/// The fees on each booking, kept from what Payments reports inside its own transactions (the node host links the two). When a
/// fee is paid while its truck stands at a lane, the truck is evaluated again in the same transaction: if the fee was all that
/// stopped it, it is released then (<see cref="GateOptions.UnpaidFeesHoldRelease"/>).
/// </summary>
public sealed class BookingFees(GateReleases releases, TimeProvider time)
{
    /// <summary>The company that owes fees on booking <paramref name="bookingId"/>; null when there is no such booking.</summary>
    public async Task<FeeHolder?> HolderAsync(NodeTransaction tx, string bookingId)
    {
        var booking = await BookingQueries.LoadAsync(tx.Connection, tx.Transaction, bookingId);
        return booking is null ? null : new FeeHolder(booking.Company, $"booking {booking.Id} (declaration {booking.Declaration}, truck {booking.Plate})");
    }

    /// <summary>Records a fee as it now stands; a paid fee lets the booking's truck at a lane be evaluated for release again.</summary>
    public async Task RecordAsync(NodeTransaction tx, BookingFee fee, CancellationToken cancellationToken)
    {
        await tx.Connection.ExecuteAsync(
            "INSERT INTO gate_booking_fees (fee_id, booking_id, kind, currency, value, minor, state, issued_ms, expires_ms, paid_ms, payment_id) " +
            "VALUES (@FeeId, @BookingId, @Kind, @Currency, @value, @Minor, @State, @issued, @expires, @paid, @PaymentId) " +
            "ON CONFLICT (fee_id) DO UPDATE SET state = excluded.state, paid_ms = excluded.paid_ms, payment_id = excluded.payment_id",
            new
            {
                fee.FeeId, fee.BookingId, fee.Kind, fee.Currency, value = fee.Value.ToString(CultureInfo.InvariantCulture), fee.Minor, fee.State,
                issued = fee.IssuedAt.ToUnixTimeMilliseconds(), expires = fee.ExpiresAt.ToUnixTimeMilliseconds(), paid = fee.PaidAt?.ToUnixTimeMilliseconds(), fee.PaymentId,
            }, tx.Transaction);
        if (fee.State != BookingFee.Paid) return;
        var atLane = await tx.Connection.QueryFirstOrDefaultAsync<string?>(
            "SELECT id FROM gate_visits WHERE booking_id = @BookingId AND state = 'called' ORDER BY joined_ms DESC LIMIT 1", new { fee.BookingId }, tx.Transaction);
        if (atLane is not null && await VisitQueries.LoadAsync(tx.Connection, tx.Transaction, atLane) is { } visit)
            await releases.EvaluateAsync(tx, visit, cancellationToken);
    }

    public Task<IReadOnlyList<BookingFee>> ForBookingAsync(NodeDatabase database, string bookingId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => ListAsync(c, null, bookingId), cancellationToken);

    public DateTimeOffset Now => time.GetUtcNow();

    internal static async Task<IReadOnlyList<BookingFee>> ListAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string bookingId) =>
        (await connection.QueryAsync<Row>(
            "SELECT fee_id, booking_id, kind, currency, value, minor, state, issued_ms, expires_ms, paid_ms, payment_id FROM gate_booking_fees " +
            "WHERE booking_id = @bookingId ORDER BY issued_ms, fee_id", new { bookingId }, transaction))
        .Select(r => r.ToFee()).ToList();

    private sealed record Row(string fee_id, string booking_id, string kind, string currency, string value, long minor, string state, long issued_ms, long expires_ms,
        long? paid_ms, string? payment_id)
    {
        public BookingFee ToFee() => new(fee_id, booking_id, kind, currency, decimal.Parse(value, CultureInfo.InvariantCulture), minor, state,
            DateTimeOffset.FromUnixTimeMilliseconds(issued_ms), DateTimeOffset.FromUnixTimeMilliseconds(expires_ms),
            paid_ms is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, payment_id);
    }
}
