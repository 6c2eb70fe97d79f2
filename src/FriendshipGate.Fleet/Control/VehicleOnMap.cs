namespace FriendshipGate.Fleet;

/// <summary>What a vehicle is doing, as a screen shows it.</summary>
public enum VehicleActivity { Driving, Waiting, Charging, Silent, Error }

/// <summary>
/// One vehicle where its latest VDA 5050 state puts it (metres on the road graph's map), with its heading (radians,
/// counter-clockwise from the x axis) when it reports one, the container it carries and what it is doing. X and Y are
/// null until the vehicle has reported a position or a node of the map.
/// </summary>
public sealed record VehicleOnMap(string Vehicle, double? X, double? Y, double? Heading, string? Container, VehicleActivity Activity)
{
    /// <summary>
    /// One entry per vehicle the fleet knows. Silence (no state within the timeout, or the connection lost) wins over a
    /// fatal error, which wins over charging and driving: a silent vehicle's last state may no longer be true.
    /// </summary>
    public static IReadOnlyList<VehicleOnMap> From(IEnumerable<VehicleStatus> vehicles, RoadGraph graph) =>
        [.. vehicles.Select(v => Of(v, graph)).OrderBy(v => v.Vehicle, StringComparer.Ordinal)];

    public static VehicleOnMap Of(VehicleStatus vehicle, RoadGraph graph)
    {
        var state = vehicle.State;
        double? x = null, y = null, heading = null;
        if (state?.AgvPosition is { PositionInitialized: true } position && position.MapId == graph.MapId)
            (x, y, heading) = (position.X, position.Y, position.Theta);
        else if (state?.LastNodeId is { Length: > 0 } node && graph.TryGetNode(node, out var known))
            (x, y) = (known.X, known.Y);
        var container = state?.Loads?.FirstOrDefault(l => !string.IsNullOrEmpty(l.LoadId))?.LoadId;
        var activity = vehicle.IsSilent || state is null ? VehicleActivity.Silent
            : state.Errors.Any(e => e.ErrorLevel == ErrorLevel.Fatal) ? VehicleActivity.Error
            : state.BatteryState.Charging ? VehicleActivity.Charging
            : state.Driving ? VehicleActivity.Driving
            : VehicleActivity.Waiting;
        return new VehicleOnMap(vehicle.Id.ToString(), x, y, heading, container, activity);
    }
}
