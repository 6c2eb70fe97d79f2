using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace FriendshipGate.Fleet;

/// <summary>
/// A vehicle that speaks VDA 5050 over its own MQTT client: ONLINE on connection (retained, last will
/// CONNECTIONBROKEN), its factsheet on connect and on request, orders driven node by node, state on every change and at
/// least every <see cref="SimulatedVehicleOptions.StateInterval"/>. All decisions run on one loop, in the time of the
/// given <see cref="TimeProvider"/>.
/// </summary>
public sealed class SimulatedVehicle : IAsyncDisposable
{
    private readonly SimulatedVehicleOptions options;
    private readonly TimeProvider time;
    private readonly IMqttClient client;
    private readonly KillableConnection connection = new();
    private readonly HeaderCounter headers = new();
    private readonly Channel<Action<VehicleBrain>> inbox = Channel.CreateUnbounded<Action<VehicleBrain>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly VehicleBrain brain;
    private Task loop = Task.CompletedTask;
    private volatile bool silent;
    private volatile bool killed;
    private DateTimeOffset lastPublished = DateTimeOffset.MinValue;

    private SimulatedVehicle(SimulatedVehicleOptions options, TimeProvider time)
    {
        this.options = options.Validated();
        this.time = time;
        brain = new VehicleBrain(options, time.GetUtcNow());
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            Receive(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
    }

    public VehicleId Id => options.Id;
    public Vda5050Version Version => options.Version;

    /// <summary>The last state the vehicle published.</summary>
    public StateMessage? LastState { get; private set; }

    /// <summary>Connects, announces itself ONLINE with its factsheet and state, and starts driving orders.</summary>
    public static async Task<SimulatedVehicle> StartAsync(SimulatedVehicleOptions options, TimeProvider time, CancellationToken ct = default)
    {
        var vehicle = new SimulatedVehicle(options, time);
        try
        {
            await vehicle.ConnectAsync(ct);
        }
        catch
        {
            vehicle.client.Dispose();
            throw;
        }
        vehicle.loop = Task.Run(() => vehicle.RunAsync(vehicle.stopping.Token), CancellationToken.None);
        return vehicle;
    }

    /// <summary>Stops publishing state while staying connected (a vehicle whose software hangs).</summary>
    public void GoSilent() => silent = true;

    /// <summary>Publishes state again, at once.</summary>
    public void Resume()
    {
        silent = false;
        inbox.Writer.TryWrite(b => b.StateRequested = true);
    }

    /// <summary>A FATAL error: the vehicle stops driving until <see cref="ClearFault"/>.</summary>
    public void InjectFault(string description = "simulated fault") => inbox.Writer.TryWrite(b => b.InjectFault(description));

    public void ClearFault() => inbox.Writer.TryWrite(b => b.ClearFault());

    /// <summary>Drops the TCP connection without an MQTT DISCONNECT, as a crash would: the broker sends the last will.</summary>
    public async Task KillAsync()
    {
        killed = true;
        connection.Kill();
        await StopLoopAsync();
        client.Dispose();
    }

    /// <summary>Announces OFFLINE (retained) and disconnects cleanly.</summary>
    public async ValueTask DisposeAsync()
    {
        if (killed) return;
        killed = true;
        await StopLoopAsync();
        if (client.IsConnected)
        {
            await PublishAsync(Vda5050Topics.Connection, Connection(ConnectionState.Offline), CancellationToken.None);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }
        client.Dispose();
    }

    private async Task StopLoopAsync()
    {
        if (!stopping.IsCancellationRequested) await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var connectionTopic = options.Topics.For(options.Id, Vda5050Topics.Connection);
        var connect = new MqttClientOptionsBuilder()
            // MQTTnet 5: setting RemoteEndpoint inside WithTcpServer(Action) leaves the builder without an endpoint.
            .WithTcpServer(options.Broker.Host, options.Broker.Port)
            .WithStreamProvider(connection)
            .WithClientId($"{options.Id.Manufacturer}-{options.Id.SerialNumber}-{Guid.NewGuid().ToString("N")[..6]}")
            .WithCleanSession()
            // A short keep-alive lets the broker notice a vanished vehicle soon (it sends the will after 1.5 periods).
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .WithWillTopic(connectionTopic)
            .WithWillPayload(Connection(ConnectionState.ConnectionBroken))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true)
            .Build();
        await client.ConnectAsync(connect, ct);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(options.Topics.For(options.Id, Vda5050Topics.Order), Vda5050Topics.QosFor(Vda5050Topics.Order))
            .WithTopicFilter(options.Topics.For(options.Id, Vda5050Topics.InstantActions), Vda5050Topics.QosFor(Vda5050Topics.InstantActions))
            .Build();
        await client.SubscribeAsync(subscribe, ct);
        await PublishAsync(Vda5050Topics.Connection, Connection(ConnectionState.Online), ct);
        await PublishFactsheetAsync(ct);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        // One wait for new work at a time: a fresh WaitToReadAsync each tick would pile up waiters (and token registrations) without end.
        Task<bool>? workArrives = null;
        while (!ct.IsCancellationRequested)
        {
            var tick = Task.Delay(options.TickInterval, time, ct);
            while (inbox.Reader.TryRead(out var work)) work(brain);
            var now = time.GetUtcNow();
            brain.Advance(now);
            try
            {
                if (brain.FactsheetRequested)
                {
                    brain.FactsheetRequested = false;
                    await PublishFactsheetAsync(ct);
                }
                var changed = brain.TakeChanged();
                if (changed || now - lastPublished >= options.StateInterval)
                {
                    var state = brain.Snapshot(0, now);
                    if (!silent)
                    {
                        LastState = state with { HeaderId = headers.Next(Vda5050Topics.State) };
                        await PublishAsync(Vda5050Topics.State, Vda5050Json.Serialize(LastState), ct);
                    }
                    lastPublished = now;
                }
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                // The broker is away; the vehicle keeps driving its released base (6.2) and reports again when it can.
            }
            workArrives ??= inbox.Reader.WaitToReadAsync(ct).AsTask();
            if (await Task.WhenAny(tick, workArrives) == workArrives) workArrives = null;
        }
        ct.ThrowIfCancellationRequested();
    }

