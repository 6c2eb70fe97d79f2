using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>
/// The waiting area: trucks check in (with a booking, or as walk-ins with their declaration), wait in the order of
/// <see cref="QueueOrder"/>, and are called forward to a free lane of their direction.
/// </summary>
public sealed class YardQueue(NodeDatabase database, GateOptions options, TimeProvider time)
{
    public Task<QueuePlace> CheckInAsync(CheckInInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (NodeRoles.Operator or NodeRoles.Officer)) throw GateRefusals.Role(actor.Role, "check a truck in");
        var plate = PlateNumber.Normalize(input.Plate);
        return database.WriteAsync(async tx =>
        {
            if (await VisitQueries.ActiveByPlateAsync(tx.Connection, tx.Transaction, plate) is { } present)
                throw GateRefusals.Conflict("plate", $"truck {plate} is at the gate already ({present.State}, visit {present.Id}).",
                    $"xe {plate} đã ở cổng ({present.State}, lượt {present.Id}).", $"车辆{plate}已在口岸（{present.State}，到场记录{present.Id}）。");
            var now = time.GetUtcNow();
            var booking = (await BookingQueries.QueryAsync(tx.Connection, tx.Transaction,
                "WHERE plate = @plate AND state = 'booked' ORDER BY slot_start_ms LIMIT 1", new { plate })).FirstOrDefault();
            string number;
            if (booking is not null)
            {
                number = booking.Declaration;
                await BookingQueries.SetStateAsync(tx, booking, BookingState.Arrived, now);
                await CarrierRecord.AddAsync(tx, booking.Carrier, kept: 1, missed: 0);
            }
            else
            {
                number = input.Declaration?.Trim() is { Length: > 0 } given ? given
                    : throw GateRefusals.Conflict("declaration", $"truck {plate} has no booking; a walk-in gives its declaration number.",
                        $"xe {plate} không có lịch hẹn; xe vãng lai phải cung cấp số tờ khai.", $"车辆{plate}没有预约；未预约车辆须提供报关单号。");
            }
            var declaration = await DeclarationTimeline.LoadAsync(tx.Connection, tx.Transaction, number)
                ?? throw GateRefusals.NotFound("declaration", $"there is no declaration {number} on the {options.Side} node.",
                    $"không có tờ khai {number} trên nút {options.Side}.", $"{options.Side}节点上没有报关单{number}。");
            var visit = new Visit("TV-" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant(), plate, number, booking?.Id, Bookings.DirectionOf(declaration),
                declaration.Perishable || input.Priority == true, VisitState.Waiting, null, now, null, false, null, null);
            await tx.Connection.ExecuteAsync(
                "INSERT INTO gate_visits (id, plate, declaration, booking_id, direction, priority, state, lane, joined_ms, called_ms, held, released_ms, passed_ms) " +
                "VALUES (@Id, @Plate, @Declaration, @BookingId, @Direction, @priority, @State, NULL, @now, NULL, 0, NULL, NULL)",
                new { visit.Id, visit.Plate, visit.Declaration, visit.BookingId, visit.Direction, priority = visit.Priority ? 1L : 0L, visit.State, now = now.ToUnixTimeMilliseconds() },
                tx.Transaction);
            return (await PlacesAsync(tx, visit.Direction, now)).Single(p => p.VisitId == visit.Id);
        }, cancellationToken);
    }

    /// <summary>Calls the first waiting truck of the lane's direction forward to the lane; null when nobody waits.</summary>
    public Task<Visit?> CallNextAsync(string laneId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (NodeRoles.Operator or NodeRoles.Officer)) throw GateRefusals.Role(actor.Role, "call a truck forward");
        var lane = options.Lane(laneId) ?? throw GateRefusals.NotFound("lane", $"there is no lane {laneId}.", $"không có làn {laneId}.", $"没有{laneId}车道。");
        return database.WriteAsync(async tx =>
        {
            if (await VisitQueries.AtLaneAsync(tx.Connection, tx.Transaction, lane.Id) is { } busy)
                throw GateRefusals.Conflict("lane", $"lane {lane.Id} is taken by truck {busy.Plate} ({busy.State}).",
                    $"làn {lane.Id} đang có xe {busy.Plate} ({busy.State}).", $"{lane.Id}车道被车辆{busy.Plate}占用（{busy.State}）。");
            var now = time.GetUtcNow();
            // Another lane may call the same truck at the same moment: the first update wins, the other takes the next truck.
            foreach (var next in QueueOrder.Sort(await VisitQueries.WaitingAsync(tx.Connection, tx.Transaction, lane.Direction), now))
            {
                var called = await VisitQueries.SetAsync(tx, next.Visit.Id, "state = 'called', lane = @lane, called_ms = @now",
                    new { lane = lane.Id, now = now.ToUnixTimeMilliseconds(), waiting = VisitState.Waiting }, whereAlso: "state = @waiting");
                if (called == 1) return next.Visit with { State = VisitState.Called, Lane = lane.Id, CalledAt = now };
            }
            return null;
        }, cancellationToken);
    }

    /// <summary>An officer pulls a called truck off its lane to the inspection area: the lane is free for the next truck.</summary>
    public Task<Visit> PullAsideAsync(string visitId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role != NodeRoles.Officer) throw GateRefusals.Role(actor.Role, "pull a truck aside");
        return database.WriteAsync(async tx =>
        {
            var visit = await VisitQueries.LoadAsync(tx.Connection, tx.Transaction, visitId) ?? throw GateRefusals.NoVisit(visitId);
            if (visit.State != VisitState.Called)
                throw GateRefusals.Conflict("state", $"truck {visit.Plate} is {visit.State}; only a truck called to a lane can be pulled aside.",
                    $"xe {visit.Plate} đang ở trạng thái {visit.State}; chỉ xe đã được gọi vào làn mới có thể đưa sang khu kiểm tra.",
                    $"车辆{visit.Plate}当前状态为{visit.State}；只有已叫号进入车道的车辆才能调离至查验区。");
            var now = time.GetUtcNow();
            await VisitQueries.SetAsync(tx, visitId, "state = 'aside'", new { });
            await GateReleases.RecordAsync(tx, visit, GateDecisionKind.PulledAside, actor.Name, [$"pulled aside to the inspection area from lane {visit.Lane}: {reason}".TrimEnd(' ', ':')], now);
            return visit with { State = VisitState.Aside };
        }, cancellationToken);
    }

    public Task<IReadOnlyList<QueuePlace>> PlacesAsync(string direction, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection => Places(await VisitQueries.WaitingAsync(connection, null, direction), direction, time.GetUtcNow()), cancellationToken);

    /// <summary>The truck at a lane now (called to it, or released and not yet through the barrier).</summary>
    public Task<Visit?> AtLaneAsync(string lane, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => VisitQueries.AtLaneAsync(connection, null, lane.ToUpperInvariant()), cancellationToken);

    public Task<Visit?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection => VisitQueries.LoadAsync(connection, null, id), cancellationToken);

    private async Task<IReadOnlyList<QueuePlace>> PlacesAsync(NodeTransaction tx, string direction, DateTimeOffset now) =>
        Places(await VisitQueries.WaitingAsync(tx.Connection, tx.Transaction, direction), direction, now);

    private IReadOnlyList<QueuePlace> Places(IReadOnlyList<WaitingTruck> waiting, string direction, DateTimeOffset now) =>
        QueueOrder.Places(QueueOrder.Sort(waiting, now), now, options.Lanes.Count(l => l.Direction == direction), options.LaneServiceTime);
}

/// <summary>Each carrier's kept and missed slots, behind its no-show quota.</summary>
internal static class CarrierRecord
{
    public static Task AddAsync(NodeTransaction tx, string carrier, int kept, int missed) =>
        tx.Connection.ExecuteAsync(
            "INSERT INTO gate_carriers (carrier, kept, missed) VALUES (@carrier, @kept, @missed) " +
            "ON CONFLICT (carrier) DO UPDATE SET kept = gate_carriers.kept + excluded.kept, missed = gate_carriers.missed + excluded.missed",
            new { carrier, kept = (long)kept, missed = (long)missed }, tx.Transaction);
}
