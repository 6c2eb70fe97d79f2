using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>The demo's in-process broker carries a fleet like Mosquitto does.</summary>
public sealed class EmbeddedBrokerTests
{
    [Fact]
    public async Task FleetAndVehicle_WorkOverTheEmbeddedBroker_OnTheLoopbackPortItReports()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        Assert.Equal("127.0.0.1", broker.Address.Host);

        await using var fleet = await FleetHarness.StartAsync("Embedded", [("IGV-1", Vda5050Version.V2_1)], broker: broker.Address);
        var id = fleet.Id("IGV-1");
        await fleet.StartVehicleAsync("IGV-1", Vda5050Version.V2_1);
        await fleet.WaitForAsync(id, s => s.Connection == ConnectionState.Online && s.Factsheet is not null, "online with factsheet");
        await fleet.Link.SendOrderAsync(id, "embedded-1", [Samples.A, Samples.B]);

        var done = await fleet.WaitForAsync(id, s => s.State is { LastNodeId: "B" } st && st.Loads?.Count == 1, "the pick at B");
        Assert.Equal(Samples.Container, done.State!.Loads![0].LoadId);
    }
}
