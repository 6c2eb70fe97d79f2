namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// Trucks arriving on one route: a non-homogeneous Poisson process whose rate is constant within each hour of the day
/// (the route's vehicles per day spread over the scenario's hourly profile, times the factor of the day's season). Used by the twin in virtual time and by the
/// demo's live traffic in scaled real time, so both see the same arrivals for the same draws.
/// </summary>
public sealed class ArrivalProcess
{
    private const long TicksPerHour = 3600 * SimulationTime.TicksPerSecond;
    private const long TicksPerDay = 24 * TicksPerHour;
    private readonly double[] ratePerSecond;
    private readonly SeasonCalendar seasons;
    private readonly DateOnly firstDay;

    /// <param name="firstDay">The calendar day that tick 0 is the midnight of (it places the seasons).</param>
    public ArrivalProcess(Scenario scenario, RouteSpec route, DateOnly firstDay)
    {
        var weights = scenario.HourlyProfile.Sum();
        ratePerSecond = [.. scenario.HourlyProfile.Select(w => route.VehiclesPerDay * w / weights / 3600)];
        seasons = scenario.Calendar;
        this.firstDay = firstDay;
    }

    /// <summary>
    /// The next arrival after <paramref name="now"/> (ticks from a midnight), exact by integrating the rate hour by hour
    /// until it adds up to <paramref name="unitExponential"/> (a draw of Exp(1)); null when that is not before <paramref name="end"/>.
    /// </summary>
    public long? Next(long now, long end, double unitExponential)
    {
        var remaining = unitExponential;
        var t = now;
        while (t < end)
        {
            var hour = (int)(t / TicksPerHour % 24);
            var hourEnd = (t / TicksPerHour + 1) * TicksPerHour;
            var rate = ratePerSecond[hour] * seasons.ArrivalFactor(firstDay.AddDays((int)(t / TicksPerDay)));
            var capacity = rate * SimulationTime.ToSeconds(hourEnd - t);
            if (capacity >= remaining) return t + SimulationTime.FromSeconds(remaining / rate);
            remaining -= capacity;
            t = hourEnd;
        }
        return null;
    }
}
