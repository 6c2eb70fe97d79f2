using FriendshipGate.Clearance;
using FriendshipGate.Fleet;
using MQTTnet;

namespace FriendshipGate.Web.Tests.Fleet;

/// <summary>
/// Many vehicles over one MQTT connection: each comes ONLINE and then publishes a real VDA 5050 state (its own version's
/// fields, its own topic) twice a second, as a vehicle on the road would. Most drive along the road and yards, changing
/// position and heading; some wait, some charge, and one in five carries a container. They report no node of the map
/// (lastNodeId ""), so the fleet controller never plans for them: what is under test is the screen, not the dispatcher.
/// </summary>
internal sealed class MovingVehicles : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);
    private const double MetresPerTick = 4;
    private readonly IMqttClient client;
    private readonly IReadOnlyList<FleetVehicle> vehicles;
    private readonly CancellationTokenSource stop = new();
    private readonly Vda5050Topics topics = new();
    private Task? loop;
    private long tick;

    private MovingVehicles(IMqttClient client, IReadOnlyList<FleetVehicle> vehicles)
    {
        this.client = client;
        this.vehicles = vehicles;
    }

    public static async Task<MovingVehicles> StartAsync(BrokerAddress broker, IReadOnlyList<FleetVehicle> vehicles)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port)
            .WithClientId("cc-moving-" + Guid.NewGuid().ToString("N")[..8]).WithCleanSession().Build());
        var moving = new MovingVehicles(client, vehicles);
        foreach (var vehicle in vehicles)
            await moving.PublishAsync(vehicle, Vda5050Topics.Connection, Vda5050Json.Serialize(new ConnectionMessage
            {
                HeaderId = 0, Timestamp = DateTimeOffset.UtcNow, Version = vehicle.Version.Text,
                Manufacturer = vehicle.Id.Manufacturer, SerialNumber = vehicle.Id.SerialNumber, ConnectionState = ConnectionState.Online,
            }));
        moving.loop = moving.RunAsync();
        return moving;
    }

    /// <summary>Which vehicles stand still: every seventh waits, every eleventh charges.</summary>
    public static bool Moves(int index) => index % 7 != 3 && index % 11 != 5;

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            do
            {
                tick++;
                for (var i = 0; i < vehicles.Count; i++)
                    await PublishAsync(vehicles[i], Vda5050Topics.State, Vda5050Json.Serialize(State(i, vehicles[i])));
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) { }
    }

    private StateMessage State(int index, FleetVehicle vehicle)
    {
        // Spread over the whole map (-450 m to 4,050 m); moving ones go towards China along y = 0, then start again in VN.
        var travelled = Moves(index) ? tick * MetresPerTick : 0;
        var x = -440 + (index * 22.3 + travelled) % 4480;
        var y = x is < 0 or > 3600 ? (index % 3 - 1) * 20.0 : 0.0;
        var waiting = index % 7 == 3;
        var charging = index % 11 == 5;
        return new StateMessage
        {
            HeaderId = tick, Timestamp = DateTimeOffset.UtcNow, Version = vehicle.Version.Text,
            Manufacturer = vehicle.Id.Manufacturer, SerialNumber = vehicle.Id.SerialNumber,
            Maps = [new MapState("huu-nghi", "1", MapStatus.Enabled)],
            OrderId = "", OrderUpdateId = 0, LastNodeId = "", LastNodeSequenceId = 0,
            Driving = !waiting && !charging, OperatingMode = OperatingMode.Automatic, NodeStates = [], EdgeStates = [],
            AgvPosition = new AgvPosition(Math.Round(x, 2), Math.Round(y, 2), Math.Round(0.1 * Math.Sin(tick / 4.0 + index), 3), "huu-nghi", PositionInitialized: true),
            Loads = index % 5 == 0 ? [new Load(Container(index), "ISO-6346")] : [],
            ActionStates = [], BatteryState = new BatteryState(charging ? 40 : 80, charging), Errors = [],
            SafetyState = new SafetyState(EStop.None, FieldViolation: false),
        }.ForVersion(vehicle.Version);
    }

    /// <summary>A real ISO 6346 number (owner FGTU, with its check digit) for each loaded vehicle.</summary>
    private static string Container(int index)
    {
        var first10 = $"FGTU{index:D6}";
        return first10 + ContainerNumber.CheckDigit(first10);
    }

    private Task PublishAsync(FleetVehicle vehicle, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topics.For(vehicle.Id, topic)).WithPayload(payload)
            .WithQualityOfServiceLevel(Vda5050Topics.QosFor(topic)).Build(), stop.Token);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null) await loop;
        if (client.IsConnected) await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        client.Dispose();
        stop.Dispose();
    }
}
