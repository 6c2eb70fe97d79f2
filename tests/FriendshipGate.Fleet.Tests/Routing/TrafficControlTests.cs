namespace FriendshipGate.Fleet.Tests;

public class TrafficControlTests
{
    private static readonly RoadGraph Road = RoadGraphLoader.LoadDefault();

    [Fact]
    public void Head_on_vehicles_never_share_a_section_and_one_waits_at_a_passing_place()
    {
        var time = new ManualTime();
        var traffic = new TrafficControl(Road, time);
        traffic.PlaceVehicle("east", "VN-P001");
        traffic.PlaceVehicle("west", "CN-B01");
        var east = traffic.PlanRoute("east", "CN-B02")!;
        // "west" sets off so that, unhindered, it would be in the cutting in China at the same moment as "east".
        var meet = east.Route.Single(s => s.NodeId == "R-2150").PlannedArrival;
        FollowPlan(traffic, time, "east", meet - TimeSpan.FromSeconds(Road.TravelSeconds(Road["CN-B01"].Index, Road["R-2150"].Index)));
        var west = traffic.PlanRoute("west", "VN-B01")!;
        east = traffic.Horizon("east");
        foreach (var section in Road.Sections.Where(s => s.EdgeIndices.Count > 1))
        {
            var a = Window(east, section);
            var b = Window(west, section);
            Assert.True(a.Exit <= b.Entry || b.Exit <= a.Entry, $"both in the section {Road.Nodes[section.EndA].Id}..{Road.Nodes[section.EndB].Id} at once");
        }
        // The second vehicle waits somewhere it may wait (here the passing place before the cutting), never inside a section.
        var waits = west.Route.Where(s => s.PlannedDeparture > s.PlannedArrival).Select(s => Road[s.NodeId]).ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, node => Assert.False(RoadSection.IsInterior(Road, node.Index), $"waits inside a section at {node.Id}"));
        Assert.Contains(RoadNodeKind.PassingPlace, waits.Select(n => n.Kind));
    }

    [Fact]
    public void A_delayed_vehicle_keeps_its_turn_the_other_waits_before_the_section()
    {
        var traffic = new TrafficControl(Road, new ManualTime());
        traffic.PlaceVehicle("early", "VN-P001");
        traffic.PlaceVehicle("late", "CN-P001");
        traffic.PlanRoute("early", "CN-B01");
        traffic.PlanRoute("late", "VN-B01");
        // "late" drives as far as it is released while "early" does not move at all.
        Drive(traffic, "late");
        var late = traffic.Horizon("late");
        var stoppedAt = late.Route[late.LastConfirmed].NodeId;
        Assert.False(late.Finished);
        Assert.Equal(late.LastConfirmed, late.LastReleased);
        Assert.NotEqual(RoadNodeKind.Road, Road[stoppedAt].Kind);
        // It is kept out of a section "early" is planned through before it: the next step enters a single-lane section.
        Assert.True(Road.EdgeBetween(Road[stoppedAt].Index, Road[late.Route[late.LastConfirmed + 1].NodeId].Index).SingleLane);
        // Once "early" is through, "late" gets its turn and both arrive.
        for (var i = 0; i < 200 && !(traffic.Horizon("early").Finished && traffic.Horizon("late").Finished); i++)
        {
            Drive(traffic, "early");
            Drive(traffic, "late");
        }
        Assert.True(traffic.Horizon("early").Finished);
        Assert.True(traffic.Horizon("late").Finished);
    }

    [Fact]
    public void A_goal_held_by_a_vehicle_at_rest_gives_no_plan()
    {
        var traffic = new TrafficControl(Road, new ManualTime());
        traffic.PlaceVehicle("parked", "CN-B01");
        traffic.PlaceVehicle("other", "VN-P001");
        Assert.Null(traffic.PlanRoute("other", "CN-B01"));
        Assert.NotNull(traffic.PlanRoute("other", "CN-B02"));
    }

    [Fact]
    public void A_silent_vehicle_in_a_section_keeps_it_others_wait_and_continue_after_it_reports()
    {
        var traffic = new TrafficControl(Road, new ManualTime());
        traffic.PlaceVehicle("east", "VN-P001");
        traffic.PlaceVehicle("west", "CN-P001");
        traffic.PlaceVehicle("later", "CN-P002");
        traffic.PlanRoute("east", "CN-B01");
        traffic.PlanRoute("west", "VN-B01");
        // "west" comes as far as a passing place before a section "east" is planned through before it.
        for (var i = 0; i < 50; i++) Drive(traffic, "west");
        var west = traffic.Horizon("west");
        var waitingAt = west.Route[west.LastConfirmed].NodeId;
        Assert.Equal(RoadNodeKind.PassingPlace, Road[waitingAt].Kind);
        var sectionNodes = west.Route.Skip(west.LastConfirmed + 1).TakeWhile(s => Road[s.NodeId].Kind != RoadNodeKind.PassingPlace).Select(s => s.NodeId).ToList();
        // "east" enters that section and falls silent in it.
        while (!sectionNodes.Contains(traffic.Horizon("east").Route[traffic.Horizon("east").LastConfirmed].NodeId)) Step(traffic, "east");
        traffic.MarkSilent("east");
        Assert.Equal(VehicleTrafficState.Silent, traffic.Horizon("east").State);
        Assert.Null(traffic.PlanRoute("later", "VN-B02"));   // no plan can cross the silent vehicle's section
        for (var i = 0; i < 50; i++) Drive(traffic, "west");
        west = traffic.Horizon("west");
        Assert.Equal(waitingAt, west.Route[west.LastConfirmed].NodeId);
        Assert.DoesNotContain(west.Route.Take(west.LastReleased + 1), s => sectionNodes.Contains(s.NodeId));
        // It reports again from a node further on: everybody finishes.
        var east = traffic.Horizon("east");
        traffic.ReportReached("east", east.Route[east.LastConfirmed + 1].NodeId);
        Assert.Equal(VehicleTrafficState.Moving, traffic.Horizon("east").State);
        Assert.NotNull(traffic.PlanRoute("later", "VN-B02"));
        for (var i = 0; i < 300 && !new[] { "east", "west", "later" }.All(v => traffic.Horizon(v).Finished); i++)
            foreach (var v in new[] { "east", "west", "later" }) Drive(traffic, v);
        Assert.All(new[] { "east", "west", "later" }, v => Assert.True(traffic.Horizon(v).Finished, v));
    }

    [Fact]
    public void A_broken_vehicle_blocks_only_those_that_need_its_section()
    {
        var traffic = new TrafficControl(Road, new ManualTime());
        traffic.PlaceVehicle("broken", "VN-P001");
        traffic.PlaceVehicle("crosser", "CN-P001");
        traffic.PlaceVehicle("yard", "VN-P010");
        traffic.PlanRoute("broken", "CN-B01");
        while (traffic.Horizon("broken").Route[traffic.Horizon("broken").LastConfirmed].NodeId != "R-0400") Step(traffic, "broken");
        traffic.MarkBroken("broken");
        Assert.Null(traffic.PlanRoute("crosser", "VN-B01"));   // its only way is through the broken vehicle
        Assert.NotNull(traffic.PlanRoute("yard", "VN-B05"));  // the yard still works
        for (var i = 0; i < 100; i++) Drive(traffic, "yard");
        Assert.True(traffic.Horizon("yard").Finished);
        traffic.Remove("broken");
        Assert.NotNull(traffic.PlanRoute("crosser", "VN-B01"));
    }

    private static (DateTimeOffset Entry, DateTimeOffset Exit) Window(TrafficHorizon horizon, RoadSection section)
    {
        var edges = section.EdgeIndices.ToHashSet();
        var inside = Enumerable.Range(1, horizon.Route.Count - 1)
            .Where(k => edges.Contains(Road.EdgeBetween(Road[horizon.Route[k - 1].NodeId].Index, Road[horizon.Route[k].NodeId].Index).Index)).ToList();
        if (inside.Count == 0) return (DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
        return (horizon.Route[inside[0] - 1].PlannedDeparture!.Value, horizon.Route[inside[^1]].PlannedArrival);
    }

    /// <summary>Advances the clock second by second to <paramref name="until"/>, the vehicle reporting each released node at its planned arrival.</summary>
    private static void FollowPlan(TrafficControl traffic, ManualTime time, string vehicle, DateTimeOffset until)
    {
        while (time.GetUtcNow() < until)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            for (var h = traffic.Horizon(vehicle); h.LastConfirmed < h.LastReleased && h.Route[h.LastConfirmed + 1].PlannedArrival <= time.GetUtcNow(); h = traffic.Horizon(vehicle))
                traffic.ReportReached(vehicle, h.Route[h.LastConfirmed + 1].NodeId);
        }
    }

    /// <summary>Reports every released node in turn, as a vehicle driving without delay would.</summary>
    internal static void Drive(TrafficControl traffic, string vehicle)
    {
        while (Step(traffic, vehicle)) { }
    }

    internal static bool Step(TrafficControl traffic, string vehicle)
    {
        var h = traffic.Horizon(vehicle);
        if (h.State is not (VehicleTrafficState.Moving or VehicleTrafficState.WaitingForRoute) || h.LastConfirmed >= h.LastReleased) return false;
        traffic.ReportReached(vehicle, h.Route[h.LastConfirmed + 1].NodeId);
        return true;
    }
}
