using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.Tests.Twin;

public class SeasonTests
{
    private const long TicksPerDay = 24 * 3600 * SimulationTime.TicksPerSecond;

    private static Scenario WithSeasons(params Season[] seasons) => Scenario.Load("ordinary-day") with { Seasons = seasons };

    [Fact]
    public void A_season_covers_its_days_both_included_also_over_the_new_year_and_29_February()
    {
        var calendar = WithSeasons(new Season("winter", "12-20", "03-01", 1.5), new Season("lychee", "05-20", "06-30")).Calendar;
        Assert.Equal("winter", calendar.On(new DateOnly(2026, 12, 20))?.Name);
        Assert.Equal("winter", calendar.On(new DateOnly(2027, 1, 1))?.Name);
        Assert.Equal("winter", calendar.On(new DateOnly(2028, 2, 29))?.Name);
        Assert.Equal("winter", calendar.On(new DateOnly(2027, 3, 1))?.Name);
        Assert.Null(calendar.On(new DateOnly(2027, 3, 2)));
        Assert.Null(calendar.On(new DateOnly(2026, 12, 19)));
        Assert.Equal("lychee", calendar.On(new DateOnly(2026, 6, 30))?.Name);
        Assert.Equal(1.5, calendar.ArrivalFactor(new DateOnly(2027, 1, 10)));
        Assert.Equal(1, calendar.ArrivalFactor(new DateOnly(2026, 7, 1)));
    }

    [Theory]
    [InlineData("13-01", "12-31", 1.0, null, null, "'13-01' is not a day of the year as MM-dd")]
    [InlineData("01-01", "1 Feb", 1.0, null, null, "'1 Feb' is not a day of the year as MM-dd")]
    [InlineData("01-01", "01-31", -0.5, null, null, "arrivals must be a factor of 0 or more")]
    [InlineData("01-01", "01-31", 1.0, 1.2, null, "perishableShare must be in [0, 1]")]
    [InlineData("01-01", "01-31", 1.0, null, "mangosteen", "no fresh goods 'mangosteen'")]
    public void A_bad_season_is_refused_naming_the_scenario_the_season_and_the_rule(string from, string to, double arrivals, double? share, string? fruit, string expected)
    {
        var season = new Season("bad", from, to, arrivals, share, fruit is null ? null : new Dictionary<string, double> { [fruit] = 1 });
        var error = Assert.Throws<InvalidDataException>(() => WithSeasons(season).Calendar);
        Assert.Contains("ordinary-day: season 'bad'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Two_seasons_sharing_a_day_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => WithSeasons(new Season("durian", "05-15", "07-15"), new Season("longan", "07-15", "08-31")).Calendar);
        Assert.Contains("seasons 'durian' and 'longan' both cover 07-15", error.Message);
    }

    [Fact]
    public void Arrivals_follow_the_season_factor_day_by_day()
    {
        // 20 days in a season at twice the rate, then 20 ordinary days, 800 trucks a day on the route.
        var scenario = WithSeasons(new Season("peak", "06-01", "06-20", 2));
        var process = new ArrivalProcess(scenario, scenario.Routes[0], new DateOnly(2026, 6, 1));
        var random = new RandomStream(11, 1);
        int inSeason = 0, after = 0;
        for (var t = process.Next(0, 40 * TicksPerDay, random.Exponential(1)); t is { } at; t = process.Next(at, 40 * TicksPerDay, random.Exponential(1)))
        {
            if (at < 20 * TicksPerDay) inSeason++;
            else after++;
        }
        // Poisson counts of about 32,000 and 16,000: the ratio is within a few per cent of 2.
        Assert.InRange(after, 15_200, 16_800);
        Assert.InRange(inSeason / (double)after, 1.9, 2.1);
    }

    [Fact]
    public void A_season_changes_the_share_of_fresh_loads_and_which_fruit()
    {
        var season = new Season("durian", "05-15", "07-15", 1, 0.9, new Dictionary<string, double> { ["durian"] = 1 });
        var mix = new GoodsMix(WithSeasons(season), 5);
        var random = new RandomStream(5, 2);
        int fresh = 0, durian = 0, ordinaryFresh = 0;
        const int loads = 20_000;
        for (var i = 0; i < loads; i++)
        {
            var (subject, perishable) = mix.Next($"d{i}", random, aeoRecognised: false, season);
            if (perishable) fresh++;
            if (subject.Items[0].CommodityCode == "08106000") durian++;
            if (mix.Next($"o{i}", random, aeoRecognised: false).Perishable) ordinaryFresh++;
        }
        Assert.InRange(fresh / (double)loads, 0.88, 0.92);
        Assert.Equal(fresh, durian); // every fresh load in this season is durian
        Assert.InRange(ordinaryFresh / (double)loads, 0.48, 0.52); // the scenario's own 50 % outside it
    }

    [Fact]
    public void The_seasonal_year_brings_more_trucks_in_its_durian_peak_than_on_ordinary_days()
    {
        // The twin starts on 1 June (in the Mekong Delta season, 1.8 times) and runs into the ordinary second half of July.
        // Under the smart policy without AGVs: today's gate cannot keep up with the peak, and its queue grows for weeks.
        var scenario = Scenario.Load("seasonal-year");
        Assert.All(scenario.Seasons!, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
        scenario = scenario with { Routes = [.. scenario.Routes.Select(r => r with { AgvRoute = false })] };
        var twin = new GateTwin(scenario, GatePolicy.Smart, 3, 60, RiskRuleSet.LoadDefault(), RoadGraphLoader.LoadDefault());
        twin.Simulate();
        var perDay = twin.ArrivalsPerDay();
        var june = perDay.Take(30).Average();
        var lateJuly = perDay.Skip(46).Take(14).Average(); // 17-30 July
        Assert.InRange(june / lateJuly, 1.6, 2.0);
        Assert.InRange(lateJuly, 1_100, 1_300); // 800 + 400 a day on ordinary days
    }
}
