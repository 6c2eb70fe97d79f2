using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>The catalog embedded from data/hydrology/stations.json, checked against itself and its provenance.</summary>
public sealed class StationCatalogTests
{
    private static readonly StationCatalog Catalog = StationCatalog.LoadEmbedded();

    /// <summary>The catalog's stations, never none: a check over them all cannot pass on an empty catalog.</summary>
    private static IReadOnlyCollection<Station> Stations => Catalog.All.Count > 0 ? Catalog.All : throw new InvalidOperationException("the catalog is empty");

    /// <summary>The embedded file as raw JSON, so duplicates the loader might hide are still seen.</summary>
    private static List<JsonElement> RawStations()
    {
        using var stream = typeof(StationCatalog).Assembly.GetManifestResourceStream("stations.json");
        Assert.NotNull(stream);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void The_embedded_catalog_loads_with_stations_of_both_sides()
    {
        Assert.NotEmpty(Catalog.All);
        Assert.Contains(Catalog.All, s => s.Side == "VN");
        Assert.Contains(Catalog.All, s => s.Side == "CN");
    }

    [Fact]
    public void The_catalog_holds_every_station_of_the_file_once()
    {
        var codes = RawStations().Select(e => e.GetProperty("code").GetString()).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Order(), Catalog.All.Select(s => s.Code.Value).Order());
    }

    [Fact]
    public void Each_station_is_listed_under_the_side_its_code_names()
    {
        Assert.All(Stations, s => Assert.Equal(s.Code.Side, s.Side));
    }

    [Fact]
    public void Each_station_has_a_name_and_a_river_name_in_vietnamese_chinese_and_english()
    {
        Assert.All(Stations, s =>
        {
            foreach (var (what, text) in new[] { ("name.vi", s.Name.Vi), ("name.zh", s.Name.Zh), ("name.en", s.Name.En),
                         ("river.vi", s.River.Vi), ("river.zh", s.River.Zh), ("river.en", s.River.En) })
                Assert.False(string.IsNullOrWhiteSpace(text), $"{s.Code}: {what} is missing");
        });
    }

    [Fact]
    public void Warning_levels_are_strictly_ascending_where_a_station_has_several()
    {
        var withSeveral = Catalog.All.Where(s => s.WarningLevelsM.Count > 1).ToList();

        Assert.NotEmpty(withSeveral); // the data has such stations (Lào Cai, Bằng Giang): the check is not vacuous
        Assert.All(withSeveral, s =>
        {
            for (var i = 1; i < s.WarningLevelsM.Count; i++)
                Assert.True(s.WarningLevelsM[i] > s.WarningLevelsM[i - 1], $"{s.Code}: level {i + 1} is not above level {i}");
        });
    }

    [Fact]
    public void Warning_levels_are_finite_and_within_the_observation_bounds()
    {
        var levels = Stations.SelectMany(s => s.WarningLevelsM.Select(level => (s.Code, level))).ToList();

        Assert.NotEmpty(levels);
        Assert.All(levels, x =>
            Assert.True(double.IsFinite(x.level) && x.level >= ObservationRules.MinLevelM && x.level <= ObservationRules.MaxLevelM,
                $"{x.Code}: {x.level}"));
    }

    [Fact]
    public void Where_the_data_names_warning_levels_each_level_has_one_non_empty_name()
    {
        var named = Catalog.All.Where(s => s.WarningLevelNames is not null).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, s =>
        {
            Assert.Equal(s.WarningLevelsM.Count, s.WarningLevelNames!.Count);
            Assert.All(s.WarningLevelNames, name => Assert.False(string.IsNullOrWhiteSpace(name), $"{s.Code}: a level has an empty name"));
            Assert.Equal(s.WarningLevelNames.Count, s.WarningLevelNames.Distinct().Count());
        });
    }

    [Fact]
    public void Each_station_cites_a_source_listed_in_the_provenance_file()
    {
        var provenance = File.ReadAllText(ProvenancePath());

        Assert.All(Stations, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Source), $"{s.Code} has no source");
            Assert.Contains($"| {s.Source} |", provenance);
        });
    }

    [Fact]
    public void Find_returns_the_station_with_that_code()
    {
        var station = Catalog.Find(StationCode.Parse("CN-LONGZHOU"));

        Assert.NotNull(station);
        Assert.Equal("CN-LONGZHOU", station.Code.Value);
    }

    [Fact]
    public void Find_returns_null_for_a_code_not_in_the_catalog()
    {
        Assert.Null(Catalog.Find(StationCode.Parse("VN-NOWHERE")));
        Assert.Null(Catalog.Find(default));
    }

    [Fact]
    public void A_catalog_built_from_a_list_finds_what_it_was_given()
    {
        var code = StationCode.Parse("VN-TEST");
        var station = new Station(code, "VN", new Trilingual("Thử", "测试", "Test"), new Trilingual("Sông", "河", "River"),
            null, null, null, [1.0], "TEST");

        var catalog = new StationCatalog([station]);

        Assert.Same(station, catalog.Find(code));
        Assert.Equal([station], catalog.All);
    }

    private static string ProvenancePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "hydrology", "PROVENANCE.md");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("data/hydrology/PROVENANCE.md not found above " + AppContext.BaseDirectory);
    }
}
