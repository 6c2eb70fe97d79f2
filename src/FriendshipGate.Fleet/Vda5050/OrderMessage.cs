using System.Text.Json.Serialization;

namespace FriendshipGate.Fleet;

/// <summary>A position on a map, in metres in the project's global frame (VDA 5050: every map shares one origin).</summary>
public sealed record NodePosition
{
    public required double X { get; init; }
    public required double Y { get; init; }
    public double? Theta { get; init; }

    /// <summary>2.1 spelling. A 2.0 order writes the same value as allowedDeviationXy, the 2.0 schema's spelling.</summary>
    [JsonPropertyName("allowedDeviationXY")]
    public double? AllowedDeviationXY { get; init; }

    [JsonPropertyName("allowedDeviationXy")]
    public double? AllowedDeviationXy20 { get; init; }

    public double? AllowedDeviationTheta { get; init; }
    public required string MapId { get; init; }
    public string? MapDescription { get; init; }

    [JsonIgnore]
    public double? AllowedDeviation => AllowedDeviationXY ?? AllowedDeviationXy20;

    public double DistanceTo(double x, double y) => Math.Sqrt((X - x) * (X - x) + (Y - y) * (Y - y));

    internal NodePosition ForVersion(Vda5050Version version) => version.Has21Fields
        ? this with { AllowedDeviationXY = AllowedDeviation, AllowedDeviationXy20 = null }
        : this with { AllowedDeviationXy20 = AllowedDeviation, AllowedDeviationXY = null };
}

public sealed record OrderNode
{
    public required string NodeId { get; init; }
    public required long SequenceId { get; init; }
    public string? NodeDescription { get; init; }
    public required bool Released { get; init; }
    public NodePosition? NodePosition { get; init; }
    public IReadOnlyList<VdaAction> Actions { get; init; } = [];
}

public enum CorridorRefPoint { KinematicCenter, Contour }

/// <summary>2.1 only: how far the vehicle may leave the edge's trajectory to avoid obstacles.</summary>
public sealed record Corridor(double LeftWidth, double RightWidth, CorridorRefPoint? CorridorRefPoint = null);

public sealed record OrderEdge
{
    public required string EdgeId { get; init; }
    public required long SequenceId { get; init; }
    public string? EdgeDescription { get; init; }
    public required bool Released { get; init; }
    public required string StartNodeId { get; init; }
    public required string EndNodeId { get; init; }
    public double? MaxSpeed { get; init; }
    public double? Orientation { get; init; }

    /// <summary>2.1 only: GLOBAL or TANGENTIAL.</summary>
    public string? OrientationType { get; init; }

    public double? Length { get; init; }

    /// <summary>2.1 only.</summary>
    public Corridor? Corridor { get; init; }

    public IReadOnlyList<VdaAction> Actions { get; init; } = [];
}

/// <summary>The order topic: base (released) and horizon nodes and edges, with orderId and orderUpdateId.</summary>
public sealed record OrderMessage : Vda5050Message
{
    public required string OrderId { get; init; }
    public required long OrderUpdateId { get; init; }
    public string? ZoneSetId { get; init; }
    public required IReadOnlyList<OrderNode> Nodes { get; init; }
    public required IReadOnlyList<OrderEdge> Edges { get; init; }

    /// <summary>The order as the given version writes it: without fields that version does not define.</summary>
    /// <exception cref="ArgumentException">A 2.0 order with an object-valued action parameter (2.1 only).</exception>
    public OrderMessage ForVersion(Vda5050Version version)
    {
        if (!version.Has21Fields && (Nodes.Any(n => n.Actions.Any(a => a.HasObjectParameter)) || Edges.Any(e => e.Actions.Any(a => a.HasObjectParameter))))
            throw new ArgumentException("VDA 5050 2.0 allows no object-valued action parameters.");
        return this with
        {
            Version = version.Text,
            Nodes = [.. Nodes.Select(n => n with { NodePosition = n.NodePosition?.ForVersion(version), Actions = [.. n.Actions.Select(a => a with { ActionName = null })] })],
            Edges = [.. Edges.Select(e => version.Has21Fields ? e : e with { OrientationType = null, Corridor = null })],
        };
    }
}
