using FriendshipGate.Clearance;

namespace FriendshipGate.Gate.Tests;

public sealed class QueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static WaitingTruck Truck(string id, int joinedMinutesAgo, bool priority = false, int? slotInMinutes = null) =>
        new(new Visit(id, "P" + id, "D" + id, slotInMinutes is null ? null : "B" + id, Direction.Outbound, priority, VisitState.Waiting, null,
            Now.AddMinutes(-joinedMinutesAgo), null, false, null, null), slotInMinutes is { } m ? Now.AddMinutes(m) : null);

    [Fact]
    public void Sort_PriorityFirst_ThenBookedDue_ThenLiveQueue_ThenEarlyBookings()
    {
        var sorted = QueueOrder.Sort(
        [
            Truck("early", joinedMinutesAgo: 50, slotInMinutes: 30),
            Truck("walk-in-1", joinedMinutesAgo: 40),
            Truck("booked-due", joinedMinutesAgo: 1, slotInMinutes: -5),
            Truck("durian", joinedMinutesAgo: 2, priority: true),
            Truck("walk-in-0", joinedMinutesAgo: 45),
        ], Now);

        Assert.Equal(["durian", "booked-due", "walk-in-0", "walk-in-1", "early"], sorted.Select(t => t.Visit.Id));
        var places = QueueOrder.Places(sorted, Now, lanes: 2, TimeSpan.FromMinutes(4));
        Assert.Equal([1, 2, 3, 4, 5], places.Select(p => p.Position));
        Assert.Equal([Now, Now, Now.AddMinutes(4), Now.AddMinutes(4), Now.AddMinutes(30)], places.Select(p => p.ExpectedAt));
        Assert.Equal(QueueOrder.EarlyQueue, places[4].Queue);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task CheckInAndCall_TheBookedTruckGoesFirst_AndALaneTakesOneTruckAtATime(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync();
        var walkIn = await node.LodgeAsync(plate: "12C-00001", perishable: false);
        var booked = await node.LodgeAsync(plate: "12C-00002", perishable: false);
        await node.Bookings.BookAsync(new BookingInput(booked.Number, node.Slot(0), null, null, null, null), GateNode.TraderOf());

        var walkInPlace = await node.Queue.CheckInAsync(new CheckInInput("12C-00001", walkIn.Number, null), GateNode.Operator);
        Assert.Equal((1, QueueOrder.LiveQueue), (walkInPlace.Position, walkInPlace.Queue));
        var bookedPlace = await node.Queue.CheckInAsync(new CheckInInput("12c 000.02", null, null), GateNode.Operator);
        Assert.Equal((1, QueueOrder.BookedQueue), (bookedPlace.Position, bookedPlace.Queue));
        Assert.Equal(2, (await node.Queue.PlacesAsync(Direction.Outbound)).Single(p => p.VisitId == walkInPlace.VisitId).Position);

        var called = await node.Queue.CallNextAsync("A1", GateNode.Operator);
        Assert.Equal(bookedPlace.VisitId, called!.Id);
        var busy = await Assert.ThrowsAsync<Refusal>(() => node.Queue.CallNextAsync("A1", GateNode.Operator));
        Assert.Equal("lane", busy.Field);
        Assert.Equal(walkInPlace.VisitId, (await node.Queue.CallNextAsync("A2", GateNode.Operator))!.Id);
        Assert.Null(await node.Queue.CallNextAsync("B1", GateNode.Operator));
        await Assert.ThrowsAsync<Refusal>(() => node.Queue.CheckInAsync(new CheckInInput("12C-00001", walkIn.Number, null), GateNode.Operator));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task NoShow_FreesThePlaceForTheFirstWalkIn_CountsAgainstTheCarrier_AndTheLateTruckJoinsTheLiveQueue(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 1);
        var late = await node.LodgeAsync(plate: "12C-00001", perishable: false);
        var walkIn = await node.LodgeAsync(plate: "12C-00002", perishable: false);
        var missed = await node.Bookings.BookAsync(new BookingInput(late.Number, node.Slot(0), null, null, "CARRIER-A", null), GateNode.TraderOf());
        var waiting = await node.Queue.CheckInAsync(new CheckInInput("12C-00002", walkIn.Number, null), GateNode.Operator);
        Assert.Empty(await node.NoShows.SweepAsync());
        var slot = node.Slot(0);

        node.Time.Advance(node.Options.NoShowGrace + TimeSpan.FromMinutes(1));
        var outcome = Assert.Single(await node.NoShows.SweepAsync());

        Assert.Equal((missed.Id, waiting.VisitId), (outcome.MissedBooking, outcome.OfferedTo));
        Assert.Equal(BookingState.Missed, (await node.Bookings.GetAsync(missed.Id, GateNode.Operator)).State);
        Assert.Equal(QueueOrder.BookedQueue, (await node.Queue.PlacesAsync(Direction.Outbound)).Single().Queue);
        Assert.Equal(1, await node.CountAsync("SELECT booked FROM gate_slots WHERE start_ms = @start", new { start = slot.ToUnixTimeMilliseconds() }));
        Assert.Equal(1, await node.CountAsync("SELECT missed FROM gate_carriers WHERE carrier = 'CARRIER-A'"));

        var lateTruck = await node.Queue.CheckInAsync(new CheckInInput("12C-00001", late.Number, null), GateNode.Operator);
        Assert.Equal((2, QueueOrder.LiveQueue), (lateTruck.Position, lateTruck.Queue));
        Assert.Empty(await node.NoShows.SweepAsync());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task CarrierWithManyNoShows_GetsFewerPlacesInAQuotaSlot(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 10, carrierQuota: 2, hours: 8);
        // Five missed slots in a row: a 100 % no-show rate brings the quota of 2 down to 1.
        for (var i = 0; i < 5; i++)
        {
            var declaration = await node.LodgeAsync(plate: $"12C-0000{i}", perishable: false);
            await node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(0), null, null, "CARRIER-B", null), GateNode.TraderOf());
            node.Time.Advance(node.Options.SlotLength);
            await node.NoShows.SweepAsync();
            await node.OpenAsync(perSlot: 10, carrierQuota: 2, hours: 8);
        }
        var first = await node.LodgeAsync(plate: "12C-00010", perishable: false);
        var second = await node.LodgeAsync(plate: "12C-00011", perishable: false);
        await node.Bookings.BookAsync(new BookingInput(first.Number, node.Slot(2), null, null, "CARRIER-B", null), GateNode.TraderOf());
        var refused = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(second.Number, node.Slot(2), null, null, "CARRIER-B", null), GateNode.TraderOf()));
        Assert.Equal("carrier", refused.Field);
        Assert.Contains("lowered for missed slots: 5 of 5", refused.Message);
        // Another carrier still has its full quota in the same slot.
        await node.Bookings.BookAsync(new BookingInput(second.Number, node.Slot(2), null, null, "CARRIER-C", null), GateNode.TraderOf());
    }
}
