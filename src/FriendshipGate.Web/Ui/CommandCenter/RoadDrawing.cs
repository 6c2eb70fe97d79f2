using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FriendshipGate.Fleet;

namespace FriendshipGate.Web.Ui.CommandCenter;

/// <summary>
/// The fleet's road graph drawn for the command center, computed once per graph. The road is 3.6 km long and the yards
/// 450 m each, so the drawing is to scale piece by piece: each yard gets as much width as the whole road, and the road
/// between the gates is squeezed. Metres go up, the screen's y goes down.
/// </summary>
public sealed class RoadDrawing
{
    public const int Width = 900, Height = 180;
    private const double Top = 42, Bottom = 160;
    private static readonly double[] Pixels = [10, 250, 650, 890];
    private static readonly ConditionalWeakTable<RoadGraph, RoadDrawing> Drawings = [];

    private readonly double[] metres;
    private readonly double minY, maxY;

    private RoadDrawing(RoadGraph graph)
    {
        var nodes = graph.Nodes;
        // The two gates split the map into the VN yard, the road and the CN yard; a map without them is drawn as one piece.
        var vnGate = graph.TryGetNode("VN-GATE", out var vn) ? vn.X : nodes.Min(n => n.X);
        var cnGate = graph.TryGetNode("CN-GATE", out var cn) ? cn.X : nodes.Max(n => n.X);
        metres = [Math.Min(nodes.Min(n => n.X), vnGate - 1), vnGate, Math.Max(cnGate, vnGate + 1), Math.Max(nodes.Max(n => n.X), cnGate + 1)];
        (minY, maxY) = (nodes.Min(n => n.Y), Math.Max(nodes.Max(n => n.Y), nodes.Min(n => n.Y) + 1));
        RoadLengthKm = (cnGate - vnGate) / 1000;
        BorderPixel = PixelX(graph.NodesOfKind(RoadNodeKind.Border).Select(n => n.X).DefaultIfEmpty((vnGate + cnGate) / 2).First());
        var twoLane = new StringBuilder();
        var singleLane = new StringBuilder();
        foreach (var edge in graph.Edges)
        {
            var (x1, y1) = Point(nodes[edge.From].X, nodes[edge.From].Y);
            var (x2, y2) = Point(nodes[edge.To].X, nodes[edge.To].Y);
            (edge.SingleLane ? singleLane : twoLane).Append(CultureInfo.InvariantCulture, $"M{x1:0.#} {y1:0.#}L{x2:0.#} {y2:0.#}");
        }
        TwoLanePath = twoLane.ToString();
        SingleLanePath = singleLane.ToString();
        Bays = [.. graph.NodesOfKind(RoadNodeKind.Bay).Select(n => Point(n.X, n.Y))];
        Chargers = [.. graph.NodesOfKind(RoadNodeKind.Charger).Select(n => Point(n.X, n.Y))];
    }

    public static RoadDrawing For(RoadGraph graph) => Drawings.GetValue(graph, g => new RoadDrawing(g));

    public string TwoLanePath { get; }
    public string SingleLanePath { get; }
    public IReadOnlyList<(double X, double Y)> Bays { get; }
    public IReadOnlyList<(double X, double Y)> Chargers { get; }
    public double RoadLengthKm { get; }
    public double BorderPixel { get; }
    public double VnGatePixel => Pixels[1];
    public double CnGatePixel => Pixels[2];

    /// <summary>Where a point of the map (metres) is drawn.</summary>
    public (double X, double Y) Point(double x, double y) => (PixelX(x), Bottom - (y - minY) / (maxY - minY) * (Bottom - Top));

    /// <summary>The angle (degrees, clockwise as SVG turns) a heading in metres looks like at <paramref name="x"/>, where the scales differ.</summary>
    public double DrawnAngle(double x, double heading)
    {
        var piece = Piece(x);
        var scaleX = (Pixels[piece + 1] - Pixels[piece]) / (metres[piece + 1] - metres[piece]);
        var scaleY = (Bottom - Top) / (maxY - minY);
        return Math.Atan2(-Math.Sin(heading) * scaleY, Math.Cos(heading) * scaleX) * 180 / Math.PI;
    }

    /// <summary>Where a vehicle is, in words: in a yard, or on the road with kilometres from the VN gate.</summary>
    public (string Place, double Km) Place(double x) =>
        x < metres[1] ? ("VN", 0) : x > metres[2] ? ("CN", RoadLengthKm) : ("road", (x - metres[1]) / 1000);

    private double PixelX(double x)
    {
        var piece = Piece(x);
        var share = (Math.Clamp(x, metres[0], metres[3]) - metres[piece]) / (metres[piece + 1] - metres[piece]);
        return Pixels[piece] + share * (Pixels[piece + 1] - Pixels[piece]);
    }

    private int Piece(double x) => x < metres[1] ? 0 : x <= metres[2] ? 1 : 2;
}
