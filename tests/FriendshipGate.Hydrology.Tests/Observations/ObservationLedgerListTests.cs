namespace FriendshipGate.Hydrology.Tests;

/// <summary>
/// Listing a VN node's observations: three Lào Cai and one Hà Giang readings of its own, and two from the CN peer,
/// with two readings sharing 05:00 with a third.
/// </summary>
public sealed class ObservationLedgerListTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 4, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> messageIds = [];
    private HydrologyNode node = null!;
    private DateTimeOffset ownRecordedAt;
    private DateTimeOffset peerRecordedAt;

    public async Task InitializeAsync()
    {
        node = await HydrologyNode.StartAsync(HydrologyNode.Vn);
        Observation[] own =
        [
            new(StationCode.Parse("VN-LAOCAI"), "Red River", T0, 78.2, 1100, null),
            new(StationCode.Parse("VN-LAOCAI"), "Red River", T0.AddHours(1), 78.4, null, null),
            new(StationCode.Parse("VN-LAOCAI"), "Red River", T0.AddHours(2), 78.9, null, 3.5),
            new(StationCode.Parse("VN-HAGIANG"), "Lo River", T0.AddHours(1), null, null, 22.0),
        ];
        ownRecordedAt = node.Time.GetUtcNow();
        var (ids, _) = await node.Ledger.RecordAsync(own);
        for (var i = 0; i < own.Length; i++) messageIds[Key(own[i].Station.Value, own[i].ObservedAt)] = ids[i].ToString();

        node.Time.Advance(TimeSpan.FromMinutes(3));
        peerRecordedAt = node.Time.GetUtcNow();
        var hekou = node.FromPeer(new { station = "CN-HEKOU", observedAt = T0.AddHours(1), waterLevelM = 76.0 });
        var longzhou = node.FromPeer(new { station = "CN-LONGZHOU", observedAt = T0.AddHours(1.5), dischargeM3s = 2300.0 });
        await node.ReceiveAsync(hekou, longzhou);
        messageIds[Key("CN-HEKOU", T0.AddHours(1))] = hekou.Id.ToString();
        messageIds[Key("CN-LONGZHOU", T0.AddHours(1.5))] = longzhou.Id.ToString();
    }

    public async Task DisposeAsync()
    {
        if (node is not null) await node.DisposeAsync();
    }

    private static string Key(string station, DateTimeOffset at) =>
        station + " " + at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Keys(IEnumerable<StoredObservation> list) => list.Select(o => Key(o.Station, o.ObservedAt));

    [Fact]
    public async Task Without_filters_both_sides_observations_are_listed_newest_first_then_by_station()
    {
        var list = await node.Ledger.ListAsync(null, null, null, 100, CancellationToken.None);

        Assert.Equal(["VN-LAOCAI 06:00", "CN-LONGZHOU 05:30", "CN-HEKOU 05:00", "VN-HAGIANG 05:00", "VN-LAOCAI 05:00", "VN-LAOCAI 04:00"], Keys(list));
    }

    [Fact]
    public async Task Each_observation_is_listed_with_its_origin_message_id_and_time_of_recording()
    {
        var list = await node.Ledger.ListAsync(null, null, null, 100, CancellationToken.None);

        Assert.Equal(6, list.Count);
        Assert.All(list, o =>
        {
            var fromPeer = o.Station.StartsWith("CN-", StringComparison.Ordinal);
            Assert.Equal(fromPeer ? "CN" : "VN", o.Origin);
            Assert.Equal(fromPeer ? peerRecordedAt : ownRecordedAt, o.RecordedAt);
            Assert.Equal(messageIds[Key(o.Station, o.ObservedAt)], o.MessageId);
            Assert.Equal(TimeSpan.Zero, o.ObservedAt.Offset);
        });
    }

    [Fact]
    public async Task Stored_values_come_back_as_they_were_given_absent_ones_as_null()
    {
        var list = await node.Ledger.ListAsync(null, null, null, 100, CancellationToken.None);

        var laoCai = Assert.Single(list, o => Key(o.Station, o.ObservedAt) == "VN-LAOCAI 04:00");
        Assert.Equal(new StoredObservation("VN-LAOCAI", "Red River", "VN", T0, 78.2, 1100, null, messageIds["VN-LAOCAI 04:00"], ownRecordedAt), laoCai);
        var longzhou = Assert.Single(list, o => o.Station == "CN-LONGZHOU");
        Assert.Equal((null, 2300.0, null), (longzhou.WaterLevelM, longzhou.DischargeM3s, longzhou.RainfallMm));
    }

    [Fact]
    public async Task A_peer_observation_sent_without_a_river_is_stored_with_the_catalog_river_name()
    {
        var list = await node.Ledger.ListAsync("CN-HEKOU", null, null, 100, CancellationToken.None);

        Assert.Equal(node.Catalog.Find(StationCode.Parse("CN-HEKOU"))!.River.En, Assert.Single(list).River);
    }

    [Fact]
    public async Task Filtering_by_station_lists_only_that_stations_observations()
    {
        var list = await node.Ledger.ListAsync("VN-LAOCAI", null, null, 100, CancellationToken.None);

        Assert.Equal(["VN-LAOCAI 06:00", "VN-LAOCAI 05:00", "VN-LAOCAI 04:00"], Keys(list));
    }

    [Fact]
    public async Task A_station_with_no_observations_lists_nothing()
    {
        Assert.Empty(await node.Ledger.ListAsync("CN-NINGMING", null, null, 100, CancellationToken.None));
    }

    [Fact]
    public async Task A_time_range_includes_both_of_its_ends()
    {
        var list = await node.Ledger.ListAsync(null, T0.AddHours(1), T0.AddHours(1.5), 100, CancellationToken.None);

        Assert.Equal(["CN-LONGZHOU 05:30", "CN-HEKOU 05:00", "VN-HAGIANG 05:00", "VN-LAOCAI 05:00"], Keys(list));
    }

    [Fact]
    public async Task A_range_open_at_one_end_is_bounded_only_at_the_other()
    {
        var from = await node.Ledger.ListAsync(null, T0.AddHours(1.5), null, 100, CancellationToken.None);
        var to = await node.Ledger.ListAsync(null, null, T0, 100, CancellationToken.None);

        Assert.Equal(["VN-LAOCAI 06:00", "CN-LONGZHOU 05:30"], Keys(from));
        Assert.Equal(["VN-LAOCAI 04:00"], Keys(to));
    }

    [Fact]
    public async Task A_range_given_in_another_offset_is_the_same_instants()
    {
        var hanoi = TimeSpan.FromHours(7);

        var list = await node.Ledger.ListAsync(null, T0.AddHours(1).ToOffset(hanoi), T0.AddHours(1).ToOffset(hanoi), 100, CancellationToken.None);

        Assert.Equal(["CN-HEKOU 05:00", "VN-HAGIANG 05:00", "VN-LAOCAI 05:00"], Keys(list));
    }

    [Fact]
    public async Task Station_and_time_range_filter_together()
    {
        var list = await node.Ledger.ListAsync("VN-LAOCAI", T0.AddMinutes(1), T0.AddHours(1), 100, CancellationToken.None);

        Assert.Equal(["VN-LAOCAI 05:00"], Keys(list));
    }

    [Fact]
    public async Task The_limit_keeps_the_newest()
    {
        var list = await node.Ledger.ListAsync(null, null, null, 2, CancellationToken.None);

        Assert.Equal(["VN-LAOCAI 06:00", "CN-LONGZHOU 05:30"], Keys(list));
    }
}
