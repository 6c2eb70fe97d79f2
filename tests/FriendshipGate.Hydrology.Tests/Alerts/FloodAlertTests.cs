using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>
/// Flood alerts raised when the peer's readings reach a warning level: mostly a CN node receiving Lào Cai
/// (VN-LAOCAI), the catalogued station with several warning levels; levels and their names come from the catalog.
/// </summary>
public sealed class FloodAlertTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ObservedAt = new(2025, 6, 1, 7, 0, 0, TimeSpan.Zero);

    private HydrologyNode cn = null!;
    private Station laoCai = null!;

    public async Task InitializeAsync()
    {
        cn = await HydrologyNode.StartAsync(HydrologyNode.Cn);
        laoCai = cn.Catalog.Find(StationCode.Parse("VN-LAOCAI"))!;
        Assert.True(laoCai.WarningLevelsM.Count >= 2, "the tests need a station with several warning levels");
        Assert.Equal(laoCai.WarningLevelsM.Count, laoCai.WarningLevelNames?.Count);
    }

    public async Task DisposeAsync()
    {
        if (cn is not null) await cn.DisposeAsync();
    }

    private Envelope LaoCai(double? level, DateTimeOffset? at = null, double? discharge = null) =>
        cn.FromPeer(new ObservationInput("VN-LAOCAI", null, at ?? ObservedAt, level, discharge, null));

    private Task<IReadOnlyList<FloodAlert>> AlertsAsync(HydrologyNode? node = null, int limit = 100) =>
        (node ?? cn).Alerts.ListAsync(limit, CancellationToken.None);

    [Fact]
    public async Task A_reading_exactly_at_the_first_warning_level_raises_an_alert_naming_that_level()
    {
        var level = laoCai.WarningLevelsM[0];
        cn.Time.Advance(TimeSpan.FromMinutes(2));
        var envelope = LaoCai(level);

        await cn.ReceiveAsync(envelope);

        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal(new FloodAlert(alert.Id, "VN-LAOCAI", "VN", ObservedAt, level, 1, level, envelope.Id.ToString(),
            cn.Time.GetUtcNow(), laoCai.WarningLevelNames![0]), alert);
    }

    [Fact]
    public async Task A_reading_between_two_levels_names_the_lower_one()
    {
        await cn.ReceiveAsync(LaoCai((laoCai.WarningLevelsM[0] + laoCai.WarningLevelsM[1]) / 2));

        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal((1, laoCai.WarningLevelsM[0], laoCai.WarningLevelNames![0]), (alert.WarningLevel, alert.WarningLevelM, alert.WarningLevelName));
    }

    [Fact]
    public async Task A_reading_above_several_levels_raises_one_alert_naming_the_highest()
    {
        var highest = laoCai.WarningLevelsM[^1];

        await cn.ReceiveAsync(LaoCai(highest + 0.6));

        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal((laoCai.WarningLevelsM.Count, highest, laoCai.WarningLevelNames![^1], highest + 0.6),
            (alert.WarningLevel, alert.WarningLevelM, alert.WarningLevelName, alert.WaterLevelM));
    }

    [Fact]
    public async Task A_reading_just_below_the_first_level_raises_none_yet_is_stored()
    {
        await cn.ReceiveAsync(LaoCai(laoCai.WarningLevelsM[0] - 0.01));

        Assert.Empty(await AlertsAsync());
        Assert.Single(await cn.Ledger.ListAsync("VN-LAOCAI", null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_without_a_water_level_raises_none()
    {
        await cn.ReceiveAsync(LaoCai(null, discharge: ObservationRules.MaxDischargeM3s));

        Assert.Empty(await AlertsAsync());
        Assert.Single(await cn.Ledger.ListAsync("VN-LAOCAI", null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_uncatalogued_peer_station_raises_none_yet_is_stored()
    {
        await cn.ReceiveAsync(cn.FromPeer(new ObservationInput("VN-NEWGAUGE", "Sông Kỳ Cùng", ObservedAt, ObservationRules.MaxLevelM, null, null)));

        Assert.Empty(await AlertsAsync());
        Assert.Single(await cn.Ledger.ListAsync("VN-NEWGAUGE", null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_raises_alerts_only_for_the_readings_that_reach_a_level_each_with_its_message_id()
    {
        var below = LaoCai(laoCai.WarningLevelsM[0] - 1, ObservedAt.AddHours(-3));
        var first = LaoCai(laoCai.WarningLevelsM[0] + 0.1, ObservedAt.AddHours(-2));
        var dry = LaoCai(null, ObservedAt.AddHours(-1), discharge: 900);
        var top = LaoCai(laoCai.WarningLevelsM[^1] + 0.1, ObservedAt);

        await cn.ReceiveAsync(below, first, dry, top);

        var alerts = await AlertsAsync();
        Assert.Equal([(top.Id.ToString(), laoCai.WarningLevelsM.Count), (first.Id.ToString(), 1)],
            alerts.Select(a => (a.MessageId, a.WarningLevel)));
        Assert.Equal([ObservedAt, ObservedAt.AddHours(-2)], alerts.Select(a => a.ObservedAt));
    }

    [Fact]
    public async Task Alerts_are_listed_newest_first_up_to_the_limit()
    {
        var earlier = LaoCai(laoCai.WarningLevelsM[0], ObservedAt.AddHours(-1));
        var later = LaoCai(laoCai.WarningLevelsM[0], ObservedAt);
        await cn.ReceiveAsync(earlier);
        await cn.ReceiveAsync(later);

        Assert.Equal([later.Id.ToString(), earlier.Id.ToString()], (await AlertsAsync()).Select(a => a.MessageId));
        Assert.Equal([later.Id.ToString()], (await AlertsAsync(limit: 1)).Select(a => a.MessageId));
    }

    [Fact]
    public async Task This_sides_own_observations_raise_no_alert()
    {
        var longzhou = cn.Catalog.Find(StationCode.Parse("CN-LONGZHOU"))!;
        Assert.NotEmpty(longzhou.WarningLevelsM);

        var (ids, _) = await cn.Ledger.RecordAsync(
            [new Observation(longzhou.Code, longzhou.River.En!, ObservedAt, longzhou.WarningLevelsM[^1] + 5, null, null)]);

        Assert.Single(ids);
        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task A_chinese_station_read_by_the_vietnamese_side_is_named_by_its_chinese_warning_level()
    {
        await using var vn = await HydrologyNode.StartAsync(HydrologyNode.Vn);
        var longzhou = vn.Catalog.Find(StationCode.Parse("CN-LONGZHOU"))!;
        Assert.NotNull(longzhou.WarningLevelNames);

        await vn.ReceiveAsync(vn.FromPeer(new ObservationInput("CN-LONGZHOU", null, ObservedAt, longzhou.WarningLevelsM[0] + 0.3, null, null)));

        var alert = Assert.Single(await AlertsAsync(vn));
        Assert.Equal(("CN-LONGZHOU", "CN", longzhou.WarningLevelNames[0], longzhou.WarningLevelsM[0]),
            (alert.Station, alert.Origin, alert.WarningLevelName, alert.WarningLevelM));
    }

    [Fact]
    public async Task A_station_without_known_warning_levels_never_raises_an_alert()
    {
        await using var vn = await HydrologyNode.StartAsync(HydrologyNode.Vn);
        Assert.Empty(vn.Catalog.Find(StationCode.Parse("CN-HEKOU"))!.WarningLevelsM);

        await vn.ReceiveAsync(vn.FromPeer(new ObservationInput("CN-HEKOU", null, ObservedAt, ObservationRules.MaxLevelM, null, null)));

        Assert.Empty(await AlertsAsync(vn));
        Assert.Single(await vn.Ledger.ListAsync("CN-HEKOU", null, null, 10, CancellationToken.None));
    }
}
