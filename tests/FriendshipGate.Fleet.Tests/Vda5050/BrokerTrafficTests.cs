using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using FriendshipGate.Fleet;
using MQTTnet;
using MQTTnet.Protocol;

namespace FriendshipGate.Fleet.Tests;

/// <summary>Every message on the broker during a run of a 2.0 and a 2.1 vehicle is valid against its version's official schema.</summary>
public sealed class BrokerTrafficTests
{
    private static readonly string[] Topics = [Vda5050Topics.Order, Vda5050Topics.InstantActions, Vda5050Topics.State, Vda5050Topics.Connection, Vda5050Topics.Factsheet];

    [Fact]
    public async Task EveryMessageOnTheBroker_IsValidAgainstTheSchemaOfItsVersionAndTopic()
    {
        var broker = Broker.Required();
        var seen = new ConcurrentQueue<(string Topic, string Json)>();
        using var watcher = new MqttClientFactory().CreateMqttClient();
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            seen.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray())));
            return Task.CompletedTask;
        };
        await watcher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithCleanSession().Build());
        await watcher.SubscribeAsync("uagv/#", MqttQualityOfServiceLevel.AtLeastOnce);

        await using (var fleet = await FleetHarness.StartAsync("Traffic", [("V20", Vda5050Version.V2_0), ("V21", Vda5050Version.V2_1)]))
        {
            var old = await fleet.StartVehicleAsync("V20", Vda5050Version.V2_0);
            await fleet.StartVehicleAsync("V21", Vda5050Version.V2_1);
            foreach (var serial in new[] { "V20", "V21" }) await RunScenarioAsync(fleet, fleet.Id(serial));
            await old.KillAsync(); // the broker publishes its last will, CONNECTIONBROKEN
            await fleet.WaitForAsync(fleet.Id("V20"), s => s.Connection == ConnectionState.ConnectionBroken, "the last will");
        } // the 2.1 vehicle goes OFFLINE
        await WaitUntil(() => seen.Any(m => m.Topic.EndsWith("/V21/connection") && m.Json.Contains("\"OFFLINE\"")), "the OFFLINE message");
        await watcher.DisconnectAsync();

        var violations = seen.SelectMany(m => BrokerWatcher.Violations(m.Topic, m.Json)).ToList();
        Assert.Empty(violations);
        Assert.True(seen.Count > 50, $"only {seen.Count} messages seen");
        foreach (var version in new[] { "2.0.0", "2.1.0" })
            foreach (var topic in Topics)
                Assert.Contains(seen, m => m.Topic.EndsWith("/" + topic) && m.Json.Contains($"\"version\":\"{version}\""));
    }

    /// <summary>Order with pick and drop, an update, pause and resume, a state request, a stale update and a cancel with no order.</summary>
    private static async Task RunScenarioAsync(FleetHarness fleet, VehicleId id)
    {
        await fleet.WaitForAsync(id, s => s.Factsheet is not null && s.State is not null, "online with factsheet");
        var order = await fleet.Link.SendOrderAsync(id, "traffic-1", [Samples.A, Samples.B], horizon: [Samples.C]);
        await fleet.Link.PauseAsync(id);
        await fleet.Link.ResumeAsync(id);
        await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "B", Driving: false }, "the decision point B");
        await fleet.Link.ExtendOrderAsync(id, [Samples.C]);
        await fleet.Link.PublishOrderAsync(id, order);
        await fleet.Link.RequestStateAsync(id);
        await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "C", NodeStates.Count: 0 } st && st.Errors.Any(e => e.ErrorType == "orderUpdateError"), "C with the stale update refused");
        await fleet.WaitForAsync(id, s => s.State!.ActionStates.All(a => a.ActionStatus == ActionStatus.Finished), "every action finished");
        await fleet.Link.CancelOrderAsync(id);
        await fleet.WaitForAsync(id, s => s.State!.Errors.Any(e => e.ErrorType == "noOrderToCancel"), "noOrderToCancel");
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + FleetHarness.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what} did not arrive within {FleetHarness.Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }
}
