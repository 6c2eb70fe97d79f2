using FriendshipGate.Fleet;

namespace FriendshipGate.Fleet.Tests;

/// <summary>Silence detection in virtual time.</summary>
public sealed class VehicleRegistryTests
{
    private static readonly VehicleId Known = new("M", "1");
    private readonly ManualTime time = new();
    private readonly VehicleRegistry registry = new([new FleetVehicle(Known, Vda5050Version.V2_0)], TimeSpan.FromSeconds(3));
    private readonly List<FleetEvent> raised = [];

    [Fact]
    public void StateOlderThanTheTimeout_IsSilent_AndANewStateFindsIt()
    {
        registry.OnConnection(Known, ConnectionState.Online, time.GetUtcNow(), raised);
        registry.OnState(Known, State(), time.GetUtcNow(), raised);
        time.Advance(TimeSpan.FromSeconds(3));
        registry.CheckSilence(time.GetUtcNow(), raised);
        Assert.DoesNotContain(raised, e => e is VehicleSilent);

        time.Advance(TimeSpan.FromSeconds(1));
        registry.CheckSilence(time.GetUtcNow(), raised);
        registry.CheckSilence(time.GetUtcNow(), raised);
        Assert.Single(raised.OfType<VehicleSilent>());
        Assert.True(registry.Status(Known).IsSilent);

        registry.OnState(Known, State(), time.GetUtcNow(), raised);
        Assert.IsType<VehicleFound>(raised[^1]);
        Assert.False(registry.Status(Known).IsSilent);
    }

    [Theory]
    [InlineData(ConnectionState.ConnectionBroken)]
    [InlineData(ConnectionState.Offline)]
    public void BrokenOrOfflineConnection_IsSilentAtOnce(ConnectionState connection)
    {
        registry.OnState(Known, State(), time.GetUtcNow(), raised);
        registry.OnConnection(Known, connection, time.GetUtcNow(), raised);

        Assert.Contains(raised, e => e is VehicleSilent s && s.Reason.Contains(connection.ToString().ToUpperInvariant()));
    }

    [Fact]
    public void UnknownVehicle_IsRecordedOnce_AndNeverCommanded()
    {
        var stranger = new VehicleId("Other", "9");
        Assert.True(registry.RecordUnknown(stranger));
        Assert.False(registry.RecordUnknown(stranger));
        Assert.Equal([stranger], registry.Unknown);
        Assert.Throws<InvalidOperationException>(() => registry.Orders(stranger));
    }

    private StateMessage State() => new VehicleBrain(Samples.Options(Vda5050Version.V2_0), time.GetUtcNow()).Snapshot(0, time.GetUtcNow());
}
