using System.Security.Claims;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Gate;

internal static class AppointmentsApi
{
    /// <summary>
    /// A booking with where the truck stands (its queue place once it has checked in, else its slot) and the fees charged on it,
    /// each with whether it is still due.
    /// </summary>
    public sealed record BookingView(Booking Booking, QueuePlace? Place, DateTimeOffset ExpectedAt, Visit? Visit, IReadOnlyList<BookingFeeView> Fees);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("capacity", SetCapacityAsync).WithSummary("The gate operator sets a lane's trucks per slot over a period, places held for perishables and a per-carrier quota.")
            .RequireAuthorization(NodePolicies.Operator);
        group.MapGet("slots", ListSlotsAsync).WithSummary("Slots with their capacity and free places (?direction=&lane=&from=&to=, default the next 24 hours).");
        group.MapPost("bookings", BookAsync).WithSummary("Book a truck slot for a lodged declaration (a trader for its company's, or the operator).");
        group.MapGet("bookings", ListAsync).WithSummary("Bookings, newest first; a trader sees only its company's.");
        group.MapGet("bookings/{id}", GetAsync).WithSummary("One booking with the truck's queue position and expected time, and its gate fees (due or paid).");
        group.MapPost("bookings/{id}/rebook", RebookAsync).WithSummary("Move a booking whose truck has not checked in to another slot.");
        group.MapPost("bookings/{id}/cancellation", (string id, Bookings bookings, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
            GateApi.Run(() => bookings.CancelAsync(id, ClearanceApi.ActorOf(user), ct), request)).WithSummary("Cancel a booking; its place is free at once.");
    }

    private static async Task<IResult> SetCapacityAsync(CapacityInput body, Bookings bookings, GateOptions options, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (options.Lane(body.Lane) is null) errors.Add("lane", $"must be one of {string.Join(", ", options.Lanes.Select(l => l.Id))}.",
            $"phải là một trong {string.Join(", ", options.Lanes.Select(l => l.Id))}.", $"必须是以下之一：{string.Join("、", options.Lanes.Select(l => l.Id))}。");
        if (body.From is null) errors.Add("from", ValidationErrors.IsRequired);
        if (body.To is null) errors.Add("to", ValidationErrors.IsRequired);
        if (body.From is { } from && body.To is { } to && (to <= from || to - from > TimeSpan.FromDays(31)))
            errors.Add("to", "must be after from, at most 31 days later.", "phải sau from, tối đa 31 ngày.", "必须晚于from，且不超过31天。");
        else if (body.From is { } start && !SlotGrid.IsSlotStart(start, options.SlotLength)) errors.Add("from", SlotRule(options));
        if (body.PerSlot is not (>= 0 and <= 1000)) errors.Add("perSlot", "must be a number of trucks from 0 to 1000.", "phải là số xe từ 0 đến 1000.", "必须是0到1000之间的车辆数。");
        if (body.PerishableReserved is < 0 || body.PerishableReserved > body.PerSlot)
            errors.Add("perishableReserved", "must be from 0 to perSlot.", "phải từ 0 đến perSlot.", "必须在0到perSlot之间。");
        if (body.CarrierQuota is < 1) errors.Add("carrierQuota", "must be at least 1 when given.", "nếu có, phải từ 1 trở lên.", "如填写，必须至少为1。");
        if (errors.Any) return ClearanceApi.Invalid(errors, GateApi.NotDone, request);
        return (await GateApi.Run(() => bookings.SetCapacityAsync(body, ClearanceApi.ActorOf(user), ct), request)).Result;
    }

    private static async Task<Ok<IReadOnlyList<Slot>>> ListSlotsAsync(string? direction, string? lane, DateTimeOffset? from, DateTimeOffset? to,
        NodeDatabase database, TimeProvider time, CancellationToken ct)
    {
        var start = from ?? time.GetUtcNow().AddHours(-1);
        return TypedResults.Ok(await database.ReadAsync(c => SlotQueries.ListAsync(c, null, lane?.ToUpperInvariant(), direction, start, to ?? start.AddDays(1)), ct));
    }

