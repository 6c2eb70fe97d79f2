using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Exceptions;

namespace FriendshipGate.Fleet;

/// <summary>
/// The fleet's side of VDA 5050: one MQTT client that reads state, connection and factsheet of every vehicle
/// (uagv/v2/+/+/...), keeps the registry of the vehicles the fleet was given, detects silence, and sends orders and
/// instant actions to known vehicles in each vehicle's version. Vehicles not in the list are recorded and ignored.
/// </summary>
public sealed class FleetLink : IAsyncDisposable
{
    private readonly FleetLinkOptions options;
    private readonly TimeProvider time;
    private readonly IMqttClient client;
    private readonly VehicleRegistry registry;
    private readonly HeaderCounter headers = new();
    private readonly List<Channel<FleetEvent>> readers = [];
    private readonly CancellationTokenSource closing = new();
    private ITimer? silenceTimer;
    private int brokerDisconnects;

    private FleetLink(FleetLinkOptions options, IEnumerable<FleetVehicle> vehicles, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        registry = new VehicleRegistry(vehicles, options.SilenceTimeout);
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += disconnected =>
        {
            if (disconnected.ClientWasConnected)
            {
                LastBrokerDisconnect = $"{time.GetUtcNow():O}: {disconnected.Reason} {disconnected.Exception?.Message}".TrimEnd();
                Interlocked.Increment(ref brokerDisconnects);
            }
            if (!closing.IsCancellationRequested) _ = ReconnectAsync();
            return Task.CompletedTask;
        };
    }

    /// <summary>How often the link lost the broker since it started (it reconnects by itself), and when and why it last did.</summary>
    public int BrokerDisconnects => Volatile.Read(ref brokerDisconnects);

    public string? LastBrokerDisconnect { get; private set; }

    /// <summary>Raised for every <see cref="FleetEvent"/>, on the MQTT client's or the silence timer's thread.</summary>
    public event Action<FleetEvent>? EventRaised;

    public Vda5050Topics Topics => options.Topics;

    /// <summary>Connects to the broker and subscribes to every vehicle's state, connection and factsheet.</summary>
    public static async Task<FleetLink> ConnectAsync(FleetLinkOptions options, IEnumerable<FleetVehicle> vehicles, TimeProvider time, CancellationToken ct = default)
    {
        var link = new FleetLink(options, vehicles, time);
        try
        {
            await link.ConnectAndSubscribeAsync(ct);
        }
        catch
        {
            link.client.Dispose();
            throw;
        }
        var interval = TimeSpan.FromTicks(Math.Max(options.SilenceTimeout.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks));
        link.silenceTimer = time.CreateTimer(_ => link.CheckSilence(), null, interval, interval);
        return link;
    }

    public IReadOnlyList<VehicleStatus> Vehicles { get { lock (registry) return [.. registry.Known.Select(registry.Status)]; } }

    /// <summary>Vehicles seen on the broker that are not in the fleet's list.</summary>
    public IReadOnlyCollection<VehicleId> UnknownVehicles { get { lock (registry) return registry.Unknown; } }

    /// <exception cref="InvalidOperationException">The vehicle is not in the fleet.</exception>
    public VehicleStatus Status(VehicleId vehicle) { lock (registry) return registry.Status(vehicle); }

