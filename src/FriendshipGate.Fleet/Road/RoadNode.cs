namespace FriendshipGate.Fleet;

public enum RoadNodeKind { Bay, YardJunction, Road, PassingPlace, Border, Charger, Parking }

/// <summary>A point of the road map, in metres on the map <see cref="RoadGraph.MapId"/>.</summary>
public sealed record RoadNode(int Index, string Id, double X, double Y, RoadNodeKind Kind)
{
    /// <summary>Bays, parking spots and chargers: dead ends off the road where vehicles stand at rest.</summary>
    public bool IsRestSpot => Kind is RoadNodeKind.Bay or RoadNodeKind.Parking or RoadNodeKind.Charger;

    public static string KindName(RoadNodeKind kind) => kind switch
    {
        RoadNodeKind.Bay => "bay",
        RoadNodeKind.YardJunction => "yard-junction",
        RoadNodeKind.Road => "road",
        RoadNodeKind.PassingPlace => "passing-place",
        RoadNodeKind.Border => "border",
        RoadNodeKind.Charger => "charger",
        RoadNodeKind.Parking => "parking",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static RoadNodeKind? ParseKind(string? text) => text switch
    {
        "bay" => RoadNodeKind.Bay,
        "yard-junction" => RoadNodeKind.YardJunction,
        "road" => RoadNodeKind.Road,
        "passing-place" => RoadNodeKind.PassingPlace,
        "border" => RoadNodeKind.Border,
        "charger" => RoadNodeKind.Charger,
        "parking" => RoadNodeKind.Parking,
        _ => null,
    };
}

/// <summary>
/// A stretch of road between two nodes. Single-lane edges carry traffic in one direction at a time; two-lane edges
/// carry both directions side by side. Traversable both ways unless <see cref="OneWay"/> (then only From to To).
/// </summary>
public sealed record RoadEdge(int Index, int From, int To, double LengthM, bool SingleLane, double MaxSpeedMps, bool OneWay)
{
    public int Other(int node) => node == From ? To : node == To ? From : throw new ArgumentException($"node {node} is not an end of edge {Index}.");
}

/// <summary>A road file that cannot be used; the message names the offending item.</summary>
public sealed class RoadGraphException(string message) : Exception(message);
