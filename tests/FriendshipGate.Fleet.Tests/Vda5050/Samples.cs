using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>A short route on the Huu Nghi map: A (0,0) → B (20,0) pick → C (20,20) drop, with D (40,20) as horizon.</summary>
internal static class Samples
{
    public const string Map = "huu-nghi";
    public const string Container = "MSCU1234565";

    public static OrderStep A => OrderStep.At("A", 0, 0, Map);
    public static OrderStep B => OrderStep.At("B", 20, 0, Map) with { Actions = [VdaAction.ContainerHandling(ActionTypes.Pick, Container)] };
    public static OrderStep C => OrderStep.At("C", 20, 20, Map) with { Actions = [VdaAction.ContainerHandling(ActionTypes.Drop, Container)] };
    public static OrderStep D => OrderStep.At("D", 40, 20, Map);
    public static OrderStep E => OrderStep.At("E", 40, 40, Map);

    public static OrderMessage Order(Vda5050Version version, string orderId = "order-1")
    {
        var tracker = new OrderTracker();
        var (nodes, edges) = tracker.Start(orderId, [new OrderStep("A", A.Position with { AllowedDeviationXY = 0.5 }), B, C], [D]);
        return new OrderMessage
        {
            HeaderId = 0, Timestamp = ManualTime.DefaultStart, Version = version.Text, Manufacturer = "M", SerialNumber = "1",
            OrderId = orderId, OrderUpdateId = 0, Nodes = nodes, Edges = edges,
        };
    }

    public static SimulatedVehicleOptions Options(Vda5050Version version, BrokerAddress? broker = null, VehicleId? id = null) =>
        new(broker ?? new BrokerAddress("localhost", 1883), id ?? new VehicleId("M", "1"), version)
        {
            SpeedMetersPerSecond = 10,
            HandlingDuration = TimeSpan.FromMilliseconds(500),
            StartNodeId = "A",
            MapId = Map,
        };

    public static (VehicleBrain Brain, ManualTime Time) Brain(Vda5050Version version)
    {
        var time = new ManualTime();
        return (new VehicleBrain(Options(version), time.GetUtcNow()), time);
    }
}
