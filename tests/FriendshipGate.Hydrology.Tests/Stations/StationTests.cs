using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>How a station counts and names the warning levels a water level reaches.</summary>
public sealed class StationTests
{
    private static Station With(double[] levels, string[]? names) =>
        new(StationCode.Parse("VN-TEST"), "VN", new Trilingual("Thử", "测试", "Test"), new Trilingual("Sông", "河", "River"),
            null, null, null, levels, "TEST", names);

    [Theory]
    [InlineData(79.99, 0)]
    [InlineData(80.0, 1)] // exactly at a level reaches it
    [InlineData(81.0, 1)]
    [InlineData(83.5, 2)]
    [InlineData(90.0, 2)]
    public void A_water_level_reaches_every_warning_level_at_or_below_it(double waterLevelM, int reached)
    {
        Assert.Equal(reached, With([80.0, 83.5], ["I", "III"]).WarningLevelReached(waterLevelM));
    }

    [Fact]
    public void A_station_without_warning_levels_is_never_reached()
    {
        Assert.Equal(0, With([], []).WarningLevelReached(4_999));
    }

    [Theory]
    [InlineData(1, "I")]
    [InlineData(2, "III")]
    public void A_reached_level_is_called_by_its_name(int reached, string name)
    {
        Assert.Equal(name, With([80.0, 83.5], ["I", "III"]).WarningLevelName(reached));
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(2, "2")]
    public void Without_names_a_reached_level_is_called_by_its_number(int reached, string name)
    {
        Assert.Equal(name, With([80.0, 83.5], null).WarningLevelName(reached));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_count_outside_the_named_levels_is_given_as_a_number(int reached)
    {
        Assert.Equal(reached.ToString(System.Globalization.CultureInfo.InvariantCulture), With([80.0, 83.5], ["I", "III"]).WarningLevelName(reached));
    }
}
