using FriendshipGate.Clearance;

namespace FriendshipGate.Gate.Tests;

public sealed class BookingTests
{
    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Book_ManyConcurrentRequests_NeverOverbooksASlot(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 5);
        var declarations = new List<StoredDeclaration>();
        for (var i = 0; i < 40; i++) declarations.Add(await node.LodgeAsync(plate: $"12C-{10000 + i}"));

        var attempts = await Task.WhenAll(declarations.Select(d => Task.Run(async () =>
        {
            try { await node.Bookings.BookAsync(new BookingInput(d.Number, node.Slot(1), "A1", null, null, null), GateNode.TraderOf()); return "booked"; }
            catch (Refusal refusal) { return refusal.Field; }
        })));

        Assert.Equal(5, attempts.Count(a => a == "booked"));
        Assert.All(attempts.Where(a => a != "booked"), field => Assert.Equal("slotStart", field));
        Assert.Equal(5, await node.CountAsync("SELECT COUNT(*) FROM gate_bookings WHERE state = 'booked'"));
        Assert.Equal(5, await node.CountAsync("SELECT booked FROM gate_slots WHERE lane = 'A1' AND start_ms = @start", new { start = node.Slot(1).ToUnixTimeMilliseconds() }));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Book_PlacesHeldForPerishables_AreRefusedToOtherGoods(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 3, perishableReserved: 2);
        var coconut1 = await node.LodgeAsync(plate: "12C-00001", perishable: false);
        var coconut2 = await node.LodgeAsync(plate: "12C-00002", perishable: false);
        var durian1 = await node.LodgeAsync(plate: "12C-00003");
        var durian2 = await node.LodgeAsync(plate: "12C-00004");

        await node.Bookings.BookAsync(new BookingInput(coconut1.Number, node.Slot(0), null, null, null, null), GateNode.TraderOf());
        var refused = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(coconut2.Number, node.Slot(0), null, null, null, null), GateNode.TraderOf()));
        Assert.Contains("perishable", refused.Message);
        await node.Bookings.BookAsync(new BookingInput(durian1.Number, node.Slot(0), null, null, null, null), GateNode.TraderOf());
        await node.Bookings.BookAsync(new BookingInput(durian2.Number, node.Slot(0), null, null, null, null), GateNode.TraderOf());
        Assert.False(coconut1.Perishable);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task Book_NeedsALodgedDeclarationOfTheTradersOwnCompany_AndOneBookingPerDeclaration(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync();
        var missing = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput("VN-NOPE", node.Slot(1), null, null, null, null), GateNode.TraderOf()));
        Assert.Equal(("not-found", "declaration"), (missing.Status, missing.Field));

        var declaration = await node.LodgeAsync();
        var other = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(1), null, null, null, null), GateNode.TraderOf("0309999999")));
        Assert.Equal(("forbidden", "declaration"), (other.Status, other.Field));

        var booking = await node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(1), null, null, null, null), GateNode.TraderOf());
        Assert.Equal("12C12345", booking.Plate);
        var twice = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(2), null, null, null, null), GateNode.TraderOf()));
        Assert.Equal("declaration", twice.Field);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task RebookAndCancel_FreeThePlaceTheyHeld(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 1);
        var first = await node.LodgeAsync(plate: "12C-00001");
        var second = await node.LodgeAsync(plate: "12C-00002");
        var booking = await node.Bookings.BookAsync(new BookingInput(first.Number, node.Slot(1), null, null, null, null), GateNode.TraderOf());
        await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(second.Number, node.Slot(1), null, null, null, null), GateNode.TraderOf()));

        var moved = await node.Bookings.RebookAsync(booking.Id, new RebookInput(node.Slot(2), null), GateNode.TraderOf());
        Assert.Equal(node.Slot(2), moved.SlotStart);
        var secondBooking = await node.Bookings.BookAsync(new BookingInput(second.Number, node.Slot(1), null, null, null, null), GateNode.TraderOf());

        await node.Bookings.CancelAsync(secondBooking.Id, GateNode.TraderOf());
        Assert.Equal(0, await node.CountAsync("SELECT booked FROM gate_slots WHERE start_ms = @start", new { start = node.Slot(1).ToUnixTimeMilliseconds() }));
        Assert.Equal(1, await node.CountAsync("SELECT booked FROM gate_slots WHERE start_ms = @start", new { start = node.Slot(2).ToUnixTimeMilliseconds() }));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task SetCapacity_BelowWhatIsBooked_IsRefusedNamingTheSlot(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        await node.OpenAsync(perSlot: 2);
        foreach (var plate in new[] { "12C-00001", "12C-00002" })
            await node.Bookings.BookAsync(new BookingInput((await node.LodgeAsync(plate: plate)).Number, node.Slot(1), null, null, null, null), GateNode.TraderOf());

        var refusal = await Assert.ThrowsAsync<Refusal>(() => node.OpenAsync(perSlot: 1));
        Assert.Equal("perSlot", refusal.Field);
        Assert.Contains($"{node.Slot(1):u}", refusal.Message);
        await Assert.ThrowsAsync<Refusal>(() => node.Bookings.SetCapacityAsync(new CapacityInput("A1", node.Slot(0), node.Slot(1), 3, 0, null), GateNode.TraderOf()));
    }

    [Fact]
    public async Task Book_ASlotPastItsGraceTime_IsRefused_SoNoBookingIsBornMissed()
    {
        await using var node = await GateNode.StartAsync("sqlite");
        await node.OpenAsync();
        var declaration = await node.LodgeAsync();
        var slot = node.Slot(0);
        node.Time.Advance(node.Options.NoShowGrace + TimeSpan.FromMinutes(1));
        var late = await Assert.ThrowsAsync<Refusal>(() => node.Bookings.BookAsync(new BookingInput(declaration.Number, slot, null, null, null, null), GateNode.TraderOf()));
        Assert.Equal("slotStart", late.Field);
        await node.Bookings.BookAsync(new BookingInput(declaration.Number, slot + node.Options.SlotLength, null, null, null, null), GateNode.TraderOf());
    }

    [Fact]
    public void CarrierQuota_ShrinksWithTheNoShowRate_OnceThereIsHistory()
    {
        Assert.Equal(4, CarrierQuota.For(4, kept: 2, missed: 2));   // too little history to judge
        Assert.Equal(4, CarrierQuota.For(4, kept: 10, missed: 0));
        Assert.Equal(3, CarrierQuota.For(4, kept: 8, missed: 2));   // 20 % missed
        Assert.Equal(2, CarrierQuota.For(4, kept: 5, missed: 5));
        Assert.Equal(1, CarrierQuota.For(4, kept: 0, missed: 10));  // never below one
    }
}
