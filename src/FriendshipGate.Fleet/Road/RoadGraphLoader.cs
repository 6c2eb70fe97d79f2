using System.Text.Json;

namespace FriendshipGate.Fleet;

/// <summary>Reads a road graph from JSON (the file format of data/fleet/huu-nghi-road.json) and checks it.</summary>
public static class RoadGraphLoader
{
    public const string DefaultResourceName = "huu-nghi-road.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The road of the Huu Nghi – Youyi Guan pair embedded in this assembly.</summary>
    public static RoadGraph LoadDefault()
    {
        using var stream = typeof(RoadGraphLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResourceName} is missing");
        return Load(stream, DefaultResourceName);
    }

    public static RoadGraph LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static RoadGraph Load(Stream json, string source)
    {
        RoadFile? file;
        try { file = JsonSerializer.Deserialize<RoadFile>(json, Json); }
        catch (JsonException e) { throw new RoadGraphException($"{source}: not a road file ({e.Message})"); }
        return Build(file ?? throw new RoadGraphException($"{source}: empty"), source);
    }

    public static RoadGraph Parse(string json, string source = "road") =>
        Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), source);

    private static RoadGraph Build(RoadFile file, string source)
    {
        if (string.IsNullOrWhiteSpace(file.MapId)) throw new RoadGraphException($"{source}: mapId is missing");
        if (file.Nodes is not { Count: > 0 }) throw new RoadGraphException($"{source}: no nodes");
        var nodes = new List<RoadNode>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in file.Nodes)
        {
            if (string.IsNullOrWhiteSpace(n.Id)) throw new RoadGraphException($"{source}: node #{nodes.Count} has no id");
            if (byId.ContainsKey(n.Id)) throw new RoadGraphException($"{source}: duplicate node id '{n.Id}'");
            var kind = RoadNode.ParseKind(n.Kind) ?? throw new RoadGraphException(
                $"{source}: node '{n.Id}' has unknown kind '{n.Kind}' (bay, yard-junction, road, passing-place, border, charger, parking)");
            if (!double.IsFinite(n.X) || !double.IsFinite(n.Y)) throw new RoadGraphException($"{source}: node '{n.Id}' has no finite position");
            byId[n.Id] = nodes.Count;
            nodes.Add(new RoadNode(nodes.Count, n.Id, n.X, n.Y, kind));
        }
        var edges = new List<RoadEdge>();
        var seen = new HashSet<(int, int)>();
        foreach (var e in file.Edges ?? [])
        {
            var name = $"{e.From}--{e.To}";
            if (e.From is null || !byId.TryGetValue(e.From, out var from)) throw new RoadGraphException($"{source}: edge {name} names unknown node '{e.From}'");
            if (e.To is null || !byId.TryGetValue(e.To, out var to)) throw new RoadGraphException($"{source}: edge {name} names unknown node '{e.To}'");
            if (from == to) throw new RoadGraphException($"{source}: edge {name} is a loop");
            if (!seen.Add((Math.Min(from, to), Math.Max(from, to)))) throw new RoadGraphException($"{source}: duplicate edge {name}");
            var singleLane = e.Lanes switch
            {
                "single-lane" => true,
                "two-lane" => false,
                _ => throw new RoadGraphException($"{source}: edge {name} has lanes '{e.Lanes}' (single-lane or two-lane)"),
            };
            if (e.MaxSpeed is not (> 0 and < 50)) throw new RoadGraphException($"{source}: edge {name} needs maxSpeed in m/s, above 0 and below 50");
            var euclid = Math.Sqrt(Math.Pow(nodes[to].X - nodes[from].X, 2) + Math.Pow(nodes[to].Y - nodes[from].Y, 2));
            var length = e.Length ?? euclid;
            if (!(length > 0)) throw new RoadGraphException($"{source}: edge {name} has no positive length");
            edges.Add(new RoadEdge(edges.Count, from, to, length, singleLane, e.MaxSpeed.Value, e.OneWay));
        }
        var graph = new RoadGraph(file.MapId, nodes, edges);
        foreach (var node in nodes)
        {
            var degree = graph.EdgesAt(node.Index).Count;
            if (node.IsRestSpot && degree != 1)
                throw new RoadGraphException($"{source}: {RoadNode.KindName(node.Kind)} '{node.Id}' must be a dead end with one edge (it has {degree}), so vehicles at rest never stand on a through route");
            if (node.Kind == RoadNodeKind.PassingPlace && degree != 2)
                throw new RoadGraphException($"{source}: passing place '{node.Id}' must join exactly two edges (it has {degree})");
        }
        var unreachable = graph.FirstUnreachableFrom(0);
        if (unreachable is { } lost) throw new RoadGraphException($"{source}: the graph is disconnected: node '{nodes[lost].Id}' cannot be reached from '{nodes[0].Id}'");
        return graph;
    }

    private sealed record RoadFile(string? MapId, string? Description, List<NodeRow>? Nodes, List<EdgeRow>? Edges);
    private sealed record NodeRow(string? Id, double X, double Y, string? Kind);
    private sealed record EdgeRow(string? From, string? To, double? Length, string? Lanes, double? MaxSpeed, bool OneWay);
}
