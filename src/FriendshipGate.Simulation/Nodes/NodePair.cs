using FriendshipGate.Exchange;
using FriendshipGate.Gate;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>
/// A gate pair's two nodes in the twin, VN and CN, each trusting the other's key, joined by <see cref="InProcessLink"/>s
/// that the twin takes down for a scenario's exchange outages.
/// </summary>
internal sealed class NodePair : IAsyncDisposable
{
    public static readonly NodeId VnId = NodeId.Parse("VN-HUUNGHI"), CnId = NodeId.Parse("CN-YOUYIGUAN");

    private readonly InProcessLink toCn, toVn;

    private NodePair(TwinNode vn, TwinNode cn, InProcessLink toCn, InProcessLink toVn) => (Vn, Cn, this.toCn, this.toVn) = (vn, cn, toCn, toVn);

    public TwinNode Vn { get; }
    public TwinNode Cn { get; }

    /// <summary>Whether the exchange link is up (both ways).</summary>
    public bool LinkUp
    {
        get => toCn.Up;
        set => toCn.Up = toVn.Up = value;
    }

    /// <summary>Transmissions delivered and sends refused by a down link, both ways.</summary>
    public (long Delivered, long Failed) Transmissions => (toCn.Delivered + toVn.Delivered, toCn.Failed + toVn.Failed);

    /// <param name="directory">Where the two databases and key folders go (created; left for the caller to keep or delete).</param>
    public static async Task<NodePair> StartAsync(string directory, TimeProvider time, ulong riskSeed, GateOptions vnGate, GateOptions cnGate)
    {
        Directory.CreateDirectory(directory);
        VerificationKey vnKey, cnKey;
        using (var key = SigningKey.Generate(SignatureAlgorithm.ES256))
        {
            SigningKeyRing.WritePem(TwinNode.KeysDirectory(directory, "VN"), key);
            vnKey = key.PublicKey;
        }
        using (var key = SigningKey.Generate(SignatureAlgorithm.ES256))
        {
            SigningKeyRing.WritePem(TwinNode.KeysDirectory(directory, "CN"), key);
            cnKey = key.PublicKey;
        }
        TwinNode? vn = null, cn = null;
        var toCn = new InProcessLink(() => cn!.Get<InboxReceiver>());
        var toVn = new InProcessLink(() => vn!.Get<InboxReceiver>());
        vn = await TwinNode.StartAsync("VN", VnId, CnId, directory, time, riskSeed, vnGate, toCn, cnKey);
        cn = await TwinNode.StartAsync("CN", CnId, VnId, directory, time, riskSeed, cnGate, toVn, vnKey);
        return new NodePair(vn, cn, toCn, toVn);
    }

    /// <summary>
    /// Sends both outboxes until neither has anything left (a message received may make the other side answer); false
    /// when the link is down and something stays queued.
    /// </summary>
    public async Task<bool> ExchangeAsync()
    {
        while (true)
        {
            var (toCnBatches, toVnBatches) = (await Vn.SendAllAsync(), await Cn.SendAllAsync());
            if (toCnBatches is null || toVnBatches is null) return false;
            if (toCnBatches + toVnBatches == 0) return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Vn.DisposeAsync();
        await Cn.DisposeAsync();
        toCn.Dispose();
        toVn.Dispose();
    }
}
