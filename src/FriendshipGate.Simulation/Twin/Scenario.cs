using System.Reflection;
using System.Text.Json;

namespace FriendshipGate.Simulation.Twin;

/// <summary>One route of the gate pair: its traffic, how many trucks it can serve at once, whether AGVs may cross on it.</summary>
public sealed record RouteSpec(string Name, double VehiclesPerDay, int ServicePoints, bool AgvRoute);

/// <summary>A daily window (hours from midnight) in which the exchange link between the two customs nodes is down.</summary>
public sealed record OutageWindow(double StartHour, double Hours)
{
    public bool Covers(double hourOfDay) => hourOfDay >= StartHour && hourOfDay < StartHour + Hours;
}

/// <summary>What the twin simulates: traffic by route and hour, goods mix, traders, fleet, outages and breakdowns (data/scenarios/*.json).</summary>
public sealed record Scenario(
    string Name, string Description, int Days, IReadOnlyList<RouteSpec> Routes, IReadOnlyList<double> HourlyProfile,
    double PerishableShare, int ContainersPerVehicle, int Traders, double AeoTraderShare, int FleetVehicles,
    IReadOnlyList<OutageWindow> ExchangeOutages, double AgvBreakdownsPerVehicleDay, double AgvRepairMinutes, int AgvBacklogLimit = 30,
    IReadOnlyList<Season>? Seasons = null)
{
    /// <summary>
    /// The season of each calendar day (<see cref="Seasons"/>; none: every day ordinary), built from the seasons on each
    /// read and checked as it is built: keep the one you use.
    /// </summary>
    public SeasonCalendar Calendar => new(Seasons, Name);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };

    private const string Prefix = "scenarios/";

    /// <summary>The scenarios shipped in data/scenarios (embedded in this assembly), by name.</summary>
    public static IReadOnlyList<string> Names =>
        [.. typeof(Scenario).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n != Prefix + "policies.json")
            .Select(n => n[Prefix.Length..^".json".Length]).Order(StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">No scenario of that name is shipped.</exception>
    public static Scenario Load(string name)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"unknown scenario '{name}' (known: {string.Join(", ", Names)})", nameof(name));
        return Validate(Read<Scenario>(name + ".json"));
    }

    internal static T Read<T>(string file)
    {
        using var stream = typeof(Scenario).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidDataException($"embedded scenario file {file} is missing");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{file} is empty");
    }

    private static Scenario Validate(Scenario s)
    {
        if (s.HourlyProfile is not { Count: 24 } || s.HourlyProfile.Any(w => w < 0) || s.HourlyProfile.Sum() <= 0)
            throw new InvalidDataException($"{s.Name}: hourlyProfile must have 24 non-negative weights, not all zero");
        if (s.Routes is not { Count: > 0 } || s.Routes.Any(r => r.VehiclesPerDay < 0 || r.ServicePoints < 1))
            throw new InvalidDataException($"{s.Name}: every route needs vehiclesPerDay >= 0 and servicePoints >= 1");
        if (s.PerishableShare is < 0 or > 1 || s.AeoTraderShare is < 0 or > 1 || s.ContainersPerVehicle < 1 || s.Traders < 1 || s.FleetVehicles < 1)
            throw new InvalidDataException($"{s.Name}: shares must be in [0, 1]; containersPerVehicle, traders and fleetVehicles at least 1");
        _ = s.Calendar; // checks the seasons
        return s;
    }
}

/// <summary>How the gate pair is run (data/scenarios/policies.json): the service-time assumptions of one policy.</summary>
public sealed record GatePolicy(
    string Description, int OpenHour, int CloseHour, double DataEntryMinutesPerSide, int SidesTyping,
    IReadOnlyDictionary<string, double> CheckMinutesPerSide, int SidesInspecting, double ServiceCv,
    bool Appointments, double BookedShare, int SlotMinutes, bool PerishablePriority, bool AeoRecognised,
    bool AgvOnMainRoute, double MannedCrossingMinutes, int? OutageSidesTyping = null, int? OutageSidesInspecting = null)
{
    public const string Baseline = "baseline", Smart = "smart";

    public static IReadOnlyList<string> Names { get; } = [Baseline, Smart];

    public bool OpenAllDay => OpenHour <= 0 && CloseHour >= 24;

    public bool IsOpen(double hourOfDay) => OpenAllDay || (hourOfDay >= OpenHour && hourOfDay < CloseHour);

    public static GatePolicy Load(string name)
    {
        var all = Scenario.Read<Dictionary<string, GatePolicy>>("policies.json");
        return all.TryGetValue(name, out var policy) ? policy
            : throw new ArgumentException($"unknown policy '{name}' (known: {string.Join(", ", all.Keys)})", nameof(name));
    }
}
