namespace FriendshipGate.Hydrology.Tests;

/// <summary>What <see cref="ObservationRules"/> accepts, and the observation it makes of it.</summary>
public sealed class ObservationRulesAcceptTests
{
    private static readonly ObservationInput Valid = Rules.Valid;

    private static ObservationInput Edge(string @case) => @case switch
    {
        "a level at the minimum" => Valid with { WaterLevelM = ObservationRules.MinLevelM },
        "a level at the maximum" => Valid with { WaterLevelM = ObservationRules.MaxLevelM },
        "a discharge of zero" => Valid with { DischargeM3s = 0 },
        "a discharge at the maximum" => Valid with { DischargeM3s = ObservationRules.MaxDischargeM3s },
        "a rainfall of zero" => Valid with { RainfallMm = 0 },
        "a rainfall at the maximum" => Valid with { RainfallMm = ObservationRules.MaxRainfallMm },
        "only a water level" => Valid with { DischargeM3s = null, RainfallMm = null },
        "only a discharge" => Valid with { WaterLevelM = null, RainfallMm = null },
        "only a rainfall" => Valid with { WaterLevelM = null, DischargeM3s = null },
        "observedAt exactly at the tolerance" => Valid with { ObservedAt = Rules.Now + ObservationRules.FutureTolerance },
        "observedAt a year ago" => Valid with { ObservedAt = Rules.Now.AddYears(-1) },
        "an uncatalogued station with its river" => Valid with { Station = "VN-NEWGAUGE", River = "Sông Kỳ Cùng" },
        "a river of 100 characters" => Valid with { River = new string('a', 100) },
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case"),
    };

    [Theory]
    [InlineData("a level at the minimum")]
    [InlineData("a level at the maximum")]
    [InlineData("a discharge of zero")]
    [InlineData("a discharge at the maximum")]
    [InlineData("a rainfall of zero")]
    [InlineData("a rainfall at the maximum")]
    [InlineData("only a water level")]
    [InlineData("only a discharge")]
    [InlineData("only a rainfall")]
    [InlineData("observedAt exactly at the tolerance")]
    [InlineData("observedAt a year ago")]
    [InlineData("an uncatalogued station with its river")]
    [InlineData("a river of 100 characters")]
    public void A_reading_on_the_edge_of_the_rules_is_accepted(string @case)
    {
        var input = Edge(@case);

        var (observation, errors) = Rules.Check(input);

        Assert.Empty(errors);
        Assert.NotNull(observation);
        Assert.Equal((input.WaterLevelM, input.DischargeM3s, input.RainfallMm), (observation.WaterLevelM, observation.DischargeM3s, observation.RainfallMm));
    }

    [Fact]
    public void A_valid_reading_becomes_an_observation_in_utc_with_the_catalog_river_name()
    {
        var hanoiTime = new DateTimeOffset(2025, 6, 1, 14, 50, 0, TimeSpan.FromHours(7));
        var input = new ObservationInput("VN-LAOCAI", null, hanoiTime, 78.35, 1180.5, 12.4);

        var (observation, errors) = Rules.Check(input);

        Assert.Empty(errors);
        Assert.NotNull(observation);
        Assert.Equal(StationCode.Parse("VN-LAOCAI"), observation.Station);
        Assert.Equal(Rules.Catalog.Find(StationCode.Parse("VN-LAOCAI"))!.River.En, observation.River);
        Assert.False(string.IsNullOrWhiteSpace(observation.River));
        Assert.Equal(TimeSpan.Zero, observation.ObservedAt.Offset);
        Assert.Equal(new DateTime(2025, 6, 1, 7, 50, 0), observation.ObservedAt.DateTime);
        Assert.Equal((78.35, 1180.5, 12.4), (observation.WaterLevelM!.Value, observation.DischargeM3s!.Value, observation.RainfallMm!.Value));
    }

    [Fact]
    public void A_river_given_for_a_catalogued_station_is_kept_trimmed()
    {
        var (observation, _) = Rules.Check(Valid with { River = "  Sông Hồng  " });

        Assert.NotNull(observation);
        Assert.Equal("Sông Hồng", observation.River);
    }

    [Fact]
    public void An_uncatalogued_station_of_this_side_keeps_the_river_it_was_given()
    {
        var (observation, _) = Rules.Check(Valid with { Station = "VN-NEWGAUGE", River = "Sông Kỳ Cùng" });

        Assert.NotNull(observation);
        Assert.Equal(("VN-NEWGAUGE", "Sông Kỳ Cùng"), (observation.Station.Value, observation.River));
    }

    [Fact]
    public void The_china_side_accepts_its_own_stations_and_refuses_vietnams()
    {
        var (own, ownErrors) = Rules.Check(Valid with { Station = "CN-LONGZHOU" }, side: "CN");
        var (other, otherErrors) = Rules.Check(Valid, side: "CN");

        Assert.NotNull(own);
        Assert.Empty(ownErrors);
        Assert.Equal(Rules.Catalog.Find(StationCode.Parse("CN-LONGZHOU"))!.River.En, own.River);
        Assert.Null(other);
        Assert.Contains("VN-LAOCAI is a VN station; this node records CN stations only", Assert.Single(otherErrors["station"]));
    }
}