    /// <summary>Every event from now on, until <paramref name="ct"/> is cancelled or the link is closed.</summary>
    public async IAsyncEnumerable<FleetEvent> EventsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateUnbounded<FleetEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (readers) readers.Add(channel);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(ct)) yield return e;
        }
        finally
        {
            lock (readers) readers.Remove(channel);
        }
    }

    /// <summary>Reports vehicles whose state is overdue now; also runs on a timer every quarter of the timeout.</summary>
    public void CheckSilence()
    {
        var raised = new List<FleetEvent>();
        lock (registry) registry.CheckSilence(time.GetUtcNow(), raised);
        Raise(raised);
    }

    /// <summary>Sends a new order (orderUpdateId 0): released[0] is the node the vehicle stands on.</summary>
    public async Task<OrderMessage> SendOrderAsync(VehicleId vehicle, string orderId, IReadOnlyList<OrderStep> released, IReadOnlyList<OrderStep>? horizon = null, CancellationToken ct = default)
    {
        OrderMessage order;
        lock (registry)
        {
            var (nodes, edges) = registry.Orders(vehicle).Start(orderId, released, horizon ?? []);
            order = NewOrder(vehicle, orderId, 0, nodes, edges);
        }
        await PublishOrderAsync(vehicle, order, ct);
        return order;
    }

    /// <summary>Extends the vehicle's order: the next orderUpdateId, from the last released node on.</summary>
    /// <exception cref="InvalidOperationException">No order was sent to this vehicle.</exception>
    public async Task<OrderMessage> ExtendOrderAsync(VehicleId vehicle, IReadOnlyList<OrderStep> released, IReadOnlyList<OrderStep>? horizon = null, CancellationToken ct = default)
    {
        OrderMessage order;
        lock (registry)
        {
            var tracker = registry.Orders(vehicle);
            var (nodes, edges) = tracker.Extend(released, horizon ?? []);
            order = NewOrder(vehicle, tracker.OrderId!, tracker.OrderUpdateId, nodes, edges);
        }
        await PublishOrderAsync(vehicle, order, ct);
        return order;
    }

    /// <summary>Publishes an order as given (the header is refreshed); for orders built elsewhere and for tests.</summary>
    public Task PublishOrderAsync(VehicleId vehicle, OrderMessage order, CancellationToken ct = default)
    {
        var version = Known(vehicle).Version;
        return PublishAsync(vehicle, Vda5050Topics.Order, Vda5050Json.Serialize(order.ForVersion(version) with
        {
            HeaderId = headers.Next(options.Topics.For(vehicle, Vda5050Topics.Order)),
            Timestamp = time.GetUtcNow(),
        }), ct);
    }

    public async Task<InstantActionsMessage> SendInstantActionsAsync(VehicleId vehicle, IReadOnlyList<VdaAction> actions, CancellationToken ct = default)
    {
        var version = Known(vehicle).Version;
        var message = new InstantActionsMessage
        {
            HeaderId = headers.Next(options.Topics.For(vehicle, Vda5050Topics.InstantActions)),
            Timestamp = time.GetUtcNow(),
            Version = version.Text,
            Manufacturer = vehicle.Manufacturer,
            SerialNumber = vehicle.SerialNumber,
            Actions = actions,
        }.ForVersion(version);
        await PublishAsync(vehicle, Vda5050Topics.InstantActions, Vda5050Json.Serialize(message), ct);
        return message;
    }

    public Task<InstantActionsMessage> CancelOrderAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.CancelOrder, BlockingType.Hard, ct);
    public Task<InstantActionsMessage> PauseAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.StartPause, BlockingType.Hard, ct);
    public Task<InstantActionsMessage> ResumeAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.StopPause, BlockingType.Hard, ct);
    public Task<InstantActionsMessage> StartChargingAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.StartCharging, BlockingType.Hard, ct);
    public Task<InstantActionsMessage> StopChargingAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.StopCharging, BlockingType.Hard, ct);
    public Task<InstantActionsMessage> RequestFactsheetAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.FactsheetRequest, BlockingType.None, ct);
    public Task<InstantActionsMessage> RequestStateAsync(VehicleId vehicle, CancellationToken ct = default) => Instant(vehicle, ActionTypes.StateRequest, BlockingType.None, ct);

    public async ValueTask DisposeAsync()
    {
        if (closing.IsCancellationRequested) return;
        await closing.CancelAsync();
        silenceTimer?.Dispose();
        if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        client.Dispose();
        lock (readers) foreach (var r in readers) r.Writer.TryComplete();
        closing.Dispose();
    }

    private Task<InstantActionsMessage> Instant(VehicleId vehicle, string actionType, BlockingType blocking, CancellationToken ct) =>
        SendInstantActionsAsync(vehicle, [VdaAction.Instant(actionType, blocking)], ct);

    private OrderMessage NewOrder(VehicleId vehicle, string orderId, long updateId, IReadOnlyList<OrderNode> nodes, IReadOnlyList<OrderEdge> edges) => new()
    {
        HeaderId = 0, // set when published
        Timestamp = time.GetUtcNow(),
        Version = registry.Find(vehicle)!.Version.Text,
        Manufacturer = vehicle.Manufacturer,
        SerialNumber = vehicle.SerialNumber,
        OrderId = orderId,
        OrderUpdateId = updateId,
        Nodes = nodes,
        Edges = edges,
    };

    private FleetVehicle Known(VehicleId vehicle)
    {
        lock (registry)
            return registry.Find(vehicle) ?? throw new InvalidOperationException($"vehicle {vehicle} is not in the fleet; an unknown vehicle is never commanded.");
    }

    private async Task PublishAsync(VehicleId vehicle, string topic, byte[] payload, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(options.Topics.For(vehicle, topic))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(Vda5050Topics.QosFor(topic))
            .Build();
        await client.PublishAsync(message, ct);
    }

    private void Receive(string mqttTopic, byte[] payload)
    {
        if (!options.Topics.TryParse(mqttTopic, out var vehicle, out var topic)) return;
        var raised = new List<FleetEvent>();
        var requestFactsheet = false;
        lock (registry)
        {
            var known = registry.Find(vehicle);
            if (known is null)
            {
                if (registry.RecordUnknown(vehicle)) raised.Add(new UnknownVehicleSeen(vehicle, topic));
            }
            else
            {
                try
                {
                    requestFactsheet = Apply(known, topic, payload, raised);
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidDataException)
                {
                    raised.Add(new VehicleMessageRefused(vehicle, topic, e.Message));
                }
            }
        }
        Raise(raised);
        // Not awaited here: the client's receive loop must not wait on its own publish.
        if (requestFactsheet) _ = Task.Run(() => RequestFactsheetAsync(vehicle, closing.Token));
    }

    /// <summary>Applies one message; true when the vehicle just came online, so the fleet asks for its factsheet.</summary>
    private bool Apply(FleetVehicle vehicle, string topic, byte[] payload, List<FleetEvent> raised)
    {
        var now = time.GetUtcNow();
        switch (topic)
        {
            case Vda5050Topics.State:
                registry.OnState(vehicle.Id, Checked(vehicle, Vda5050Json.Deserialize<StateMessage>(payload)), now, raised);
                return false;
            case Vda5050Topics.Connection:
                var connection = Checked(vehicle, Vda5050Json.Deserialize<ConnectionMessage>(payload));
                registry.OnConnection(vehicle.Id, connection.ConnectionState, now, raised);
                return connection.ConnectionState == ConnectionState.Online;
            case Vda5050Topics.Factsheet:
                registry.OnFactsheet(vehicle.Id, Checked(vehicle, Vda5050Json.Deserialize<FactsheetMessage>(payload)), raised);
                return false;
            default:
                return false;
        }
    }

    private static T Checked<T>(FleetVehicle vehicle, T message) where T : Vda5050Message =>
        message.Version == vehicle.Version.Text ? message
            : throw new InvalidDataException($"{vehicle.Id} is configured for VDA 5050 {vehicle.Version} but sent version {message.Version}.");

    private void Raise(List<FleetEvent> raised)
    {
        foreach (var e in raised)
        {
            EventRaised?.Invoke(e);
            lock (readers) foreach (var r in readers) r.Writer.TryWrite(e);
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken ct)
    {
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Broker.Host, options.Broker.Port)
            .WithClientId(options.ClientId)
            .WithCleanSession()
            .Build();
        await client.ConnectAsync(connect, ct);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in new[] { Vda5050Topics.State, Vda5050Topics.Connection, Vda5050Topics.Factsheet })
            subscribe.WithTopicFilter(options.Topics.AllVehicles(topic), Vda5050Topics.QosFor(topic));
        await client.SubscribeAsync(subscribe.Build(), ct);
    }

    /// <summary>After a lost connection, tries again every second until it works or the link is closed.</summary>
    private async Task ReconnectAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, closing.Token);
                if (!client.IsConnected) await ConnectAndSubscribeAsync(closing.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is MqttCommunicationException or InvalidOperationException)
            {
                // The broker is still away; try again.
            }
        }
    }
}
