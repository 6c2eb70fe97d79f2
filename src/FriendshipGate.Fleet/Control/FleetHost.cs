using FriendshipGate.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Fleet;

/// <summary>
/// The fleet on a node: connects to the configured MQTT broker (or starts an embedded one on loopback and says where),
/// runs the <see cref="FleetController"/> for the configured vehicles, takes up again every transport order a previous
/// run left open, and runs the node's own simulated vehicles if asked (the demo).
/// </summary>
public sealed class FleetHost(FleetOptions options, FleetOrderStore store, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    public const string SimulatedManufacturer = "FriendshipGate-sim";

    private readonly ILogger logger = loggers.CreateLogger<FleetHost>();
    private readonly List<SimulatedVehicle> simulated = [];
    private EmbeddedBroker? embedded;
    private FleetLink? link;

    /// <summary>Null until the host has started (and always when the fleet is not enabled).</summary>
    public FleetController? Controller { get; private set; }

    public BrokerAddress? Broker { get; private set; }

    /// <summary>
    /// Every vehicle of the fleet where its latest state puts it, read from the fleet link's memory (no trip through the
    /// controller's loop, no database): cheap enough for a screen to read once a second. Empty when the fleet is not running.
    /// </summary>
    public IReadOnlyList<VehicleOnMap> VehiclesOnMap() =>
        link is { } running && Controller is { } controller ? VehicleOnMap.From(running.Vehicles, controller.Graph) : [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled) return;
        var graph = options.RoadFile is { } file ? RoadGraphLoader.LoadFile(file) : RoadGraphLoader.LoadDefault();
        if (options.Broker is { } configured) Broker = BrokerAddress.Parse(configured);
        else
        {
            embedded = await EmbeddedBroker.StartAsync(options.EmbeddedBrokerPort == 0 ? null : options.EmbeddedBrokerPort);
            Broker = embedded.Address;
            logger.LogWarning("Fleet: no broker configured; embedded MQTT broker on {Broker} (watch: mosquitto_sub -h {Host} -p {Port} -t 'uagv/#' -v)",
                Broker, Broker.Value.Host, Broker.Value.Port);
        }
        var parking = graph.NodesOfKind(RoadNodeKind.Parking).ToList();
        var own = Enumerable.Range(1, options.SimulatedVehicles)
            .Select(i => new FleetVehicle(new VehicleId(SimulatedManufacturer, $"IGV-{i:D2}"), i % 2 == 0 ? Vda5050Version.V2_0 : Vda5050Version.V2_1)).ToList();
        var vehicles = options.Vehicles.Concat(own).ToList();
        link = await FleetLink.ConnectAsync(new FleetLinkOptions(Broker.Value) { SilenceTimeout = options.SilenceTimeout }, vehicles, time, cancellationToken);
        Controller = new FleetController(graph, link, vehicles, time, logger: loggers.CreateLogger<FleetController>()) { OrderChanged = store.SaveAsync };
        foreach (var open in await store.OpenAsync(cancellationToken))
        {
            // An order taken up again goes back to the queue; one whose container was already on a vehicle needs the operator.
            if (open.State == "picked-up") { logger.LogWarning("Fleet: order {Order} (container {Container}) was on vehicle {Vehicle} when the node stopped; check it by hand", open.Id, open.Container, open.Vehicle); continue; }
            await Controller.SubmitAsync(new TransportOrder(open.Id, open.Container, open.FromBay, open.ToBay, open.CreatedAt));
        }
        // Simulated vehicles start on parking spots spread over both yards.
        for (var i = 0; i < own.Count; i++)
        {
            var spot = parking[i * parking.Count / Math.Max(1, own.Count)];
            simulated.Add(await SimulatedVehicle.StartAsync(new SimulatedVehicleOptions(Broker.Value, own[i].Id, own[i].Version)
            {
                StartNodeId = spot.Id, StartX = spot.X, StartY = spot.Y, MapId = graph.MapId,
            }, time, cancellationToken));
        }
        logger.LogInformation("Fleet: {Vehicles} vehicles configured ({Simulated} simulated here) on {Broker}", vehicles.Count, own.Count, Broker);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var vehicle in simulated) await vehicle.DisposeAsync();
        simulated.Clear();
        if (Controller is not null) await Controller.DisposeAsync();
        Controller = null;
        if (link is not null) await link.DisposeAsync();
        link = null;
        if (embedded is not null) await embedded.DisposeAsync();
        embedded = null;
    }
}
