using System.Globalization;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// A stretch of the calendar that changes the traffic: from <see cref="From"/> to <see cref="To"/> ("MM-dd", both
/// days included; a season may run over the new year) arrivals are <see cref="Arrivals"/> times the scenario's, and the
/// loads may be more often fresh (<see cref="PerishableShare"/>) and of other fruit (<see cref="Fresh"/>: weights by
/// the goods mix's fruit names). <see cref="Source"/> says where the season comes from.
/// </summary>
public sealed record Season(
    string Name, string From, string To, double Arrivals = 1, double? PerishableShare = null,
    IReadOnlyDictionary<string, double>? Fresh = null, string? Source = null);

/// <summary>
/// Which season each day of the year is in, looked up by month and day (so the same in every year, 29 February
/// included). Days outside every season are ordinary: factor 1, the scenario's own mix.
/// </summary>
public sealed class SeasonCalendar
{
    private readonly Season?[,] byDay = new Season?[13, 32];

    /// <exception cref="InvalidDataException">A date that is not "MM-dd", a negative factor, a share outside [0, 1],
    /// a fruit the goods mix does not have, or two seasons sharing a day.</exception>
    public SeasonCalendar(IReadOnlyList<Season>? seasons, string scenarioName)
    {
        foreach (var season in seasons ?? [])
        {
            var (from, to) = (DayOf(season.From, season, scenarioName), DayOf(season.To, season, scenarioName));
            if (season.Arrivals < 0 || !double.IsFinite(season.Arrivals))
                throw new InvalidDataException($"{scenarioName}: season '{season.Name}': arrivals must be a factor of 0 or more");
            if (season.PerishableShare is < 0 or > 1)
                throw new InvalidDataException($"{scenarioName}: season '{season.Name}': perishableShare must be in [0, 1]");
            if (season.Fresh?.Keys.FirstOrDefault(name => !GoodsMix.FreshNames.Contains(name)) is { } unknown)
                throw new InvalidDataException($"{scenarioName}: season '{season.Name}': no fresh goods '{unknown}' (known: {string.Join(", ", GoodsMix.FreshNames)})");
            if (season.Fresh is { } weights && (weights.Values.Any(w => w < 0 || !double.IsFinite(w)) || weights.Values.Sum() <= 0))
                throw new InvalidDataException($"{scenarioName}: season '{season.Name}': fresh weights must be 0 or more, not all 0");
            // Both days are read in a leap year (so 29 February exists); a season over the new year starts the year before.
            if (to < from) from = from.AddYears(-1);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (byDay[day.Month, day.Day] is { } other)
                    throw new InvalidDataException($"{scenarioName}: seasons '{other.Name}' and '{season.Name}' both cover {day:MM-dd}");
                byDay[day.Month, day.Day] = season;
            }
        }
    }

    /// <summary>The season of a calendar day, or null for an ordinary day.</summary>
    public Season? On(DateOnly day) => byDay[day.Month, day.Day];

    /// <summary>The arrival factor of a calendar day: its season's, or 1.</summary>
    public double ArrivalFactor(DateOnly day) => On(day)?.Arrivals ?? 1;

    private static DateOnly DayOf(string monthDay, Season season, string scenarioName) =>
        DateOnly.TryParseExact("2024-" + monthDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidDataException($"{scenarioName}: season '{season.Name}': '{monthDay}' is not a day of the year as MM-dd");
}
