using System.Security.Cryptography;
using System.Text;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>A booking with where its truck stands: its latest visit, its queue place while it waits, and when it is expected.</summary>
public sealed record BookingStatus(Booking Booking, Visit? Visit, QueuePlace? Place, DateTimeOffset ExpectedAt)
{
    /// <summary>The truck has been called forward to its lane and has not gone through yet.</summary>
    public bool Called => Visit is { State: VisitState.Called or VisitState.Released };
}

/// <summary>
/// Read-only booking views for the screens: the free slots a trader may choose from, a company's bookings, one declaration's
/// booking, and the driver's view opened with the booking's code instead of a sign-in. Authorisation as in <see cref="Bookings"/>.
/// </summary>
public sealed class BookingStatuses(NodeDatabase database, GateOverview overview, GateOptions options)
{
    /// <summary>Slots of one direction starting in [<paramref name="from"/>, <paramref name="to"/>) with their free places.</summary>
    public Task<IReadOnlyList<Slot>> SlotsAsync(string direction, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => SlotQueries.ListAsync(c, null, null, direction, from, to), cancellationToken);

    /// <summary>Which way a declaration's truck goes through this side's gate (exports out, imports in).</summary>
    public static string DirectionOf(StoredDeclaration declaration) => Bookings.DirectionOf(declaration);

    /// <summary>The newest booking of a declaration, active or not; a trader sees only its company's.</summary>
    public async Task<BookingStatus?> ForDeclarationAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var booking = (await database.ReadAsync(c => BookingQueries.QueryAsync(c, null, "WHERE declaration = @number ORDER BY created_ms DESC LIMIT 1", new { number }),
            cancellationToken)).FirstOrDefault();
        if (booking is null) return null;
        Bookings.Authorize(booking, actor);
        return await StatusAsync(booking, cancellationToken);
    }

    /// <summary>The actor's company's bookings (a trader), or every booking (staff), newest first, with their trucks' queue places.</summary>
    public async Task<IReadOnlyList<BookingStatus>> ForCompanyAsync(Actor actor, int limit, CancellationToken cancellationToken = default)
    {
        var company = actor.Role == NodeRoles.Trader ? actor.Company ?? "" : null;
        var (bookings, visits) = await database.ReadAsync(async c =>
        {
            var rows = await BookingQueries.QueryAsync(c, null, "WHERE (@company IS NULL OR company = @company) ORDER BY created_ms DESC LIMIT @limit",
                new { company, limit = (long)limit });
            var ids = rows.Select(b => b.Id).ToArray();
            var trucks = ids.Length == 0 ? [] : await VisitQueries.QueryAsync(c, null, "WHERE v.booking_id IN @ids ORDER BY v.joined_ms", new { ids });
            return (rows, trucks.Select(t => t.Visit).ToList());
        }, cancellationToken);
        var places = new Dictionary<string, QueuePlace>();
        foreach (var direction in visits.Where(v => v.State == VisitState.Waiting).Select(v => v.Direction).Distinct())
            foreach (var place in await overview.PlacesAsync(direction, cancellationToken)) places[place.VisitId] = place;
        return [.. bookings.Select(b => Status(b, visits.LastOrDefault(v => v.BookingId == b.Id), places))];
    }

    /// <summary>
    /// The driver's view of a booking, opened with the code in the driver's link: null when there is no such booking or the
    /// code is wrong (the two are not told apart, and the code is compared in constant time).
    /// </summary>
    public async Task<BookingStatus?> ForDriverAsync(string id, string code, CancellationToken cancellationToken = default)
    {
        var booking = await database.ReadAsync(c => BookingQueries.LoadAsync(c, null, id), cancellationToken);
        var expected = Encoding.UTF8.GetBytes(booking?.DriverCode ?? "");
        var given = Encoding.UTF8.GetBytes(code);
        if (booking is null || !CryptographicOperations.FixedTimeEquals(expected, given)) return null;
        return await StatusAsync(booking, cancellationToken);
    }

    public async Task<BookingStatus> StatusAsync(Booking booking, CancellationToken cancellationToken = default)
    {
        var visit = (await database.ReadAsync(c => VisitQueries.QueryAsync(c, null, "WHERE v.booking_id = @id ORDER BY v.joined_ms DESC LIMIT 1", new { id = booking.Id }),
            cancellationToken)).Select(t => t.Visit).FirstOrDefault();
        var place = visit is null ? null : await overview.PlaceAsync(visit, cancellationToken);
        return Status(booking, visit, place is null ? [] : new Dictionary<string, QueuePlace> { [place.VisitId] = place });
    }

    /// <summary>Expected: at its queue place's time while it waits, when it was called once called, else at its slot.</summary>
    private static BookingStatus Status(Booking booking, Visit? visit, IReadOnlyDictionary<string, QueuePlace> places)
    {
        var place = visit is not null && places.TryGetValue(visit.Id, out var p) ? p : null;
        return new BookingStatus(booking, visit, place, place?.ExpectedAt ?? visit?.CalledAt ?? booking.SlotStart);
    }

    /// <summary>Whether a slot can still be booked usefully: not over, and not so far begun that the no-show rule would take it at once.</summary>
    public bool StillBookable(Slot slot, DateTimeOffset now) => slot.Start + options.NoShowGrace > now && slot.End > now;
}
