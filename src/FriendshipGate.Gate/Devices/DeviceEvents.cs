using System.Text.Json;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

/// <summary>
/// Takes device readings: stores each once by the device's event id, binds it to the truck at its lane (or the truck with
/// the plate read), checks it against the booking and declaration, raises an alert on a mismatch, and lets
/// <see cref="GateReleases"/> decide, all in one transaction.
/// </summary>
public sealed class DeviceEvents(NodeDatabase database, GateReleases releases, GateOptions options, TimeProvider time)
{
    public Task<DeviceEventResult> RecordAsync(DeviceEventInput input, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var reading = input.Reading();
            if (await LoadAsync(tx, input.EventId!) is { } earlier)
            {
                if (earlier.Reading != reading)
                    throw GateRefusals.Conflict("eventId", $"event {input.EventId} was recorded with a different reading ({earlier.Reading}); a device event id names one reading.",
                        $"sự kiện {input.EventId} đã được ghi với giá trị khác ({earlier.Reading}); mỗi mã sự kiện chỉ ứng với một lần đọc.",
                        $"事件{input.EventId}已按不同读数记录（{earlier.Reading}）；一个设备事件编号只对应一次读数。");
                return earlier.Result with { Duplicate = true };
            }
            var visit = await BindAsync(tx, input);
            var declaration = visit is null ? null : await DeclarationTimeline.LoadAsync(tx.Connection, tx.Transaction, visit.Declaration);
            var check = DeviceChecks.Check(input, visit, declaration, options);
            var now = time.GetUtcNow();
            // The same id sent twice at once: the second insert waits for the first and does nothing (then answers as a duplicate).
            var inserted = await tx.Connection.ExecuteAsync(
                "INSERT INTO gate_device_events (event_id, device, kind, lane, at_ms, received_ms, reading, value, visit_id, booking_id, declaration, outcome, detail) " +
                "VALUES (@EventId, @Device, @Kind, @lane, @at, @now, @reading, @value, @visit, @booking, @declaration, @outcome, @detail) ON CONFLICT (event_id) DO NOTHING",
                new { input.EventId, input.Device, input.Kind, lane = options.Lane(input.Lane)?.Id, at = input.At!.Value.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds(),
                    reading, value = check.Value, visit = visit?.Id, booking = visit?.BookingId, declaration = visit?.Declaration, outcome = check.Outcome, detail = check.Detail },
                tx.Transaction);
            if (inserted == 0) return (await LoadAsync(tx, input.EventId!))!.Result with { Duplicate = true };
            if (check.Alert is not null) await GateAlerts.RaiseAsync(tx, input.EventId!, visit, check.Alert, check.Detail, now);

            GateDecision? decision = null;
            if (visit is not null && input.Kind == DeviceEventKind.Barrier && input.Action == "opened" && visit.State == VisitState.Released)
                await PassAsync(tx, visit, now);
            else if (visit is not null)
                decision = await releases.EvaluateAsync(tx, visit, cancellationToken, declaration);
            var barrier = decision?.Decision is GateDecisionKind.AutoReleased or GateDecisionKind.BarrierOpened ? "open" : null;
            // What this reading led to is kept with it, so that the device sending it again gets this answer and no other.
            await tx.Connection.ExecuteAsync("UPDATE gate_device_events SET answer = @answer WHERE event_id = @eventId",
                new { eventId = input.EventId, answer = JsonSerializer.Serialize(new Answer(barrier, decision)) }, tx.Transaction);
            return new DeviceEventResult(input.EventId!, input.Kind!, check.Outcome, check.Detail, visit?.Id, visit?.BookingId, visit?.Declaration, false, barrier, decision);
        }, cancellationToken);

    /// <summary>The truck a reading is about: the one at its lane; without a lane, the truck at the gate with the plate read.</summary>
    private static async Task<Visit?> BindAsync(NodeTransaction tx, DeviceEventInput input)
    {
        if (input.Lane is not null) return await VisitQueries.AtLaneAsync(tx.Connection, tx.Transaction, input.Lane.ToUpperInvariant());
        return input.Kind == DeviceEventKind.PlateRead ? await VisitQueries.ActiveByPlateAsync(tx.Connection, tx.Transaction, PlateNumber.Normalize(input.Plate)) : null;
    }

    /// <summary>The barrier opened for a released truck: it is through the gate, its booking done and its lane free.</summary>
    private static async Task PassAsync(NodeTransaction tx, Visit visit, DateTimeOffset now)
    {
        await VisitQueries.SetAsync(tx, visit.Id, "state = 'passed', passed_ms = @now", new { now = now.ToUnixTimeMilliseconds() });
        if (visit.BookingId is { } bookingId && await BookingQueries.LoadAsync(tx.Connection, tx.Transaction, bookingId) is { } booking)
            await BookingQueries.SetStateAsync(tx, booking, BookingState.Completed, now);
    }

    private sealed record Earlier(string Reading, DeviceEventResult Result);

    private sealed record Answer(string? Barrier, GateDecision? Decision);

    private static async Task<Earlier?> LoadAsync(NodeTransaction tx, string eventId)
    {
        var row = await tx.Connection.QuerySingleOrDefaultAsync<(string EventId, string Kind, string Reading, string Outcome, string Detail, string? Visit, string? Booking, string? Declaration, string? Answer)?>(
            "SELECT event_id, kind, reading, outcome, detail, visit_id, booking_id, declaration, answer FROM gate_device_events WHERE event_id = @eventId", new { eventId }, tx.Transaction);
        if (row is not { } r) return null;
        var answer = r.Answer is null ? new Answer(null, null) : JsonSerializer.Deserialize<Answer>(r.Answer)!;
        return new Earlier(r.Reading, new DeviceEventResult(r.EventId, r.Kind, r.Outcome, r.Detail, r.Visit, r.Booking, r.Declaration, true, answer.Barrier, answer.Decision));
    }
}
