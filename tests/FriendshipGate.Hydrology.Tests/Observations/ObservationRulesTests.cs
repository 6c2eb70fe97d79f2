using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>Each rule of <see cref="ObservationRules"/> refuses on its own field, alone or together with others.</summary>
public sealed class ObservationRulesTests
{
    private static readonly ObservationInput Valid = Rules.Valid;

    /// <summary>The valid reading with one thing broken (a river is given where the station alone is under test).</summary>
    private static ObservationInput Broken(string @case) => @case switch
    {
        "no station" => Valid with { Station = null, River = "Red River" },
        "a blank station" => Valid with { Station = "   ", River = "Red River" },
        "a lower-case station" => Valid with { Station = "vn-laocai", River = "Red River" },
        "a station without its side" => Valid with { Station = "LAOCAI", River = "Red River" },
        "a station name too long" => Valid with { Station = "VN-0123456789ABCDEFG", River = "Red River" },
        "the other side's station" => Valid with { Station = "CN-LONGZHOU" },
        "an uncatalogued station without a river" => Valid with { Station = "VN-NEWGAUGE", River = null },
        "an uncatalogued station with a blank river" => Valid with { Station = "VN-NEWGAUGE", River = "  " },
        "a river over 100 characters" => Valid with { River = new string('a', 101) },
        "no observedAt" => Valid with { ObservedAt = null },
        "observedAt just beyond the tolerance" => Valid with { ObservedAt = Rules.Now + ObservationRules.FutureTolerance + TimeSpan.FromSeconds(1) },
        "observedAt a day ahead" => Valid with { ObservedAt = Rules.Now.AddDays(1) },
        "no measure" => Valid with { WaterLevelM = null, DischargeM3s = null, RainfallMm = null },
        "a level below the minimum" => Valid with { WaterLevelM = ObservationRules.MinLevelM - 0.01 },
        "a level above the maximum" => Valid with { WaterLevelM = ObservationRules.MaxLevelM + 0.01 },
        "a NaN level" => Valid with { WaterLevelM = double.NaN },
        "an infinite level" => Valid with { WaterLevelM = double.PositiveInfinity },
        "a minus infinite level" => Valid with { WaterLevelM = double.NegativeInfinity },
        "a negative discharge" => Valid with { DischargeM3s = -0.1 },
        "a discharge above the maximum" => Valid with { DischargeM3s = ObservationRules.MaxDischargeM3s + 0.5 },
        "a NaN discharge" => Valid with { DischargeM3s = double.NaN },
        "an infinite discharge" => Valid with { DischargeM3s = double.PositiveInfinity },
        "a negative rainfall" => Valid with { RainfallMm = -0.1 },
        "a rainfall above the maximum" => Valid with { RainfallMm = ObservationRules.MaxRainfallMm + 0.1 },
        "a NaN rainfall" => Valid with { RainfallMm = double.NaN },
        "an infinite rainfall" => Valid with { RainfallMm = double.PositiveInfinity },
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case"),
    };

