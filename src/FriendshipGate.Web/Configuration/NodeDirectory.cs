using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FriendshipGate.Exchange;

namespace FriendshipGate.Web;

/// <summary>A node's public card: what its peer registers to trust it (exchanged out of band, checked by fingerprint).</summary>
public sealed record NodeCard(string Node, string Url, IReadOnlyList<NodeCardKey> Keys)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static NodeCard Read(string path) =>
        JsonSerializer.Deserialize<NodeCard>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");
}

public sealed record NodeCardKey(string Kid, string Algorithm, string Spki);

/// <summary>Creates and edits a node's folder: node.json, keys/, and the SQLite database once it runs.</summary>
public static class NodeDirectory
{
    /// <summary>The default node id of each side: the Huu Nghi – Youyi Guan gate pair.</summary>
    public static NodeId DefaultId(string side) => side.ToUpperInvariant() switch
    {
        "VN" => NodeId.Parse("VN-HUUNGHI"),
        "CN" => NodeId.Parse("CN-YOUYIGUAN"),
        _ => throw new FormatException($"'{side}' is not a side: use VN or CN."),
    };

    /// <summary>Writes node.json and a new signing key pair. Refuses to overwrite an existing node.</summary>
    public static NodeCard Init(string directory, NodeId id, string url, string algorithm, string? postgres = null)
    {
        var config = Path.Combine(directory, NodeSettings.FileName);
        if (File.Exists(config)) throw new InvalidOperationException($"{config} exists already: this folder holds a node.");
        Directory.CreateDirectory(directory);
        using var key = SigningKey.Generate(algorithm);
        SigningKeyRing.WritePem(Path.Combine(directory, "keys"), key);
        var json = new JsonObject
        {
            ["Node"] = new JsonObject
            {
                ["Id"] = id.Value,
                ["Urls"] = url,
                ["OperatorToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
                ["KeysDirectory"] = "keys",
            },
            ["Storage"] = new JsonObject
            {
                ["Sqlite"] = "node.db",
                ["SqliteSynchronous"] = "NORMAL",
                ["Postgres"] = postgres ?? "",
                ["PostgresSchema"] = "fgate_" + id.Value.ToLowerInvariant().Replace('-', '_'),
            },
            ["Peer"] = new JsonObject { ["Id"] = "", ["Url"] = "", ["Keys"] = new JsonArray() },
            ["Exchange"] = new JsonObject { ["ClockWindowSeconds"] = 300, ["MaxMessageAgeDays"] = 30, ["BatchSize"] = 500 },
        };
        File.WriteAllText(config, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return Card(directory);
    }

    /// <summary>The node's card, from its node.json and the public halves of its key files.</summary>
    public static NodeCard Card(string directory)
    {
        var json = ReadConfig(directory);
        var keys = Directory.EnumerateFiles(Path.Combine(directory, json["Node"]?["KeysDirectory"]?.GetValue<string>() ?? "keys"), "*.pem")
            .Select(f => SigningKey.ImportPem(File.ReadAllText(f)))
            .Select(k => new NodeCardKey(k.KeyId, k.Algorithm, k.PublicKey.SubjectPublicKeyInfoBase64Url)).OrderBy(k => k.Kid).ToList();
        var url = json["Node"]?["Urls"]?.GetValue<string>()?.Split(';')[0] ?? "";
        return new NodeCard(json["Node"]?["Id"]?.GetValue<string>() ?? "", url, keys);
    }

    /// <summary>Registers the peer named by its card: id, URL and the keys this node will accept from it.</summary>
    public static void Trust(string directory, NodeCard peer, string? urlOverride = null)
    {
        var id = NodeId.Parse(peer.Node);
        foreach (var key in peer.Keys)
        {
            var parsed = VerificationKey.FromBase64Url(key.Algorithm, key.Spki);
            if (parsed.KeyId != key.Kid) throw new InvalidDataException($"the card's key {key.Kid} does not match its public key ({parsed.KeyId}).");
        }
        var json = ReadConfig(directory);
        if (json["Node"]?["Id"]?.GetValue<string>() is { } self && NodeId.Parse(self).Side == id.Side)
            throw new InvalidOperationException($"{id} is on the same side as this node ({self}).");
        json["Peer"] = new JsonObject
        {
            ["Id"] = id.Value,
            ["Url"] = urlOverride ?? peer.Url,
            ["Keys"] = new JsonArray(peer.Keys.Select(k => (JsonNode)new JsonObject { ["Kid"] = k.Kid, ["Algorithm"] = k.Algorithm, ["Spki"] = k.Spki }).ToArray()),
        };
        File.WriteAllText(Path.Combine(directory, NodeSettings.FileName), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static JsonNode ReadConfig(string directory)
    {
        var path = Path.Combine(directory, NodeSettings.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist: create the node with 'fgate node init'.");
        return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
