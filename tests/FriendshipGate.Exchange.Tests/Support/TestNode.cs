using FriendshipGate.Storage;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// One node built in process the way the host wires it: database, evidence log, key registry, signing key ring
/// (one PEM in a temp keys folder), startup, and the inbox and outbox over them.
/// </summary>
internal sealed class TestNode : IAsyncDisposable
{
    public static readonly NodeId Vn = NodeId.Parse("VN-HUUNGHI");
    public static readonly NodeId Cn = NodeId.Parse("CN-YOUYIGUAN");

    private readonly TempDirectory keysDirectory = new();
    private readonly TestMeterFactory meterFactory = new();

    private TestNode(TestStore store, ManualTime time)
    {
        Store = store;
        Time = time;
        using (var own = SigningKey.Generate(SignatureAlgorithm.ES256))
            SigningKeyRing.WritePem(keysDirectory.Path, own);
        OwnKeys = new SigningKeyRing(keysDirectory.Path);
        Options = new ExchangeOptions { Self = Vn, Peer = Cn, PeerUrl = new Uri("http://cn.invalid/") };
        Evidence = new EvidenceLog(time);
        Keys = new KeyRegistry(Database, Evidence, time);
        Metrics = new ExchangeMetrics(meterFactory);
        var keyMessages = new KeyMessageHandlers(Keys);
        Inbox = new InboxReceiver(Options, Database, Keys, OwnKeys, Evidence,
            [Notes, keyMessages.AnnouncedHandler, keyMessages.RetiredHandler], Metrics, time);
        Outbox = new ExchangeOutbox(Options, OwnKeys, Evidence, new OutboxSignal(), Metrics, time);
    }

    public TestStore Store { get; }
    public NodeDatabase Database => Store.Database;
    public ManualTime Time { get; }
    public ExchangeOptions Options { get; }
    public EvidenceLog Evidence { get; }
    public KeyRegistry Keys { get; }
    public SigningKeyRing OwnKeys { get; }
    public ExchangeMetrics Metrics { get; }
    public RecordingHandler Notes { get; } = new();
    public InboxReceiver Inbox { get; }
    public ExchangeOutbox Outbox { get; }

    /// <summary>This node's public key, the one its receipts are signed with.</summary>
    public VerificationKey PublicKey => OwnKeys.Established.PublicKey;

    /// <summary>Builds the VN node over <paramref name="store"/>, trusting <paramref name="peerKeys"/> for CN.</summary>
    public static async Task<TestNode> StartAsync(TestStore store, ManualTime time, params VerificationKey[] peerKeys)
    {
        var node = new TestNode(store, time);
        await new ExchangeStartup(node.Options, node.Database, node.Keys, node.OwnKeys).RunAsync(peerKeys);
        return node;
    }

    public async Task<IReadOnlyList<EvidenceEntry>> EvidenceAsync() => await EvidenceLog.ReadAsync(Database, 0, 100_000);

    public async Task<IReadOnlyList<EvidenceEntry>> EvidenceAsync(string kind) =>
        (await EvidenceAsync()).Where(e => e.Kind == kind).ToList();

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        meterFactory.Dispose();
        await Store.DisposeAsync();
        keysDirectory.Dispose();
    }
}