    private void Receive(string mqttTopic, byte[] payload)
    {
        if (!options.Topics.TryParse(mqttTopic, out var id, out var topic) || id != options.Id) return;
        try
        {
            switch (topic)
            {
                case Vda5050Topics.Order:
                    var order = Vda5050Json.Deserialize<OrderMessage>(payload);
                    inbox.Writer.TryWrite(b => b.Receive(order, order.HeaderId));
                    break;
                case Vda5050Topics.InstantActions:
                    var actions = Vda5050Json.Deserialize<InstantActionsMessage>(payload);
                    inbox.Writer.TryWrite(b => b.Receive(actions));
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            inbox.Writer.TryWrite(b => b.RejectMalformed(topic, e.Message));
        }
    }

    private Task PublishFactsheetAsync(CancellationToken ct) =>
        PublishAsync(Vda5050Topics.Factsheet, Vda5050Json.Serialize(SimulatedFactsheet.For(options, headers.Next(Vda5050Topics.Factsheet), time.GetUtcNow())), ct);

    private byte[] Connection(ConnectionState state) => Vda5050Json.Serialize(new ConnectionMessage
    {
        HeaderId = headers.Next(Vda5050Topics.Connection),
        Timestamp = time.GetUtcNow(),
        Version = options.Version.Text,
        Manufacturer = options.Id.Manufacturer,
        SerialNumber = options.Id.SerialNumber,
        ConnectionState = state,
    });

    private async Task PublishAsync(string topic, byte[] payload, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(options.Topics.For(options.Id, topic))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(Vda5050Topics.QosFor(topic))
            .WithRetainFlag(topic == Vda5050Topics.Connection)
            .Build();
        await client.PublishAsync(message, ct);
    }
}
