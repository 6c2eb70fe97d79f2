using System.CommandLine;
using FriendshipGate.Exchange;
using FriendshipGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace FriendshipGate.Cli;

internal static class NodeCommand
{
    public static readonly Option<string> Dir = new("--dir") { Description = "The node's folder (node.json, keys/, node.db).", Required = true };

    public static Command Create()
    {
        var side = new Option<string>("--side") { Description = "VN or CN.", Required = true };
        side.AcceptOnlyFromAmong("VN", "CN");
        var id = new Option<string?>("--id") { Description = "Node id (default VN-HUUNGHI or CN-YOUYIGUAN)." };
        var url = new Option<string?>("--url") { Description = "Where the node listens (default http://127.0.0.1:7401 for VN, :7402 for CN)." };
        var algorithm = new Option<string>("--algorithm") { Description = "ES256 (default) or SM2SM3.", DefaultValueFactory = _ => SignatureAlgorithm.ES256 };
        algorithm.AcceptOnlyFromAmong(SignatureAlgorithm.ES256, SignatureAlgorithm.SM2SM3);
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (default: embedded SQLite)." };
        var init = new Command("init", "Create a node: write DIR/node.json and a new signing key pair.") { side, Dir, id, url, algorithm, postgres };
        init.SetAction(result =>
        {
            var s = result.GetValue(side)!;
            var nodeId = result.GetValue(id) is { } text ? NodeId.Parse(text) : NodeDirectory.DefaultId(s);
            if (nodeId.Side != s) throw new UsageException($"--id {nodeId} is not on side {s}.");
            var card = NodeDirectory.Init(result.GetValue(Dir)!, nodeId, result.GetValue(url) ?? (s == "VN" ? "http://127.0.0.1:7401" : "http://127.0.0.1:7402"),
                result.GetValue(algorithm)!, result.GetValue(postgres));
            Console.WriteLine($"created node {card.Node} in {Path.GetFullPath(result.GetValue(Dir)!)} with key {card.Keys[0].Kid} ({card.Keys[0].Algorithm})");
            Console.WriteLine($"next: give your peer the output of 'fgate keys show --dir {result.GetValue(Dir)}', and register theirs with 'fgate node trust'.");
        });

        var cardFile = new Option<string>("--card") { Description = "The peer's card (JSON from 'fgate keys show' on the peer).", Required = true };
        var peerUrl = new Option<string?>("--peer-url") { Description = "Override the URL in the card (how this node reaches the peer)." };
        var trust = new Command("trust", "Register the peer node (id, URL, public keys) from its card.") { Dir, cardFile, peerUrl };
        trust.SetAction(result =>
        {
            var card = NodeCard.Read(result.GetValue(cardFile)!);
            NodeDirectory.Trust(result.GetValue(Dir)!, card, result.GetValue(peerUrl));
            Console.WriteLine($"trusting {card.Node} at {result.GetValue(peerUrl) ?? card.Url} with {card.Keys.Count} key(s): {string.Join(", ", card.Keys.Select(k => k.Kid))}");
        });

        var run = new Command("run", "Run the node until Ctrl+C (environment variables FGATE_Section__Key override node.json).") { Dir };
        run.SetAction(async (result, cancellationToken) =>
        {
            var dir = result.GetValue(Dir)!;
            var settings = NodeSettings.Load(dir, NodeSettings.Configuration(dir));
            await using var app = await NodeHost.BuildAsync(settings, cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken);
            Console.WriteLine($"node {settings.Id} listening on {settings.Urls}; peer {settings.Peer.Id} at {settings.Peer.Url}");
            using var orphaned = ExitWithParent(app);
            await app.WaitForShutdownAsync(cancellationToken);
        });

        return new Command("node", "Create, connect and run a node.") { init, trust, run };
    }

    /// <summary>
    /// When FGATE_EXIT_WITH_PARENT names a process id (test and benchmark harnesses set it), the node stops once that
    /// process is gone, so a crashed harness never leaves nodes running.
    /// </summary>
    private static Timer? ExitWithParent(WebApplication app)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("FGATE_EXIT_WITH_PARENT"), out var parent)) return null;
        return new Timer(_ =>
        {
            try { using var process = System.Diagnostics.Process.GetProcessById(parent); if (!process.HasExited) return; }
            catch (ArgumentException) { }
            app.Lifetime.StopApplication();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }
}
