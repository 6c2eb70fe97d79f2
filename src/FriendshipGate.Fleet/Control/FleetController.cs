using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Fleet;

/// <summary>
/// Runs the fleet: takes transport orders, lets the <see cref="Dispatcher"/> pick vehicles, plans each trip with
/// <see cref="TrafficControl"/> and sends it as a VDA 5050 order whose released part is exactly what traffic control
/// has released; as vehicles report the nodes they reach, the released part grows by order updates. A silent or broken
/// vehicle keeps everything it was released into until it reports again. Everything runs on one loop, in the order
/// events arrive, so traffic control (not thread-safe) sees one change at a time.
/// </summary>
public sealed partial class FleetController : IAsyncDisposable
{
    private readonly FleetLink link;
    private readonly TimeProvider time;
    private readonly FleetControllerOptions options;
    private readonly ILogger logger;
    private readonly Dispatcher dispatcher;
    private readonly Channel<Func<Task>> inbox = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, VehicleRun> runs = new(StringComparer.Ordinal);
    private readonly List<TransportOrder> orders = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private readonly ITimer dispatchTimer;
    private readonly Dictionary<string, VehicleStateReceived> latestStates = new(StringComparer.Ordinal);
    private int tickPending;
    private int delivered;
    private long orderSequence;

    public FleetController(RoadGraph graph, FleetLink link, IEnumerable<FleetVehicle> vehicles, TimeProvider time, FleetControllerOptions? options = null, ILogger? logger = null)
    {
        Graph = graph;
        this.link = link;
        this.time = time;
        this.options = options ?? new FleetControllerOptions();
        this.logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Traffic = new TrafficControl(graph, time, this.options.Traffic);
        dispatcher = new Dispatcher(graph, this.options.Dispatch);
        foreach (var vehicle in vehicles) runs[vehicle.Id.ToString()] = new VehicleRun(vehicle);
        link.EventRaised += Enqueue;
        loop = Task.Run(RunAsync);
        dispatchTimer = time.CreateTimer(_ =>
        {
            // One tick waiting at a time: when the loop falls behind, ticks must not pile up in front of the vehicles' reports.
            if (Interlocked.Exchange(ref tickPending, 1) == 0) inbox.Writer.TryWrite(() => { Volatile.Write(ref tickPending, 0); return TickAsync(); });
        }, null, this.options.DispatchInterval, this.options.DispatchInterval);
    }

    public RoadGraph Graph { get; }

    /// <summary>Traffic control, for tests and screens to read between events (never to change).</summary>
    public TrafficControl Traffic { get; }

    /// <summary>An order finished: its container was dropped at its bay.</summary>
    public event Action<TransportOrder>? OrderDelivered;

    /// <summary>Each change of a transport order's state, written by the node (<see cref="FleetOrderStore"/>); runs on the loop.</summary>
    public Func<TransportOrder, Task>? OrderChanged { get; init; }

    /// <summary>Queues a transport order: move <paramref name="container"/> from one bay to another.</summary>
    /// <exception cref="ArgumentException">The container number fails ISO 6346, or a bay is unknown or not a bay, or both are the same.</exception>
    public Task<TransportOrder> SubmitAsync(string container, string fromBay, string toBay, string? id = null) =>
        SubmitAsync(NewOrder(container, fromBay, toBay, id ?? $"TO-{Interlocked.Increment(ref orderSequence):D6}"));

    /// <summary>Checks a transport order (container number, bays) before anything is stored.</summary>
    /// <exception cref="ArgumentException">What is wrong, in words.</exception>
    public TransportOrder NewOrder(string container, string fromBay, string toBay, string id)
    {
        if (Clearance.ContainerNumber.Check(container, out var number) is { } wrong) throw new ArgumentException(wrong.En);
        if (fromBay == toBay) throw new ArgumentException($"the container is at {fromBay} already.");
        foreach (var bay in new[] { fromBay, toBay })
            if (!Graph.TryGetNode(bay, out var node) || node.Kind != RoadNodeKind.Bay) throw new ArgumentException($"{bay} is not a bay of the road graph.");
        return new TransportOrder(id, number.Value, fromBay, toBay, time.GetUtcNow());
    }

    /// <summary>Queues an order made by <see cref="NewOrder"/> (or taken up again after a restart).</summary>
    public Task<TransportOrder> SubmitAsync(TransportOrder order)
    {
        var done = new TaskCompletionSource<TransportOrder>(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.Writer.TryWrite(() => { orders.Add(order); done.SetResult(order); return Task.CompletedTask; });
        return done.Task;
    }

    private Task ChangedAsync(TransportOrder order) => OrderChanged?.Invoke(order) ?? Task.CompletedTask;

    /// <summary>A consistent picture of the fleet, taken on the controller's loop.</summary>
    public Task<FleetSnapshot> SnapshotAsync()
    {
        var done = new TaskCompletionSource<FleetSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.Writer.TryWrite(() => { done.SetResult(Snapshot()); return Task.CompletedTask; });
        return done.Task;
    }

    private FleetSnapshot Snapshot() => new(time.GetUtcNow(), [.. runs.Values.Select(VehicleSnapshotOf)],
        orders.Count(o => o.State == TransportOrderState.Queued), orders.Count(o => o.State is TransportOrderState.Assigned or TransportOrderState.PickedUp), delivered);

    private VehicleSnapshot VehicleSnapshotOf(VehicleRun r)
    {
        var horizon = r.Placed ? Traffic.Horizon(r.Key) : null;
        var node = r.LastNode is { } id && Graph.TryGetNode(id, out var found) ? found : null;
        return new VehicleSnapshot(r.Key, r.LastNode, node?.X, node?.Y, r.Battery, horizon?.State.ToString() ?? "unplaced", r.Job?.Kind, r.Job?.Order?.ContainerNumber,
            r.Silent, r.Broken, horizon is null ? [] : [.. horizon.Released.Select(s => s.NodeId)]);
    }

    /// <summary>
    /// Queues a vehicle event for the loop. A state replaces an older state of the same vehicle still waiting in the queue:
    /// the latest one says all the controller needs (traffic control takes several nodes reached at once), and a loop that
    /// falls behind catches up instead of working through stale reports.
    /// </summary>
    private void Enqueue(FleetEvent e)
    {
        if (e is not VehicleStateReceived state)
        {
            inbox.Writer.TryWrite(() => OnEventAsync(e));
            return;
        }
        var key = state.Vehicle.ToString();
        lock (latestStates)
        {
            var waiting = latestStates.ContainsKey(key);
            latestStates[key] = state;
            if (waiting) return;
        }
        inbox.Writer.TryWrite(() =>
        {
            VehicleStateReceived latest;
            lock (latestStates) latestStates.Remove(key, out latest!);
            return OnEventAsync(latest);
        });
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var work in inbox.Reader.ReadAllAsync(stopping.Token))
            {
                try { await work(); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad message or a failed publish must not stop the fleet: it is logged and the next event goes on.
                    logger.LogError(e, "Fleet controller step failed");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await dispatchTimer.DisposeAsync();
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }
}
