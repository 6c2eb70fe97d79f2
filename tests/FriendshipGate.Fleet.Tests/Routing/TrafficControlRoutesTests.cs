namespace FriendshipGate.Fleet.Tests;

public class TrafficControlRoutesTests
{
    private static readonly RoadGraph Road = RoadGraphLoader.LoadDefault();

    [Fact]
    public void TryPlanRoute_plans_as_PlanRoute_and_RouteNodes_names_the_horizon_s_nodes()
    {
        var (withHorizon, lean) = (Fleet(), Fleet());
        var planned = withHorizon.PlanRoute("east", "CN-B02", out var othersWithHorizon)!;
        Assert.True(lean.TryPlanRoute("east", "CN-B02", out var othersLean));
        Assert.Equal(othersWithHorizon, othersLean);
        Assert.Equal(Json(planned), Json(lean.Horizon("east")));
        var nodes = lean.RouteNodes("east", out var firstNumber, out var lastConfirmed);
        Assert.Equal(planned.Route.Select(s => Road[s.NodeId].Index), nodes);
        Assert.Equal(planned.Route[0].Number, firstNumber);
        Assert.Equal(planned.LastConfirmed, lastConfirmed);
    }

    [Fact]
    public void TryPlanRoute_refuses_a_goal_held_by_a_vehicle_at_rest()
    {
        var traffic = Fleet();
        Assert.False(traffic.TryPlanRoute("east", "CN-B01", out var others));
        Assert.Empty(others);
        Assert.Equal(VehicleTrafficState.AtRest, traffic.StateOf("east"));
        Assert.Equal([Road["VN-P001"].Index], traffic.RouteNodes("east", out _, out _));
    }

    [Fact]
    public void A_vehicle_driving_the_same_routes_again_is_planned_and_released_each_time()
    {
        // Layouts of routes are kept and shared between plans: each trip must still be released to its end.
        var traffic = Fleet();
        foreach (var goal in new[] { "CN-B02", "VN-P001", "CN-B02", "VN-P001" })
        {
            Assert.True(traffic.TryPlanRoute("east", goal, out _));
            TrafficControlTests.Drive(traffic, "east");
            Assert.True(traffic.Horizon("east").Finished, goal);
            Assert.Equal(goal, traffic.Horizon("east").Goal);
        }
    }

    private static TrafficControl Fleet()
    {
        var traffic = new TrafficControl(Road, new ManualTime());
        traffic.PlaceVehicle("east", "VN-P001");
        traffic.PlaceVehicle("west", "CN-B01");
        return traffic;
    }

    private static string Json(TrafficHorizon horizon) => System.Text.Json.JsonSerializer.Serialize(horizon);
}