    [Theory]
    [InlineData("no station", "station", "is required")]
    [InlineData("a blank station", "station", "is required")]
    [InlineData("a lower-case station", "station", "must be the side (VN or CN), a dash and 2-16 upper-case letters or digits")]
    [InlineData("a station without its side", "station", "must be the side (VN or CN)")]
    [InlineData("a station name too long", "station", "must be the side (VN or CN)")]
    [InlineData("the other side's station", "station", "CN-LONGZHOU is a CN station; this node records VN stations only")]
    [InlineData("an uncatalogued station without a river", "river", "is required for a station that is not in the catalog")]
    [InlineData("an uncatalogued station with a blank river", "river", "is required for a station that is not in the catalog")]
    [InlineData("a river over 100 characters", "river", "at most 100 characters")]
    [InlineData("no observedAt", "observedAt", "is required")]
    [InlineData("observedAt just beyond the tolerance", "observedAt", "is in the future")]
    [InlineData("observedAt a day ahead", "observedAt", "is in the future")]
    [InlineData("no measure", "waterLevelM", "at least one of waterLevelM, dischargeM3s and rainfallMm is required")]
    [InlineData("a level below the minimum", "waterLevelM", "must be between")]
    [InlineData("a level above the maximum", "waterLevelM", "must be between")]
    [InlineData("a NaN level", "waterLevelM", "must be between")]
    [InlineData("an infinite level", "waterLevelM", "must be between")]
    [InlineData("a minus infinite level", "waterLevelM", "must be between")]
    [InlineData("a negative discharge", "dischargeM3s", "must be between")]
    [InlineData("a discharge above the maximum", "dischargeM3s", "must be between")]
    [InlineData("a NaN discharge", "dischargeM3s", "must be between")]
    [InlineData("an infinite discharge", "dischargeM3s", "must be between")]
    [InlineData("a negative rainfall", "rainfallMm", "must be between")]
    [InlineData("a rainfall above the maximum", "rainfallMm", "must be between")]
    [InlineData("a NaN rainfall", "rainfallMm", "must be between")]
    [InlineData("an infinite rainfall", "rainfallMm", "must be between")]
    public void A_broken_rule_yields_no_observation_and_one_error_on_its_field(string @case, string field, string says)
    {
        var (observation, errors) = Rules.Check(Broken(@case));

        Assert.Null(observation);
        Assert.Equal([field], errors.Keys);
        Assert.Contains(says, Assert.Single(errors[field]));
    }

    [Fact]
    public void The_valid_reading_the_cases_start_from_is_accepted()
    {
        var (observation, errors) = Rules.Check(Valid);

        Assert.NotNull(observation);
        Assert.Empty(errors);
    }

    [Fact]
    public void Several_broken_rules_are_all_reported_at_once()
    {
        var input = new ObservationInput("vn-laocai", null, null, double.NaN, -1, 3_000);

        var (observation, errors) = Rules.Check(input);

        Assert.Null(observation);
        Assert.Equal(["dischargeM3s", "observedAt", "rainfallMm", "river", "station", "waterLevelM"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Single(messages));
    }

    [Fact]
    public void A_missing_station_without_a_river_also_asks_for_the_river()
    {
        var (_, errors) = Rules.Check(Valid with { Station = null });

        Assert.Equal(["river", "station"], errors.Keys.Order());
    }

    [Fact]
    public void The_field_prefix_is_put_before_every_field_name()
    {
        var (observation, errors) = Rules.Check(Broken("no station") with { ObservedAt = null }, field: "[3].");

        Assert.Null(observation);
        Assert.Equal(["[3].observedAt", "[3].station"], errors.Keys.Order());
    }

    [Fact]
    public void Errors_of_other_items_in_a_batch_are_kept_and_do_not_refuse_a_valid_item()
    {
        var errors = new Dictionary<string, List<string>>();
        Rules.Check(Broken("no station"), field: "[0].", errors: errors);

        var (second, _) = Rules.Check(Valid, field: "[1].", errors: errors);
        var (eleventh, _) = Rules.Check(Valid with { Station = "VN-HAGIANG" }, field: "[10].", errors: errors);
        var (third, _) = Rules.Check(Broken("no measure"), field: "[2].", errors: errors);

        Assert.NotNull(second);
        Assert.NotNull(eleventh);
        Assert.Null(third);
        Assert.Equal(["[0].station", "[2].waterLevelM"], errors.Keys.Order());
    }

    [Fact]
    public void Error_fields_are_named_as_the_members_of_the_json_payload()
    {
        var json = JsonSerializer.SerializeToElement(new ObservationInput("VN-LAOCAI", "Red River", Rules.Now, 1, 2, 3), WireJson.Options);
        var members = json.EnumerateObject().Select(p => p.Name).Order();

        var (_, errors) = Rules.Check(new ObservationInput("vn-laocai", null, null, double.NaN, -1, 3_000));

        Assert.Equal(members, errors.Keys.Order());
    }
}
