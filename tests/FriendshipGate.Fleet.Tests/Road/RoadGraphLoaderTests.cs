namespace FriendshipGate.Fleet.Tests;

public class RoadGraphLoaderTests
{
    private const string Line = """
        { "mapId": "t", "nodes": [
            {"id": "P1", "x": 0, "y": 0, "kind": "parking"},
            {"id": "J1", "x": 10, "y": 0, "kind": "yard-junction"},
            {"id": "R1", "x": 110, "y": 0, "kind": "road"},
            {"id": "J2", "x": 210, "y": 0, "kind": "yard-junction"}],
          "edges": [
            {"from": "P1", "to": "J1", "lanes": "single-lane", "maxSpeed": 2},
            {"from": "J1", "to": "R1", "lanes": "single-lane", "maxSpeed": 5},
            {"from": "R1", "to": "J2", "lanes": "single-lane", "maxSpeed": 5, "length": 120}] }
        """;

    [Fact]
    public void Default_road_loads_with_bays_parking_chargers_and_a_border()
    {
        var graph = RoadGraphLoader.LoadDefault();
        Assert.Equal("huu-nghi", graph.MapId);
        Assert.Equal(24, graph.NodesOfKind(RoadNodeKind.Bay).Count());
        Assert.True(graph.Nodes.Count(n => n.IsRestSpot) >= 200, "room for the 200 vehicles of the benchmark");
        Assert.Single(graph.NodesOfKind(RoadNodeKind.Border));
        Assert.Equal(4, graph.NodesOfKind(RoadNodeKind.PassingPlace).Count());
        // Two single-lane stretches between passing places: one across the border line, one through a cutting in China.
        var stretches = graph.Sections.Where(s => s.EdgeIndices.Count > 1).ToList();
        Assert.Equal(2, stretches.Count);
        Assert.Contains(stretches, s => s.EdgeIndices.Any(e => graph.Nodes[graph.Edges[e].From].Kind == RoadNodeKind.Border));
        Assert.All(stretches, s => Assert.Equal(RoadNodeKind.PassingPlace, graph.Nodes[s.EndA].Kind));
        // Two-lane road and yard lanes carry one vehicle per direction; junctions and rest spots one in all.
        Assert.True(graph.HasLanePerDirection(graph["R-1000"].Index));
        Assert.False(graph.HasLanePerDirection(graph["VN-J01"].Index));
        Assert.False(graph.HasLanePerDirection(graph["VN-B01"].Index));
        // Gate to gate is about 3.6 km of road.
        var route = graph.Route(graph["VN-GATE"].Index, graph["CN-GATE"].Index);
        var metres = route.Zip(route.Skip(1)).Sum(p => graph.EdgeBetween(p.First, p.Second).LengthM);
        Assert.InRange(metres, 3500, 3700);
    }

    [Fact]
    public void Sections_run_between_passing_places_and_length_defaults_to_the_distance()
    {
        var graph = RoadGraphLoader.Parse(Line);
        var section = Assert.Single(graph.Sections, s => s.EdgeIndices.Count == 2);
        Assert.Equal(new[] { "J1", "J2" }, new[] { graph.Nodes[section.EndA].Id, graph.Nodes[section.EndB].Id }.Order());
        Assert.Equal(100, graph.EdgeBetween(graph["J1"].Index, graph["R1"].Index).LengthM, 6);
        Assert.Equal(120, graph.EdgeBetween(graph["R1"].Index, graph["J2"].Index).LengthM, 6);
    }

    [Theory]
    [InlineData("\"to\": \"J2\", \"lanes\": \"single-lane\", \"maxSpeed\": 5, \"length\": 120", "\"to\": \"J9\", \"lanes\": \"single-lane\", \"maxSpeed\": 5, \"length\": 120", "unknown node 'J9'")]
    [InlineData("{\"id\": \"R1\", \"x\": 110", "{\"id\": \"J1\", \"x\": 110", "duplicate node id 'J1'")]
    [InlineData("\"kind\": \"road\"", "\"kind\": \"ramp\"", "unknown kind 'ramp'")]
    [InlineData("\"maxSpeed\": 2}", "\"maxSpeed\": 0}", "edge P1--J1 needs maxSpeed")]
    [InlineData("{\"from\": \"R1\", \"to\": \"J2\", \"lanes\": \"single-lane\", \"maxSpeed\": 5, \"length\": 120}", "{\"from\": \"J1\", \"to\": \"P1\", \"lanes\": \"two-lane\", \"maxSpeed\": 5}", "duplicate edge J1--P1")]
    public void Broken_files_are_refused_naming_the_item(string find, string replace, string message)
    {
        var json = Line.Replace(find, replace);
        Assert.NotEqual(Line, json);
        var error = Assert.Throws<RoadGraphException>(() => RoadGraphLoader.Parse(json));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Disconnected_graph_is_refused_naming_the_lost_node()
    {
        var json = Line.Replace("{\"from\": \"R1\", \"to\": \"J2\", \"lanes\": \"single-lane\", \"maxSpeed\": 5, \"length\": 120}", "{\"from\": \"J1\", \"to\": \"R1\", \"lanes\": \"two-lane\", \"maxSpeed\": 5, \"oneWay\": true}")
            .Replace("{\"from\": \"J1\", \"to\": \"R1\", \"lanes\": \"single-lane\", \"maxSpeed\": 5},", "");
        var error = Assert.Throws<RoadGraphException>(() => RoadGraphLoader.Parse(json));
        Assert.Contains("disconnected", error.Message);
        Assert.Contains("'J2'", error.Message);
    }

    [Fact]
    public void A_rest_spot_on_a_through_route_is_refused()
    {
        var json = Line.Replace("\"id\": \"R1\", \"x\": 110, \"y\": 0, \"kind\": \"road\"", "\"id\": \"R1\", \"x\": 110, \"y\": 0, \"kind\": \"bay\"");
        var error = Assert.Throws<RoadGraphException>(() => RoadGraphLoader.Parse(json));
        Assert.Contains("bay 'R1' must be a dead end", error.Message);
    }
}
