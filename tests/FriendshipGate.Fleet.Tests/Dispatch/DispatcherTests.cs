namespace FriendshipGate.Fleet.Tests;

public class DispatcherTests
{
    private static readonly RoadGraph Road = RoadGraphLoader.LoadDefault();
    private static readonly DateTimeOffset T0 = ManualTime.DefaultStart;
    private static readonly HashSet<string> Nothing = [];

    private static TransportOrder Order(string id, string from, string to, int secondsOld) => new(id, $"FGTU{id}", from, to, T0.AddSeconds(-secondsOld));

    private static VehicleCondition Idle(string id, string at, double battery) => new(id, at, false, battery, VehicleAvailability.Available);

    [Fact]
    public void The_nearest_vehicle_that_can_finish_takes_the_order()
    {
        var dispatcher = new Dispatcher(Road);
        var order = Order("1", "VN-B01", "CN-B01", 10);
        var decision = dispatcher.Decide([order], [Idle("far", "CN-P001", 90), Idle("near", "VN-P001", 90)], Nothing);
        Assert.Equal("near", Assert.Single(decision.Assignments).Vehicle);
    }

    [Fact]
    public void A_vehicle_never_starts_a_trip_its_battery_cannot_finish()
    {
        var dispatcher = new Dispatcher(Road);
        var order = Order("1", "VN-B01", "CN-B01", 10);
        var needed = dispatcher.TripPercent("VN-P001", order);
        Assert.InRange(needed, 10, 60);
        // Above the charging threshold, but short of the whole trip: the farther vehicle that can finish gets it.
        var decision = dispatcher.Decide([order], [Idle("weak", "VN-P001", needed - 1), Idle("strong", "CN-P001", 90)], Nothing);
        Assert.Equal("strong", Assert.Single(decision.Assignments).Vehicle);
        // Alone, the weak vehicle is sent to charge and the order waits.
        decision = dispatcher.Decide([order], [Idle("weak", "VN-P001", needed - 1)], Nothing);
        Assert.Empty(decision.Assignments);
        Assert.Equal("weak", Assert.Single(decision.Charging).Vehicle);
        Assert.Equal(RoadNodeKind.Charger, Road[decision.Charging[0].ChargerNodeId].Kind);
    }

    [Fact]
    public void Below_the_threshold_a_vehicle_charges_first_at_the_nearest_free_charger()
    {
        var dispatcher = new Dispatcher(Road);
        var decision = dispatcher.Decide([Order("1", "VN-B01", "CN-B01", 10)], [Idle("low", "VN-P001", 20)], new HashSet<string> { "VN-C05" });
        Assert.Empty(decision.Assignments);
        var charge = Assert.Single(decision.Charging);
        Assert.StartsWith("VN-C", charge.ChargerNodeId);
        Assert.NotEqual("VN-C05", charge.ChargerNodeId);
    }

    [Fact]
    public void The_oldest_order_is_served_first_and_never_overtaken_for_a_vehicle()
    {
        var dispatcher = new Dispatcher(Road);
        var old = Order("old", "CN-B05", "VN-B05", 600);
        var young = Order("young", "VN-B01", "CN-B01", 5);
        // One vehicle, standing next to the young order's bay: it still goes to the old one.
        var decision = dispatcher.Decide([young, old], [Idle("only", "VN-P001", 95)], Nothing);
        Assert.Same(old, Assert.Single(decision.Assignments).Order);
        // If nobody can do the old trip on its battery, the young order does not take the vehicle either.
        var weak = Idle("weak", "VN-P001", dispatcher.TripPercent("VN-P001", old) - 1);
        Assert.True(dispatcher.CanFinish(weak, young), "the young trip alone would fit its battery");
        decision = dispatcher.Decide([young, old], [weak], Nothing);
        Assert.Empty(decision.Assignments);
    }

    [Fact]
    public void Orders_whose_pickup_bay_is_taken_wait_and_others_go()
    {
        var dispatcher = new Dispatcher(Road);
        var blocked = Order("blocked", "VN-B01", "CN-B01", 60);
        var free = Order("free", "VN-B02", "CN-B02", 30);
        var decision = dispatcher.Decide([blocked, free], [Idle("a", "VN-P001", 95)], new HashSet<string> { "VN-B01" });
        Assert.Same(free, Assert.Single(decision.Assignments).Order);
    }

    [Fact]
    public void A_taken_drop_bay_does_not_hold_an_order_back_and_its_vehicle_stages_on_the_parking_spot_nearest_the_bay()
    {
        var dispatcher = new Dispatcher(Road);
        var order = Order("o", "VN-B01", "CN-B01", 60);
        var decision = dispatcher.Decide([order], [Idle("a", "VN-P001", 95)], new HashSet<string> { "CN-B01" });
        Assert.Same(order, Assert.Single(decision.Assignments).Order);
        var spot = dispatcher.StagingSpot(order, new HashSet<string> { "CN-B01" })!;
        Assert.Equal(RoadNodeKind.Parking, Road[spot].Kind);
        var nearest = Road.NodesOfKind(RoadNodeKind.Parking).Min(p => Road.TravelSeconds(Road["CN-B01"].Index, p.Index));
        Assert.Equal(nearest, Road.TravelSeconds(Road["CN-B01"].Index, Road[spot].Index));
        Assert.NotEqual(spot, dispatcher.StagingSpot(order, new HashSet<string> { "CN-B01", spot }));
    }

    [Fact]
    public void Orders_and_conditions_refuse_bad_values()
    {
        Assert.Throws<ArgumentException>(() => new TransportOrder("1", "FGTU1", "VN-B01", "VN-B01", T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VehicleCondition("a", "VN-P001", false, 101, VehicleAvailability.Available));
        var order = Order("1", "VN-B01", "CN-B01", 0);
        Assert.Throws<InvalidOperationException>(order.PickUp);
        order.Assign("a");
        order.PickUp();
        order.Deliver();
        Assert.Equal(TransportOrderState.Delivered, order.State);
    }
}
