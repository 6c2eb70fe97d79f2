using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>
/// Truck appointments: the operator sets capacity per lane and slot; traders book, rebook and cancel. Every booking locks its
/// slot row and checks capacity, the perishables' reserve and the carrier's quota in the same transaction, so no slot is
/// ever overbooked however many requests race for it.
/// </summary>
public sealed class Bookings(NodeDatabase database, GateOptions options, TimeProvider time)
{
    public Task<IReadOnlyList<Slot>> SetCapacityAsync(CapacityInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role != NodeRoles.Operator) throw GateRefusals.Role(actor.Role, "set gate capacity");
        var lane = options.Lane(input.Lane)!;
        var starts = SlotGrid.Starts(input.From!.Value, input.To!.Value, options.SlotLength).ToList();
        return database.WriteAsync<IReadOnlyList<Slot>>(async tx =>
        {
            var slotLength = (long)options.SlotLength.TotalMilliseconds;
            var changed = await tx.InsertRowsAsync("gate_slots",
                ["lane", "start_ms", "end_ms", "direction", "capacity", "perishable_reserved", "carrier_quota", "booked", "booked_perishable"],
                starts.Select(s => new object?[] { lane.Id, s.ToUnixTimeMilliseconds(), s.ToUnixTimeMilliseconds() + slotLength, lane.Direction,
                    (long)input.PerSlot!.Value, (long)input.PerishableReserved.GetValueOrDefault(), (long?)input.CarrierQuota, 0L, 0L }).ToList(),
                // A slot keeps its bookings: its capacity cannot drop below what is booked in it.
                "ON CONFLICT (lane, start_ms) DO UPDATE SET capacity = excluded.capacity, perishable_reserved = excluded.perishable_reserved, " +
                "carrier_quota = excluded.carrier_quota WHERE gate_slots.booked <= excluded.capacity", cancellationToken);
            if (changed < starts.Count)
            {
                var full = await tx.Connection.QueryFirstAsync<long>(
                    "SELECT start_ms FROM gate_slots WHERE lane = @lane AND start_ms >= @from AND start_ms < @to AND booked > @capacity ORDER BY start_ms",
                    new { lane = lane.Id, from = starts[0].ToUnixTimeMilliseconds(), to = input.To.Value.ToUnixTimeMilliseconds(), capacity = (long)input.PerSlot!.Value }, tx.Transaction);
                var at = DateTimeOffset.FromUnixTimeMilliseconds(full);
                throw GateRefusals.Conflict("perSlot", $"the slot at {at:u} on lane {lane.Id} has more trucks booked than {input.PerSlot}; cancel or rebook them first.",
                    $"khung giờ {at:u} tại làn {lane.Id} đã có nhiều xe đặt lịch hơn {input.PerSlot}; hãy hủy hoặc đổi lịch trước.",
                    $"{lane.Id}车道{at:u}时段的已预约车辆多于{input.PerSlot}辆；请先取消或改约。");
            }
            return await SlotQueries.ListAsync(tx.Connection, tx.Transaction, lane.Id, null, starts[0], input.To.Value);
        }, cancellationToken);
    }

    public Task<Booking> BookAsync(BookingInput input, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var declaration = await LoadDeclarationAsync(tx, input.Declaration!, actor);
            var direction = DirectionOf(declaration);
            var lane = ChooseLane(input.Lane, direction);
            var plate = PlateOf(input.Plate, declaration);
            var carrier = string.IsNullOrWhiteSpace(input.Carrier) ? declaration.OwnerCompany : input.Carrier.Trim();
            var slot = await TakePlaceAsync(tx, lane, input.SlotStart!.Value, declaration.Perishable, carrier, excludeBooking: null);
            var now = time.GetUtcNow();
            var booking = new Booking(NewId(), declaration.Number, declaration.OwnerCompany, carrier, plate,
                declaration.Perishable, lane.Id, direction, slot.Start, BookingState.Booked, DriverCode(), input.DriverPhone?.Trim(), now, now);
            try
            {
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO gate_bookings (id, declaration, active_declaration, company, carrier, plate, perishable, lane, direction, slot_start_ms, state, " +
                    "driver_code, driver_phone, created_ms, updated_ms) VALUES (@Id, @Declaration, @Declaration, @Company, @Carrier, @Plate, @perishable, @Lane, " +
                    "@Direction, @slot, @State, @DriverCode, @DriverPhone, @now, @now)",
                    new { booking.Id, booking.Declaration, booking.Company, booking.Carrier, booking.Plate, perishable = booking.Perishable ? 1L : 0L, booking.Lane,
                        booking.Direction, slot = slot.Start.ToUnixTimeMilliseconds(), booking.State, booking.DriverCode, booking.DriverPhone, now = now.ToUnixTimeMilliseconds() },
                    tx.Transaction);
            }
            catch (DbException e) when (IsUniqueViolation(e))
            {
                throw AlreadyBooked(declaration.Number);
            }
            return booking;
        }, cancellationToken);

    public Task<Booking> RebookAsync(string id, RebookInput input, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var booking = await LoadForChangeAsync(tx, id, actor);
            if (booking.State != BookingState.Booked)
                throw GateRefusals.Conflict("state", $"booking {id} is {booking.State}; only a booking whose truck has not checked in can be moved.",
                    $"lịch hẹn {id} đang ở trạng thái {booking.State}; chỉ đổi được lịch khi xe chưa vào bãi chờ.", $"预约{id}当前状态为{booking.State}；只有车辆尚未到场的预约才能改约。");
            var lane = ChooseLane(input.Lane ?? booking.Lane, booking.Direction);
            await ReleasePlaceAsync(tx, booking);
            var slot = await TakePlaceAsync(tx, lane, input.SlotStart!.Value, booking.Perishable, booking.Carrier, excludeBooking: booking.Id);
            var now = time.GetUtcNow();
            await tx.Connection.ExecuteAsync("UPDATE gate_bookings SET lane = @lane, slot_start_ms = @slot, updated_ms = @now WHERE id = @id",
                new { id, lane = lane.Id, slot = slot.Start.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
            return booking with { Lane = lane.Id, SlotStart = slot.Start, UpdatedAt = now };
        }, cancellationToken);

    public Task<Booking> CancelAsync(string id, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var booking = await LoadForChangeAsync(tx, id, actor);
            if (!BookingState.IsActive(booking.State))
                throw GateRefusals.Conflict("state", $"booking {id} is {booking.State} already.", $"lịch hẹn {id} đã ở trạng thái {booking.State}.", $"预约{id}已是{booking.State}状态。");
            await ReleasePlaceAsync(tx, booking);
            return await BookingQueries.SetStateAsync(tx, booking, BookingState.Cancelled, time.GetUtcNow());
        }, cancellationToken);

    /// <summary>A booking the actor may see: a trader its own company's, staff of this side any.</summary>
    public async Task<Booking> GetAsync(string id, Actor actor, CancellationToken cancellationToken = default)
    {
        var booking = await database.ReadAsync(c => BookingQueries.LoadAsync(c, null, id)) ?? throw GateRefusals.NoBooking(id);
        Authorize(booking, actor);
        return booking;
    }

    internal static void Authorize(Booking booking, Actor actor)
    {
        if (actor.Role == NodeRoles.Trader && !string.Equals(actor.Company, booking.Company, StringComparison.OrdinalIgnoreCase))
            throw GateRefusals.Forbidden("id", $"booking {booking.Id} belongs to another company.", $"lịch hẹn {booking.Id} thuộc về công ty khác.", $"预约{booking.Id}属于其他企业。");
    }

    private async Task<Booking> LoadForChangeAsync(NodeTransaction tx, string id, Actor actor)
    {
        if (actor.Role is not (NodeRoles.Trader or NodeRoles.Operator)) throw GateRefusals.Role(actor.Role, "change a booking");
        var booking = await BookingQueries.LoadAsync(tx.Connection, tx.Transaction, id, forUpdate: tx.Kind == DatabaseKind.Postgres) ?? throw GateRefusals.NoBooking(id);
        Authorize(booking, actor);
        return booking;
    }

    private async Task<StoredDeclaration> LoadDeclarationAsync(NodeTransaction tx, string number, Actor actor)
    {
        if (actor.Role is not (NodeRoles.Trader or NodeRoles.Operator)) throw GateRefusals.Role(actor.Role, "book a truck slot");
        var declaration = await DeclarationTimeline.LoadAsync(tx.Connection, tx.Transaction, number)
            ?? throw GateRefusals.NotFound("declaration", $"there is no declaration {number} on the {options.Side} node; lodge it before booking.",
                $"không có tờ khai {number} trên nút {options.Side}; hãy nộp tờ khai trước khi đặt lịch.", $"{options.Side}节点上没有报关单{number}；请先申报再预约。");
        try { DeclarationTimeline.Authorize(declaration, actor); }
        catch (DeclarationRefusal refusal) { throw new Refusal(refusal.Status, "declaration", refusal.Text); }
        if (declaration.State is ClearanceState.Cancelled or ClearanceState.Rejected or ClearanceState.Exited or ClearanceState.CrossedBorder)
            throw GateRefusals.Conflict("declaration", $"declaration {number} is {declaration.State}; a truck slot needs a lodged declaration still in progress.",
                $"tờ khai {number} đang ở trạng thái {declaration.State}; đặt lịch xe cần tờ khai đang được xử lý.", $"报关单{number}当前状态为{declaration.State}；预约车位需要一份仍在办理中的报关单。");
        return declaration;
    }

    internal static string DirectionOf(StoredDeclaration declaration) =>
        declaration.Type == DeclarationType.Import ? Direction.Inbound : Direction.Outbound;

    private GateLane ChooseLane(string? requested, string direction)
    {
        if (requested is null) return options.Lanes.First(l => l.Direction == direction);
        var lane = options.Lane(requested) ?? throw GateRefusals.NotFound("lane", $"there is no lane {requested}.", $"không có làn {requested}.", $"没有{requested}车道。");
        if (lane.Direction != direction)
            throw GateRefusals.Conflict("lane", $"lane {lane.Id} is {lane.Direction}; this truck goes {direction}.",
                $"làn {lane.Id} dành cho chiều {lane.Direction}; xe này đi chiều {direction}.", $"{lane.Id}车道为{lane.Direction}方向；该车为{direction}方向。");
        return lane;
    }

    private static string PlateOf(string? requested, StoredDeclaration declaration)
    {
        var plate = PlateNumber.Normalize(string.IsNullOrWhiteSpace(requested) ? declaration.Content.Transport.Plate : requested);
        return plate.Length > 0 ? plate
            : throw GateRefusals.Conflict("plate", $"declaration {declaration.Number} names no truck; give the plate.",
                $"tờ khai {declaration.Number} không ghi biển số xe; hãy nhập biển số.", $"报关单{declaration.Number}未注明车辆；请填写车牌号。");
    }

    /// <summary>Locks the slot and takes one place in it, or refuses with the reason (no capacity set, past, full, reserve, carrier quota).</summary>
    private async Task<Slot> TakePlaceAsync(NodeTransaction tx, GateLane lane, DateTimeOffset start, bool perishable, string carrier, string? excludeBooking)
    {
        var slot = await SlotQueries.LockAsync(tx, lane.Id, start)
            ?? throw GateRefusals.Conflict("slotStart", $"the gate operator has set no capacity on lane {lane.Id} for the slot at {start:u}.",
                $"điều hành cổng chưa đặt công suất cho làn {lane.Id} vào khung giờ {start:u}.", $"口岸操作员尚未设置{lane.Id}车道{start:u}时段的通行能力。");
        // A slot whose grace time has passed would be marked missed at the next sweep and count as the carrier's no-show.
        if (slot.Start + options.NoShowGrace <= time.GetUtcNow())
            throw GateRefusals.Conflict("slotStart", $"the slot at {start:u} is too late to keep: a truck must check in within {options.NoShowGrace.TotalMinutes:0} minutes of its start.",
                $"khung giờ {start:u} đã quá muộn: xe phải vào bãi chờ trong vòng {options.NoShowGrace.TotalMinutes:0} phút kể từ đầu khung giờ.",
                $"{start:u}时段已来不及：车辆须在时段开始后{options.NoShowGrace.TotalMinutes:0}分钟内到场。");
        if (!slot.Accepts(perishable))
            throw slot.Free > 0
                ? GateRefusals.Conflict("slotStart", $"the {slot.Free} free places at {start:u} on lane {lane.Id} are held for perishable goods.",
                    $"{slot.Free} chỗ còn trống lúc {start:u} tại làn {lane.Id} được dành cho hàng dễ hư hỏng.", $"{lane.Id}车道{start:u}时段剩余的{slot.Free}个车位留给鲜活易腐货物。")
                : GateRefusals.Conflict("slotStart", $"the slot at {start:u} on lane {lane.Id} is full ({slot.Capacity} trucks).",
                    $"khung giờ {start:u} tại làn {lane.Id} đã kín ({slot.Capacity} xe).", $"{lane.Id}车道{start:u}时段已满（{slot.Capacity}辆）。");
        if (slot.CarrierQuota is { } quota)
        {
            var (kept, missed) = await tx.Connection.QuerySingleOrDefaultAsync<(long, long)>(
                "SELECT kept, missed FROM gate_carriers WHERE carrier = @carrier", new { carrier }, tx.Transaction);
            var allowed = CarrierQuota.For(quota, kept, missed);
            var held = await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM gate_bookings WHERE lane = @lane AND slot_start_ms = @start AND carrier = @carrier AND state IN ('booked', 'arrived') AND id <> @exclude",
                new { lane = lane.Id, start = start.ToUnixTimeMilliseconds(), carrier, exclude = excludeBooking ?? "" }, tx.Transaction);
            if (held >= allowed)
                throw GateRefusals.Conflict("carrier", $"carrier {carrier} holds {held} of its {allowed} places in the slot at {start:u}" +
                    (allowed < quota ? $" (quota {quota}, lowered for missed slots: {missed} of {kept + missed})." : "."),
                    $"đơn vị vận tải {carrier} đã giữ {held}/{allowed} chỗ trong khung giờ {start:u}" + (allowed < quota ? $" (hạn mức {quota}, bị giảm do lỡ hẹn: {missed}/{kept + missed})." : "."),
                    $"承运人{carrier}已占用{start:u}时段{allowed}个配额中的{held}个" + (allowed < quota ? $"（配额{quota}，因爽约{missed}/{kept + missed}次而降低）。" : "。"));
        }
        await tx.Connection.ExecuteAsync(
            "UPDATE gate_slots SET booked = booked + 1, booked_perishable = booked_perishable + @perishable WHERE lane = @lane AND start_ms = @start",
            new { lane = lane.Id, start = start.ToUnixTimeMilliseconds(), perishable = perishable ? 1L : 0L }, tx.Transaction);
        return slot with { Booked = slot.Booked + 1, BookedPerishable = slot.BookedPerishable + (perishable ? 1 : 0) };
    }

    internal static Task ReleasePlaceAsync(NodeTransaction tx, Booking booking) =>
        tx.Connection.ExecuteAsync(
            "UPDATE gate_slots SET booked = booked - 1, booked_perishable = booked_perishable - @perishable WHERE lane = @lane AND start_ms = @start",
            new { lane = booking.Lane, start = booking.SlotStart.ToUnixTimeMilliseconds(), perishable = booking.Perishable ? 1L : 0L }, tx.Transaction);

    private static Refusal AlreadyBooked(string number) =>
        GateRefusals.Conflict("declaration", $"declaration {number} has a booking already; rebook or cancel it.",
            $"tờ khai {number} đã có lịch hẹn; hãy đổi hoặc hủy lịch đó.", $"报关单{number}已有预约；请改约或取消。");

    private static bool IsUniqueViolation(DbException e) =>
        e is Npgsql.PostgresException { SqlState: "23505" } || (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 });

    internal static string NewId() => "BK-" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant();

    // A short code a driver's phone link carries instead of a sign-in.
    internal static string DriverCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
