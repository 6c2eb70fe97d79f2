using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology;

/// <summary>
/// A gauging station on a border river and the warning levels known for it, ascending (VN alarm levels I–III;
/// CN 警戒水位): <see cref="WarningLevelNames"/> says which ones, since sources do not always give all three.
/// </summary>
public sealed record Station(
    StationCode Code, string Side, Trilingual Name, Trilingual River, double? Latitude, double? Longitude,
    string? Datum, IReadOnlyList<double> WarningLevelsM, string? Source, IReadOnlyList<string>? WarningLevelNames = null)
{
    /// <summary>How many of the known warning levels <paramref name="waterLevelM"/> reaches (0: none).</summary>
    public int WarningLevelReached(double waterLevelM) => WarningLevelsM.Count(level => waterLevelM >= level);

    /// <summary>The name of the <paramref name="reached"/>-th known level ("III", "警戒水位"), or its number.</summary>
    public string WarningLevelName(int reached) =>
        WarningLevelNames is { } names && reached >= 1 && reached <= names.Count ? names[reached - 1] : reached.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The border-river stations shipped in data/hydrology/stations.json (see PROVENANCE.md there).</summary>
public sealed class StationCatalog
{
    private readonly Dictionary<StationCode, Station> stations;

    public StationCatalog(IEnumerable<Station> stations) => this.stations = stations.ToDictionary(s => s.Code);

    public IReadOnlyCollection<Station> All => stations.Values;

    public Station? Find(StationCode code) => stations.GetValueOrDefault(code);

    /// <summary>Loads the catalog embedded from data/hydrology/stations.json.</summary>
    public static StationCatalog LoadEmbedded()
    {
        using var stream = typeof(StationCatalog).Assembly.GetManifestResourceStream("stations.json")
            ?? throw new InvalidOperationException("stations.json is not embedded in the Hydrology assembly.");
        var list = JsonSerializer.Deserialize<List<Station>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("stations.json is empty.");
        foreach (var station in list.Where(s => s.Code.Side != s.Side))
            throw new InvalidDataException($"station {station.Code} is listed under side {station.Side}.");
        foreach (var station in list.Where(s => s.WarningLevelNames is { } names && names.Count != s.WarningLevelsM.Count))
            throw new InvalidDataException($"station {station.Code} names {station.WarningLevelNames!.Count} warning levels but gives {station.WarningLevelsM.Count}.");
        return new StationCatalog(list);
    }
}
