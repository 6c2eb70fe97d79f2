using System.Runtime.CompilerServices;
using FriendshipGate.Clearance;
using FriendshipGate.Simulation.Twin;

namespace FriendshipGate.Simulation.LiveTraffic;

/// <summary>One truck of a scenario, due now: when it arrives in scenario time, and the load its export declaration carries.</summary>
public sealed record ScenarioTruck(int Number, string Route, DateTimeOffset ScenarioTime, RiskItem Load, string Trader, bool AeoTrader);

/// <summary>
/// A scenario's trucks in scaled real time, for the demo: the twin's arrival process (vehicles per day over the hourly
/// profile) and goods mix, with scenario time running <c>speed</c> times as fast as the clock (60: a day in 24 minutes).
/// Scenario time starts at the clock's time of day, so at any speed the traffic follows the day's profile. The same
/// seed gives the same trucks; how long the consumer takes never changes them.
/// </summary>
public sealed class ScenarioTraffic
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private readonly Scenario scenario;
    private readonly RouteSpec[] routes;
    private readonly ArrivalProcess[] processes;
    private readonly GoodsMix goods;
    private readonly SeasonCalendar seasons;
    private readonly RandomStream arrivals, goodsRandom;
    private readonly TimeProvider time;
    private readonly DateTimeOffset realStart, scenarioMidnight;
    private readonly long scenarioStart;

    /// <param name="routeNames">The routes whose trucks come to this gate (default: the scenario's first route).</param>
    /// <param name="share">The share of those routes' trucks that come here, e.g. a gate with 2 of the route's 38 service points gets 2/38.</param>
    public ScenarioTraffic(Scenario scenario, ulong seed, double speed, TimeProvider time, IReadOnlyList<string>? routeNames = null, double share = 1)
    {
        if (speed is <= 0 or > 3600) throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be above 0 and at most 3600.");
        if (share is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), share, "share must be above 0 and at most 1.");
        this.scenario = scenario;
        this.time = time;
        Speed = speed;
        IEnumerable<RouteSpec> chosen = routeNames is null ? [scenario.Routes[0]]
            : routeNames.Select(n => scenario.Routes.FirstOrDefault(r => r.Name == n) ?? throw new ArgumentException($"scenario '{scenario.Name}' has no route '{n}'.", nameof(routeNames)));
        // A share of a Poisson process's arrivals is a Poisson process with the rate scaled by it.
        routes = [.. chosen.Select(r => r with { VehiclesPerDay = r.VehiclesPerDay * share })];
        goods = new GoodsMix(scenario, seed);
        seasons = scenario.Calendar;
        arrivals = new RandomStream(seed, TwinStreams.Arrivals);
        goodsRandom = new RandomStream(seed, TwinStreams.Goods);
        realStart = time.GetUtcNow();
        scenarioMidnight = new DateTimeOffset(realStart.UtcDateTime.Date, TimeSpan.Zero);
        processes = [.. routes.Select(r => new ArrivalProcess(scenario, r, DateOnly.FromDateTime(scenarioMidnight.UtcDateTime)))];
        scenarioStart = (realStart - scenarioMidnight).Ticks;
    }

    public double Speed { get; }

    /// <summary>Where scenario time is now.</summary>
    public DateTimeOffset ScenarioNow => scenarioMidnight.AddTicks(scenarioStart + (long)((time.GetUtcNow() - realStart).Ticks * Speed));

    /// <summary>Trucks per day the chosen routes bring, and the busiest hour's share of them (for sizing the demo's slots).</summary>
    public (double PerDay, double PeakHourShare) Volume =>
        (routes.Sum(r => r.VehiclesPerDay), scenario.HourlyProfile.Max() / scenario.HourlyProfile.Sum());

    /// <summary>Each truck when its scenario time comes (waiting on the clock in between), until cancelled.</summary>
    public async IAsyncEnumerable<ScenarioTruck> TrucksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (due, truck) in Timetable())
        {
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return truck;
        }
    }

    /// <summary>The endless timetable behind <see cref="TrucksAsync"/>: each truck with the clock time it is due. Read it once.</summary>
    public IEnumerable<(DateTimeOffset Due, ScenarioTruck Truck)> Timetable()
    {
        var next = processes.Select(p => Next(p, scenarioStart)).ToArray();
        for (var number = 1; ; number++)
        {
            var route = Array.IndexOf(next, next.Min());
            var at = next[route];
            next[route] = Next(processes[route], at);
            var (subject, _) = goods.Next($"live-{number}", goodsRandom, aeoRecognised: true, seasons.On(DateOnly.FromDateTime(scenarioMidnight.AddTicks(at).UtcDateTime)));
            var due = realStart + TimeSpan.FromTicks((long)((at - scenarioStart) / Speed));
            yield return (due, new ScenarioTruck(number, routes[route].Name, scenarioMidnight.AddTicks(at), subject.Items[0], subject.TraderIds[0], subject.AeoRecognised));
        }
    }

    // Day after day: the process integrates its rate up to a far horizon, so a truck always comes.
    private long Next(ArrivalProcess process, long after) => process.Next(after, after + 365 * TicksPerDay, arrivals.Exponential(1)) ?? long.MaxValue;
}
