namespace FriendshipGate.Simulation;

/// <summary>
/// The M/M/c queue as a model on the <see cref="EventScheduler"/>, the same engine the twin runs on (no fast path of
/// its own): each customer is three events. Arrival: joins the line, or takes a free server at once and schedules its
/// start of service; schedules the next arrival. Start of service: records the wait, schedules the departure after an
/// exponential service time. Departure: the server takes the first in line (scheduling its start of service) or
/// becomes free. A start of service is its own zero-delay event rather than a direct call, so each of the three model
/// events the benchmark counts is a real pass through the engine's queue.
/// </summary>
/// <remarks>
/// Arrivals and service times come from two streams of the seed, so one seed gives one run, bit for bit. Allocates
/// nothing per customer: the actions are three objects made once, events are structs, the line is a reused ring.
/// </remarks>
internal sealed class MmcModel
{
    private readonly EventScheduler scheduler;
    private readonly RandomStream arrivalGaps;
    private readonly RandomStream serviceTimes;
    private readonly double meanGapTicks;
    private readonly double meanServiceTicks;
    private readonly WaitingLine line = new();
    private readonly Arrival arrival;
    private readonly StartOfService startOfService;
    private readonly Departure departure;
    private readonly WaitStatistics statistics;
    private int freeServers;
    private long arrivalsLeft;
    private long departuresLeft;

    public MmcModel(MmcParameters parameters, ulong seed, EventScheduler? scheduler = null, int batches = WaitStatistics.DefaultBatches)
    {
        Parameters = parameters;
        this.scheduler = scheduler ?? new EventScheduler();
        arrivalGaps = new RandomStream(seed, stream: 0);
        serviceTimes = new RandomStream(seed, stream: 1);
        meanGapTicks = SimulationTime.TicksPerSecond / parameters.ArrivalRate;
        meanServiceTicks = SimulationTime.TicksPerSecond / parameters.ServiceRate;
        freeServers = parameters.Servers;
        arrival = new Arrival(this);
        startOfService = new StartOfService(this);
        departure = new Departure(this);
        statistics = new WaitStatistics(batches);
    }

    public MmcParameters Parameters { get; }
    public EventScheduler Scheduler => scheduler;

    /// <summary>
    /// Lets <paramref name="customers"/> more customers arrive and runs until the last of them has left (the queue is
    /// then empty again). A second call goes on from there, on the same streams, reusing everything.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside an event of the scheduler.</exception>
    public MmcResult Run(long customers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        statistics.Start(customers);
        arrivalsLeft = customers;
        departuresLeft = customers;
        var eventsBefore = scheduler.EventsRun;
        var startedAt = scheduler.Now;
        scheduler.Schedule(NextGap(), arrival);
        scheduler.Run();
        if (departuresLeft != 0) throw new InvalidOperationException("The scheduler stopped before every customer had left.");
        return statistics.Result(customers, scheduler.EventsRun - eventsBefore, SimulationTime.ToSeconds(scheduler.Now - startedAt));
    }

    private long NextGap() => (long)Math.Round(arrivalGaps.Exponential(meanGapTicks));

    private void OnArrival()
    {
        var now = scheduler.Now;
        if (freeServers > 0)
        {
            freeServers--;
            scheduler.Schedule(0, startOfService, now);
        }
        else
        {
            line.Enqueue(now);
            statistics.LineLength(line.Count);
        }
        if (--arrivalsLeft > 0) scheduler.Schedule(NextGap(), arrival);
    }

    private void OnStartOfService(long arrivedAt)
    {
        statistics.Wait(scheduler.Now - arrivedAt);
        scheduler.Schedule((long)Math.Round(serviceTimes.Exponential(meanServiceTicks)), departure);
    }

    private void OnDeparture()
    {
        if (line.Count > 0) scheduler.Schedule(0, startOfService, line.Dequeue());   // the server stays taken
        else freeServers++;
        if (--departuresLeft == 0) scheduler.Stop();
    }

    private sealed class Arrival(MmcModel model) : EventAction(model.scheduler)
    {
        public override void Run(long argument) => model.OnArrival();
    }

    private sealed class StartOfService(MmcModel model) : EventAction(model.scheduler)
    {
        public override void Run(long arrivedAt) => model.OnStartOfService(arrivedAt);
    }

    private sealed class Departure(MmcModel model) : EventAction(model.scheduler)
    {
        public override void Run(long argument) => model.OnDeparture();
    }
}
