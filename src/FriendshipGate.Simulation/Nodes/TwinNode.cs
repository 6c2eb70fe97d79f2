using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Gate;
using FriendshipGate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>
/// One side's node inside the twin: its Exchange, Clearance and Gate wired as the node host wires them, on its own SQLite
/// file, in the twin's virtual time. Nothing runs in the background: the twin calls the services as people and devices
/// would, and sends the outbox (<see cref="SendAllAsync"/>) when it chooses, so every step lands at a virtual instant.
/// </summary>
internal sealed class TwinNode : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly OutboxDispatcher dispatcher;

    private TwinNode(string side, NodeId self, NodeId peer, string directory, TimeProvider time, ulong riskSeed, GateOptions gate, InProcessLink link)
    {
        (Side, Id, Time) = (side, self, time);
        Database = NodeDatabase.Sqlite(Path.Combine(directory, side.ToLowerInvariant() + ".db"));
        var collection = new ServiceCollection();
        collection.AddSingleton(time);
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddMetrics();
        collection.AddExchange(new ExchangeOptions { Self = self, Peer = peer, PeerUrl = new Uri($"http://{peer.Value.ToLowerInvariant()}.twin/") },
            Database, KeysDirectory(directory, side));
        collection.AddClearance(new ClearanceOptions { Side = side, RiskSeed = riskSeed });
        collection.AddGate(gate with { Side = side });
        services = collection.BuildServiceProvider();
        // The dispatcher sends through the link instead of a socket; the node's hosted loop is never started.
        dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services, new HttpClient(link, disposeHandler: false));
    }

    public string Side { get; }
    public NodeId Id { get; }
    public TimeProvider Time { get; }
    public NodeDatabase Database { get; }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public static string KeysDirectory(string directory, string side) => Path.Combine(directory, side.ToLowerInvariant() + "-keys");

    public static async Task<TwinNode> StartAsync(string side, NodeId self, NodeId peer, string directory, TimeProvider time, ulong riskSeed,
        GateOptions gate, InProcessLink link, VerificationKey peerKey)
    {
        var node = new TwinNode(side, self, peer, directory, time, riskSeed, gate, link);
        await node.Database.MigrateAsync([.. ExchangeServices.Migrations, .. ClearanceApi.Migrations, .. GateApi.Migrations]);
        await node.Get<ExchangeStartup>().RunAsync([peerKey]);
        return node;
    }

    /// <summary>
    /// Sends every queued message to the peer as the node's dispatcher does (<see cref="OutboxDispatcher.SendAllAsync"/>);
    /// returns the batches sent, or null when a send failed (the link is down), which the dispatcher records and after
    /// which the messages stay queued.
    /// </summary>
    public async Task<int?> SendAllAsync() =>
        await dispatcher.SendAllAsync(CancellationToken.None) is { Failure: null } outcome ? outcome.Batches : null;

    public async ValueTask DisposeAsync()
    {
        dispatcher.Dispose();
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
