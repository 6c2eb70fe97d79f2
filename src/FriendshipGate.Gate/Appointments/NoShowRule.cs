using Dapper;
using FriendshipGate.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Gate;

/// <summary>
/// A booked truck not checked in by the end of its grace time has missed its slot: the place is freed and offered at
/// once to the first truck waiting in the live queue for that direction (it gets the slot as a booking), the missed
/// booking's carrier gets a no-show on its record, and the missing truck, when it comes, joins the live queue.
/// </summary>
public sealed class NoShowRule(NodeDatabase database, GateOptions options, TimeProvider time)
{
    public sealed record Outcome(string MissedBooking, string Plate, string? OfferedTo);

    public Task<IReadOnlyList<Outcome>> SweepAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<Outcome>>(async tx =>
        {
            var now = time.GetUtcNow();
            var missed = await BookingQueries.QueryAsync(tx.Connection, tx.Transaction,
                "WHERE state = 'booked' AND slot_start_ms <= @cutoff ORDER BY slot_start_ms, id" + (tx.Kind == DatabaseKind.Postgres ? " FOR UPDATE SKIP LOCKED" : ""),
                new { cutoff = (now - options.NoShowGrace).ToUnixTimeMilliseconds() });
            var outcomes = new List<Outcome>();
            foreach (var booking in missed)
            {
                await BookingQueries.SetStateAsync(tx, booking, BookingState.Missed, now);
                await CarrierRecord.AddAsync(tx, booking.Carrier, kept: 0, missed: 1);
                var standby = now < booking.SlotStart + options.SlotLength ? await OfferAsync(tx, booking, now) : null;
                if (standby is null) await Bookings.ReleasePlaceAsync(tx, booking);
                outcomes.Add(new Outcome(booking.Id, booking.Plate, standby));
            }
            return outcomes;
        }, cancellationToken);

    /// <summary>Gives the freed place to the first walk-in of the direction: it takes over the slot as its own booking.</summary>
    private async Task<string?> OfferAsync(NodeTransaction tx, Booking missed, DateTimeOffset now)
    {
        var walkIn = QueueOrder.Sort(await VisitQueries.WaitingAsync(tx.Connection, tx.Transaction, missed.Direction), now)
            .FirstOrDefault(t => t.Visit.BookingId is null && !t.Visit.Priority);
        if (walkIn is null) return null;
        var taken = await tx.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM gate_bookings WHERE active_declaration = @declaration", new { declaration = walkIn.Visit.Declaration }, tx.Transaction);
        if (taken > 0) return null;
        var id = Bookings.NewId();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO gate_bookings (id, declaration, active_declaration, company, carrier, plate, perishable, lane, direction, slot_start_ms, state, " +
            "driver_code, driver_phone, created_ms, updated_ms) SELECT @id, d.number, d.number, d.owner_company, d.owner_company, @plate, d.perishable, @lane, @direction, " +
            "@slot, 'arrived', @code, NULL, @now, @now FROM clearance_declarations d WHERE d.number = @declaration",
            new { id, declaration = walkIn.Visit.Declaration, plate = walkIn.Visit.Plate, lane = missed.Lane, direction = missed.Direction,
                slot = missed.SlotStart.ToUnixTimeMilliseconds(), code = Bookings.DriverCode(),
                now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
        // The place changes hands: the slot's count stays, its perishable count follows the new load.
        await tx.Connection.ExecuteAsync(
            "UPDATE gate_slots SET booked_perishable = booked_perishable - @was + (SELECT perishable FROM gate_bookings WHERE id = @id) WHERE lane = @lane AND start_ms = @slot",
            new { id, was = missed.Perishable ? 1L : 0L, lane = missed.Lane, slot = missed.SlotStart.ToUnixTimeMilliseconds() }, tx.Transaction);
        await VisitQueries.SetAsync(tx, walkIn.Visit.Id, "booking_id = @booking", new { booking = id });
        return walkIn.Visit.Id;
    }
}

/// <summary>Looks for missed slots every <see cref="GateOptions.NoShowSweepInterval"/>.</summary>
public sealed class NoShowSweeper(NoShowRule rule, GateOptions options, TimeProvider time, ILogger<NoShowSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.NoShowSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var outcome in await rule.SweepAsync(stoppingToken))
                    logger.LogInformation("Booking {Booking} of {Plate} missed its slot; offered to {Visit}", outcome.MissedBooking, outcome.Plate, outcome.OfferedTo ?? "nobody waiting");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for missed slots failed; trying again at the next tick");
            }
        }
    }
}
