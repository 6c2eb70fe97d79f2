using System.Text;
using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>
/// One node's hydrology wired the way NodeHost wires it, over an SQLite file in a temp folder: the Exchange and
/// Hydrology migrations, a signing key, the outbox, and the ledger, alerts and peer handler over the embedded catalog.
/// </summary>
internal sealed class HydrologyNode : IAsyncDisposable
{
    public static readonly NodeId Vn = NodeId.Parse("VN-HUUNGHI");
    public static readonly NodeId Cn = NodeId.Parse("CN-YOUYIGUAN");

    private readonly TempDirectory directory = new();
    private readonly TestMeterFactory meterFactory = new();
    private readonly ExchangeMetrics metrics;

    private HydrologyNode(NodeId self, ManualTime time)
    {
        Time = time;
        Options = new ExchangeOptions { Self = self, Peer = self == Vn ? Cn : Vn, PeerUrl = new Uri("http://peer.invalid/") };
        Database = NodeDatabase.Sqlite(directory.File("node.db"));
        using (var own = SigningKey.Generate(SignatureAlgorithm.ES256))
            SigningKeyRing.WritePem(directory.File("keys"), own);
        OwnKeys = new SigningKeyRing(directory.File("keys"));
        Evidence = new EvidenceLog(time);
        metrics = new ExchangeMetrics(meterFactory);
        Outbox = new ExchangeOutbox(Options, OwnKeys, Evidence, new OutboxSignal(), metrics, time);
        Catalog = StationCatalog.LoadEmbedded();
        Ledger = new ObservationLedger(Database, Outbox, Options, time);
        Alerts = new FloodAlerts(Database, Catalog, time);
        Handler = new PeerObservationHandler(Ledger, Alerts, Catalog, time);
    }

    public ManualTime Time { get; }
    public ExchangeOptions Options { get; }
    public NodeDatabase Database { get; }
    public SigningKeyRing OwnKeys { get; }
    public EvidenceLog Evidence { get; }
    public ExchangeOutbox Outbox { get; }
    public StationCatalog Catalog { get; }
    public ObservationLedger Ledger { get; }
    public FloodAlerts Alerts { get; }
    public PeerObservationHandler Handler { get; }

    /// <summary>Builds a node of <paramref name="self"/> (VN-HUUNGHI or CN-YOUYIGUAN; the other one is its peer).</summary>
    public static async Task<HydrologyNode> StartAsync(NodeId self, ManualTime? time = null)
    {
        var node = new HydrologyNode(self, time ?? new ManualTime());
        await node.Database.MigrateAsync([.. ExchangeServices.Migrations, .. HydrologyApi.Migrations]);
        var registry = new KeyRegistry(node.Database, node.Evidence, node.Time);
        await new ExchangeStartup(node.Options, node.Database, registry, node.OwnKeys).RunAsync([]);
        return node;
    }

    public Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Database.ReadAsync(async c => (await c.QueryAsync<T>(sql, parameters)).ToList());

    public Task<long> CountAsync(string table) => Database.ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));

    /// <summary>An envelope from the peer to this node carrying <paramref name="payload"/> (written as the wire writes it).</summary>
    public Envelope FromPeer(object payload) => FromPeerJson(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), WireJson.Options));

    /// <summary>An envelope from the peer whose payload is exactly <paramref name="payloadJson"/>.</summary>
    public Envelope FromPeerJson(string payloadJson) => FromPeerJson(Encoding.UTF8.GetBytes(payloadJson));

    private Envelope FromPeerJson(byte[] payloadJson) =>
        Envelope.Create(MessageId.New(Time), ObservationLedger.MessageType, ObservationLedger.SchemaVersion, Options.Peer, Options.Self,
            WireJson.Truncate(Time.GetUtcNow()), "test", payloadJson).Envelope;

    /// <summary>What the inbox does with accepted messages of this type: validates each, then applies them in one transaction.</summary>
    public async Task ReceiveAsync(params Envelope[] envelopes)
    {
        foreach (var envelope in envelopes) Handler.Validate(envelope);
        await Database.WriteAsync(tx => Handler.ApplyAsync(tx, envelopes, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        metrics.Dispose();
        meterFactory.Dispose();
        await Database.DisposeAsync();
        directory.Dispose();
    }
}
