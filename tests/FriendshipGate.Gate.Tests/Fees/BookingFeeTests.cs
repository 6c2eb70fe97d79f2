using FriendshipGate.Clearance;

namespace FriendshipGate.Gate.Tests;

/// <summary>
/// Fees on a booking, as Payments reports them through the node host's link: the booking shows which are due and which paid;
/// a due fee keeps a truck that passed every device check at the barrier, and its payment releases the truck in the payment's
/// own transaction. (The link itself, and a real payment, are tested over HTTP in the system tests.)
/// </summary>
public sealed class BookingFeeTests
{
    private const string Plate = "12C-12345", Seal = "VN123456", Container = "CSQU3054383";
    private int events;

    private static BookingFee Parking(string bookingId, GateNode node, string state = BookingFee.Issued, string id = "FEE0000000000000000000001") =>
        new(id, bookingId, "parking", "VND", 50_000m, 50_000, state, node.Time.GetUtcNow(), node.Time.GetUtcNow().AddHours(24),
            state == BookingFee.Paid ? node.Time.GetUtcNow() : null, state == BookingFee.Paid ? "payment-1" : null);

    private DeviceEventInput Reading(GateNode node, string kind, string? plate = null, double? confidence = null, decimal? weight = null, string? seal = null,
        string? container = null, string? result = null) =>
        new($"dev-{Interlocked.Increment(ref events)}", "lane-A1-" + kind, kind, node.Time.GetUtcNow(), "A1", plate, confidence, weight, weight is null ? null : 14_000m,
            seal, container, result, null);

    private async Task<(Booking Booking, Visit Visit)> TruckAtLaneAsync(GateNode node)
    {
        await node.OpenAsync();
        var declaration = await node.LodgeAsync(plate: Plate, seal: Seal);
        var booking = await node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(0), "A1", null, null, null), GateNode.TraderOf());
        await node.Queue.CheckInAsync(new CheckInInput(Plate, null, null), GateNode.Operator);
        return (booking, (await node.Queue.CallNextAsync("A1", GateNode.Operator))!);
    }

    private async Task<IReadOnlyList<DeviceEventResult>> CleanReadingsAsync(GateNode node)
    {
        var results = new List<DeviceEventResult>();
        foreach (var reading in new[]
                 {
                     Reading(node, DeviceEventKind.PlateRead, plate: Plate, confidence: 0.98),
                     Reading(node, DeviceEventKind.Weight, weight: 14_000m + 19_650m),
                     Reading(node, DeviceEventKind.SealRead, seal: Seal, confidence: 0.99),
                     Reading(node, DeviceEventKind.ContainerRead, container: Container, confidence: 0.97),
                     Reading(node, DeviceEventKind.Scan, result: "clear"),
                 })
            results.Add(await node.Devices.RecordAsync(reading));
        return results;
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ADueFee_HoldsACleanTruck_AndItsPaymentReleasesIt(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        var (booking, visit) = await TruckAtLaneAsync(node);
        await node.Database.WriteAsync(tx => node.Fees.RecordAsync(tx, Parking(booking.Id, node), CancellationToken.None));

        var results = await CleanReadingsAsync(node);
        Assert.All(results, r => Assert.Equal((DeviceOutcome.Ok, (string?)null), (r.Outcome, r.Barrier)));
        Assert.Equal(VisitState.Called, (await node.Queue.GetAsync(visit.Id))!.State);

        await node.Database.WriteAsync(tx => node.Fees.RecordAsync(tx, Parking(booking.Id, node, BookingFee.Paid), CancellationToken.None));
        Assert.Equal(VisitState.Released, (await node.Queue.GetAsync(visit.Id))!.State);
        var decision = await node.CountAsync("SELECT COUNT(*) FROM gate_decisions WHERE visit_id = @id AND decision = 'auto-released'", new { id = visit.Id });
        Assert.Equal(1, decision);
        var fee = Assert.Single(await node.Fees.ForBookingAsync(node.Database, booking.Id));
        Assert.Equal((BookingFee.Paid, false, "payment-1"), (fee.StateAt(node.Time.GetUtcNow()), fee.IsDueAt(node.Time.GetUtcNow()), fee.PaymentId));
    }

    [Fact]
    public async Task WhenFeesDoNotHoldRelease_ADueFeeIsOnlyShown()
    {
        await using var node = await GateNode.StartAsync("sqlite", configure: o => o with { UnpaidFeesHoldRelease = false });
        var (booking, visit) = await TruckAtLaneAsync(node);
        await node.Database.WriteAsync(tx => node.Fees.RecordAsync(tx, Parking(booking.Id, node), CancellationToken.None));
        Assert.Equal("open", (await CleanReadingsAsync(node))[^1].Barrier);
        Assert.True(Assert.Single(await node.Fees.ForBookingAsync(node.Database, booking.Id)).IsDueAt(node.Time.GetUtcNow()));
        Assert.Equal(VisitState.Released, (await node.Queue.GetAsync(visit.Id))!.State);
    }

    [Fact]
    public async Task CancelledAndExpiredFees_AreNotDue_AndDoNotHoldTheTruck()
    {
        await using var node = await GateNode.StartAsync("sqlite");
        var (booking, _) = await TruckAtLaneAsync(node);
        await node.Database.WriteAsync(async tx =>
        {
            await node.Fees.RecordAsync(tx, Parking(booking.Id, node, BookingFee.Cancelled, "FEE0000000000000000000002"), CancellationToken.None);
            await node.Fees.RecordAsync(tx, Parking(booking.Id, node) with { FeeId = "FEE0000000000000000000003", ExpiresAt = node.Time.GetUtcNow() }, CancellationToken.None);
        });
        var fees = await node.Fees.ForBookingAsync(node.Database, booking.Id);
        Assert.Equal([BookingFee.Cancelled, BookingFee.Expired], fees.Select(f => f.StateAt(node.Time.GetUtcNow())));
        Assert.Equal("open", (await CleanReadingsAsync(node))[^1].Barrier);
    }

    [Fact]
    public async Task TheHolder_OfABookingsFees_IsItsCompany()
    {
        await using var node = await GateNode.StartAsync("sqlite");
        await node.OpenAsync();
        var declaration = await node.LodgeAsync(plate: Plate, seal: Seal);
        var booking = await node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(0), "A1", null, null, null), GateNode.TraderOf());
        var holder = await node.Database.WriteAsync(tx => node.Fees.HolderAsync(tx, booking.Id));
        Assert.Equal(GateNode.Trader, holder!.Company);
        Assert.Contains(declaration.Number, holder.Description);
        Assert.Null(await node.Database.WriteAsync(tx => node.Fees.HolderAsync(tx, "BK-NONE")));
    }
}
