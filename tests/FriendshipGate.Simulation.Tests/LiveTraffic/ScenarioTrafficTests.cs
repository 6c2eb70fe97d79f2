using FriendshipGate.Simulation.LiveTraffic;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.Tests.LiveTraffic;

public sealed class ScenarioTrafficTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<(DateTimeOffset Due, ScenarioTruck Truck)> Day(ulong seed, double speed, DateTimeOffset start)
    {
        var traffic = new ScenarioTraffic(Scenario.Load("ordinary-day"), seed, speed, new ManualTime(start));
        var dayEnds = start + TimeSpan.FromDays(1) / speed;
        return [.. traffic.Timetable().TakeWhile(t => t.Due < dayEnds)];
    }

    [Fact]
    public void A_scenario_day_at_60x_brings_the_main_routes_trucks_in_24_minutes_of_clock_time()
    {
        var day = Day(7, 60, Midnight);
        // 800 a day on the main route: a Poisson count, within four standard deviations (±113).
        Assert.InRange(day.Count, 800 - 113, 800 + 113);
        Assert.All(day, t => Assert.Equal("main (markers 1119-1120)", t.Truck.Route));
        Assert.True(day[^1].Due - Midnight <= TimeSpan.FromMinutes(24));
        // Clock time and scenario time move together, 60 to 1, and in order.
        Assert.All(day, t => Assert.Equal((t.Truck.ScenarioTime - Midnight).TotalSeconds / 60, (t.Due - Midnight).TotalSeconds, 3));
        Assert.True(day.Zip(day.Skip(1)).All(p => p.First.Due <= p.Second.Due && p.First.Truck.Number + 1 == p.Second.Truck.Number));
    }

    [Fact]
    public void Trucks_follow_the_hourly_profile_from_the_clocks_time_of_day()
    {
        var day = Day(11, 60, Midnight);
        var night = day.Count(t => t.Truck.ScenarioTime.Hour is >= 0 and < 5);
        var morning = day.Count(t => t.Truck.ScenarioTime.Hour is >= 9 and < 14);
        // Weights 1 a night hour and 6-8 a morning hour: the morning brings several times the night's trucks.
        Assert.True(morning > 4 * night, $"{morning} trucks from 9 to 14 h, {night} from 0 to 5 h");
        var afternoon = Day(11, 60, Midnight.AddHours(15));
        Assert.Equal(15, afternoon[0].Truck.ScenarioTime.Hour);
    }

    [Fact]
    public void The_same_seed_gives_the_same_trucks_and_loads_at_any_speed()
    {
        var a = Day(3, 60, Midnight).Take(200).Select(t => t.Truck).ToList();
        var b = Day(3, 10, Midnight).Take(200).Select(t => t.Truck).ToList();
        var c = Day(4, 60, Midnight).Take(200).Select(t => t.Truck).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(t => t.ScenarioTime), c.Select(t => t.ScenarioTime));
        Assert.Contains(a, t => t.Load.Perishable);
        Assert.Contains(a, t => !t.Load.Perishable);
    }

    [Fact]
    public void A_gate_with_a_share_of_the_routes_service_points_gets_that_share_of_its_trucks()
    {
        var traffic = new ScenarioTraffic(Scenario.Load("ordinary-day"), 5, 60, new ManualTime(Midnight), share: 0.25);
        Assert.Equal(200, traffic.Volume.PerDay, 6);
        // A week of scenario time: 1,400 expected, Poisson standard deviation about 37.
        var week = traffic.Timetable().TakeWhile(t => t.Due < Midnight + TimeSpan.FromDays(7) / 60).Count();
        Assert.InRange(week, 1400 - 150, 1400 + 150);
    }

    [Fact]
    public void A_speed_out_of_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioTraffic(Scenario.Load("ordinary-day"), 1, 0, new ManualTime(Midnight)));
}
