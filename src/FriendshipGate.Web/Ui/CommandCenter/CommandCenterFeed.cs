using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Fleet;
using FriendshipGate.Gate;
using FriendshipGate.Hydrology;
using FriendshipGate.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Web.Ui.CommandCenter;

/// <summary>One station's latest reading, with the warning level it reaches.</summary>
public sealed record RiverReading(Station Station, string Origin, DateTimeOffset ObservedAt, double? WaterLevelM, int WarningLevel, string? WarningLevelName);

/// <summary>Everything the command center shows, read at one moment.</summary>
public sealed record CommandCenterSnapshot(
    DateTimeOffset At,
    ClearanceCounts Clearance,
    IReadOnlyList<TrsGroup> TimesByLane,
    ExchangeStatus Exchange,
    IReadOnlyList<RiverReading> Rivers,
    IReadOnlyList<FloodAlert> Alerts,
    GateSnapshot Gate,
    FleetView Fleet);

/// <summary>The fleet's vehicles where their latest states put them, and the road to draw them on (none: the fleet is not running here).</summary>
public sealed record FleetView(RoadDrawing? Drawing, IReadOnlyList<VehicleOnMap> Vehicles);

/// <summary>
/// Reads the command center's figures once a second while anybody watches, and pushes them to every open screen: one set of
/// queries however many screens are open.
/// </summary>
public sealed class CommandCenterFeed(
    ClearanceCountsReader counts, TimeReleaseData timeRelease, ExchangeOptions exchange, NodeDatabase database,
    ObservationLedger observations, StationCatalog stations, FloodAlerts alerts, GateOverview gateOverview, FleetHost fleet, TimeProvider time, ILogger<CommandCenterFeed> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LaneTimesInterval = TimeSpan.FromSeconds(30);
    private const int GateAlertsShown = 5;
    private readonly Lock gate = new();
    private readonly List<Func<CommandCenterSnapshot, Task>> subscribers = [];

    private LaneTimes? laneTimes;

    public CommandCenterSnapshot? Latest { get; private set; }

    /// <summary>Calls <paramref name="onSnapshot"/> with each new snapshot until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<CommandCenterSnapshot, Task> onSnapshot)
    {
        lock (gate) subscribers.Add(onSnapshot);
        return new Subscription(this, onSnapshot);
    }

    public async Task<CommandCenterSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var clearance = await counts.ReadAsync(12, cancellationToken);
        // 30 days of timestamps is the heaviest read here, and its medians move slowly: it is read twice a minute, not every second.
        if (laneTimes is not { } cached || now - cached.At >= LaneTimesInterval)
            laneTimes = cached = new LaneTimes(now, TimeReleaseStudy.Compute(await timeRelease.LoadAsync(now.AddDays(-30), now.AddMinutes(1), cancellationToken), "lane"));
        var times = cached.Groups;
        var link = await ExchangeStatus.ReadAsync(exchange, database, time, cancellationToken);
        var recent = await observations.ListAsync(null, now.AddDays(-3), null, 1000, cancellationToken);
        var rivers = recent.GroupBy(o => o.Station).Select(g => g.First())
            .Select(o => stations.All.FirstOrDefault(s => s.Code.Value == o.Station) is { } station ? Reading(station, o) : null).OfType<RiverReading>()
            .OrderBy(r => r.Station.Side).ThenBy(r => r.Station.Code.Value).ToList();
        var latestAlerts = await alerts.ListAsync(10, cancellationToken);
        // The waiting area, the lanes and the open device alerts: two queries, however many trucks are at the gate.
        var gateNow = await gateOverview.ReadAsync(GateAlertsShown, cancellationToken);
        // The vehicles from the fleet link's memory: no query, one copy of the latest states per tick.
        var vehicles = fleet.Controller is { } controller ? new FleetView(RoadDrawing.For(controller.Graph), fleet.VehiclesOnMap()) : new FleetView(null, []);
        return Latest = new CommandCenterSnapshot(now, clearance, times, link, rivers, latestAlerts, gateNow, vehicles);
    }

    private static RiverReading Reading(Station station, StoredObservation o)
    {
        var level = o.WaterLevelM is { } m ? station.WarningLevelReached(m) : 0;
        return new RiverReading(station, o.Origin, o.ObservedAt, o.WaterLevelM, level, level > 0 ? station.WarningLevelName(level) : null);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Func<CommandCenterSnapshot, Task>[] targets;
            lock (gate) targets = [.. subscribers];
            if (targets.Length == 0) continue;
            try
            {
                var snapshot = await ReadAsync(stoppingToken);
                foreach (var target in targets)
                {
                    try { await target(snapshot); }
                    catch (Exception e) when (e is not OperationCanceledException) { logger.LogDebug(e, "A screen did not take the command center's figures."); }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed read shows as a stale time on the screen; the next tick tries again.
                logger.LogWarning(e, "The command center could not read its figures.");
            }
        }
    }

    private sealed record LaneTimes(DateTimeOffset At, IReadOnlyList<TrsGroup> Groups);

    private sealed class Subscription(CommandCenterFeed feed, Func<CommandCenterSnapshot, Task> target) : IDisposable
    {
        public void Dispose()
        {
            lock (feed.gate) feed.subscribers.Remove(target);
        }
    }
}