    private static async Task<IResult> BookAsync(BookingInput body, Bookings bookings, GateOptions options, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var errors = CheckSlot(body.SlotStart, options);
        if (string.IsNullOrWhiteSpace(body.Declaration)) errors.Add("declaration", ValidationErrors.IsRequired);
        if (body.DriverPhone is { Length: > 0 } phone && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9 ]{6,20}$"))
            errors.Add("driverPhone", "must be a phone number: digits, spaces and an optional leading +.", "phải là số điện thoại: chữ số, dấu cách và dấu + ở đầu (nếu có).", "必须是电话号码：数字、空格，可以+开头。");
        if (errors.Any) return ClearanceApi.Invalid(errors, GateApi.NotDone, request);
        try
        {
            var booking = await bookings.BookAsync(body, ClearanceApi.ActorOf(user), ct);
            return TypedResults.Created($"/api/v1/gate/bookings/{booking.Id}", booking);
        }
        catch (Refusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<IResult> RebookAsync(string id, RebookInput body, Bookings bookings, GateOptions options, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
        CheckSlot(body.SlotStart, options) is { Any: true } errors ? ClearanceApi.Invalid(errors, GateApi.NotDone, request)
            : (await GateApi.Run(() => bookings.RebookAsync(id, body, ClearanceApi.ActorOf(user), ct), request)).Result;

    private static async Task<Ok<IReadOnlyList<Booking>>> ListAsync(string? state, NodeDatabase database, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = ClearanceApi.ActorOf(user);
        var company = actor.Role == NodeRoles.Trader ? actor.Company ?? "" : null;
        return TypedResults.Ok(await database.ReadAsync(c => BookingQueries.QueryAsync(c, null,
            "WHERE (@company IS NULL OR company = @company) AND (@state IS NULL OR state = @state) ORDER BY created_ms DESC LIMIT 500", new { company, state }), ct));
    }

    private static Task<Results<Ok<BookingView>, ProblemHttpResult>> GetAsync(string id, Bookings bookings, YardQueue queue, BookingFees fees, NodeDatabase database,
        ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
        GateApi.Run(async () =>
        {
            var booking = await bookings.GetAsync(id, ClearanceApi.ActorOf(user), ct);
            var visitId = await database.ReadAsync(c => c.QueryFirstOrDefaultAsync<string?>(
                "SELECT id FROM gate_visits WHERE booking_id = @id ORDER BY joined_ms DESC LIMIT 1", new { id }), ct);
            var visit = visitId is null ? null : await queue.GetAsync(visitId, ct);
            var place = visit is { State: VisitState.Waiting } ? (await queue.PlacesAsync(visit.Direction, ct)).FirstOrDefault(p => p.VisitId == visit.Id) : null;
            var now = fees.Now;
            var charged = (await fees.ForBookingAsync(database, id, ct)).Select(f => BookingFeeView.Of(f, now)).ToList();
            return new BookingView(booking, place, place?.ExpectedAt ?? visit?.CalledAt ?? booking.SlotStart, visit, charged);
        }, request);

    private static ValidationErrors CheckSlot(DateTimeOffset? slotStart, GateOptions options)
    {
        var errors = new ValidationErrors();
        if (slotStart is null) errors.Add("slotStart", ValidationErrors.IsRequired);
        else if (!SlotGrid.IsSlotStart(slotStart.Value, options.SlotLength)) errors.Add("slotStart", SlotRule(options));
        return errors;
    }

    private static Trilingual SlotRule(GateOptions options) => new(
        Vi: $"phải là thời điểm bắt đầu một khung giờ: bội số của {options.SlotLength.TotalMinutes:0} phút tính từ 00:00 UTC.",
        Zh: $"必须是时段的开始时间：从 UTC 00:00 起 {options.SlotLength.TotalMinutes:0} 分钟的整数倍。",
        En: $"must be the start of a slot: a multiple of {options.SlotLength.TotalMinutes:0} minutes from 00:00 UTC.");
}
