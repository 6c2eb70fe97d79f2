using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using FriendshipGate.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// Listens to one manufacturer's VDA 5050 messages on the broker and checks each against the official schema of its version
/// and topic, on a background task as the messages come. States are many (one per node reached): those of a few sample
/// vehicles are taken, and one in <see cref="StateSample"/> of them is checked; every other message is.
/// </summary>
internal sealed class BrokerWatcher : IAsyncDisposable
{
    public const int StateSample = 20;

    private readonly IMqttClient client;
    private readonly Channel<(string Topic, string Json)> pending = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<string> violations = new();
    private readonly Task checking;
    private long states;
    private long orders;
    private volatile string? lost;
    private readonly string sentinelTopic = $"fgate-tests/watcher/{Guid.NewGuid():N}";
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BrokerWatcher(IMqttClient client)
    {
        this.client = client;
        checking = Task.Run(async () =>
        {
            await foreach (var (topic, json) in pending.Reader.ReadAllAsync())
                foreach (var violation in Violations(topic, json)) violations.Enqueue(violation);
        });
    }

    public long Orders => Interlocked.Read(ref orders);

    /// <summary>Why the watcher lost its connection to the broker, if it did (it then misses what follows).</summary>
    public string? Lost => lost;

    /// <summary>
    /// Watches one manufacturer's vehicles: every order, instant action, connection and factsheet, and the states of the
    /// <paramref name="stateSamples"/> (one in <see cref="StateSample"/> of theirs). States are most of the traffic; a
    /// watcher taking every state of every vehicle on a shared broker falls behind it.
    /// </summary>
    public static async Task<BrokerWatcher> StartAsync(BrokerAddress broker, string manufacturer, IReadOnlyList<string> stateSamples)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var watcher = new BrokerWatcher(client);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var topic = e.ApplicationMessage.Topic;
            if (topic == watcher.sentinelTopic)
            {
                watcher.caughtUp.TrySetResult();
                return Task.CompletedTask;
            }
            if (topic.EndsWith("/" + Vda5050Topics.State, StringComparison.Ordinal) && Interlocked.Increment(ref watcher.states) % StateSample != 0) return Task.CompletedTask;
            if (topic.EndsWith("/" + Vda5050Topics.Order, StringComparison.Ordinal)) Interlocked.Increment(ref watcher.orders);
            watcher.pending.Writer.TryWrite((topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected) watcher.lost ??= $"{DateTime.UtcNow:HH:mm:ss.fff} {e.Reason} {e.ReasonString} {e.Exception}";
            return Task.CompletedTask;
        };
        // A long keep-alive: a watcher that lags behind a burst would otherwise time out its own ping (the answer queues
        // behind the burst) and close the connection, missing everything after. On loopback there is no dead link to detect.
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromMinutes(30)).Build());
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"uagv/+/{manufacturer}/+/{Vda5050Topics.Order}", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"uagv/+/{manufacturer}/+/{Vda5050Topics.InstantActions}", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"uagv/+/{manufacturer}/+/{Vda5050Topics.Connection}", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"uagv/+/{manufacturer}/+/{Vda5050Topics.Factsheet}", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(watcher.sentinelTopic, MqttQualityOfServiceLevel.AtLeastOnce);
        foreach (var serial in stateSamples) subscribe.WithTopicFilter($"uagv/+/{manufacturer}/{serial}/{Vda5050Topics.State}", MqttQualityOfServiceLevel.AtLeastOnce);
        await client.SubscribeAsync(subscribe.Build());
        return watcher;
    }

    /// <summary>
    /// Waits until the watcher has read everything published before this call: it publishes a message to itself, which the
    /// broker delivers after all that came before. A busy test process may leave the watcher far behind the broker.
    /// </summary>
    public async Task CatchUpAsync(TimeSpan patience)
    {
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(sentinelTopic).WithPayload("caught up")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        if (await Task.WhenAny(caughtUp.Task, Task.Delay(patience)) != caughtUp.Task)
            Assert.Fail($"the watcher did not catch up with the broker within {patience.TotalSeconds} s; connection: {Lost ?? "never lost"}");
    }

    /// <summary>Every violation found so far, after the messages received until now have all been checked.</summary>
    public IReadOnlyList<string> Violations()
    {
        pending.Writer.TryComplete();
        checking.GetAwaiter().GetResult();
        return [.. violations];
    }

    public static IEnumerable<string> Violations(string mqttTopic, string json)
    {
        var topic = mqttTopic[(mqttTopic.LastIndexOf('/') + 1)..];
        if (topic is not (Vda5050Topics.Order or Vda5050Topics.InstantActions or Vda5050Topics.State or Vda5050Topics.Connection or Vda5050Topics.Factsheet or Vda5050Topics.Visualization))
            return [$"{mqttTopic}: not a VDA 5050 topic"];
        return SchemaValidator.Validate(topic, json).Select(v => $"{mqttTopic}: {v}");
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        if (client.IsConnected) await client.DisconnectAsync();
        client.Dispose();
        await checking;
    }
}
