using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Fleet;

public enum BlockingType { None, Soft, Hard }

/// <summary>A key and a JSON value (string, number, boolean, array; objects only from 2.1).</summary>
public sealed record ActionParameter(string Key, JsonElement Value)
{
    public static ActionParameter Of(string key, string value) => new(key, JsonSerializer.SerializeToElement(value));
    public static ActionParameter Of(string key, double value) => new(key, JsonSerializer.SerializeToElement(value));
    public static ActionParameter Of(string key, bool value) => new(key, JsonSerializer.SerializeToElement(value));
}

/// <summary>An action on a node, an edge or in instantActions.</summary>
public sealed record VdaAction
{
    /// <summary>Empty only when a 2.0 sender wrote actionName alone; see <see cref="Normalised"/>.</summary>
    public string ActionType { get; init; } = "";
    public required string ActionId { get; init; }
    public string? ActionDescription { get; init; }
    public required BlockingType BlockingType { get; init; }
    public IReadOnlyList<ActionParameter>? ActionParameters { get; init; }

    /// <summary>
    /// Only in 2.0.0 instantActions: the published 2.0.0 instantActions.schema requires "actionName" where the 2.0
    /// text and order.schema say "actionType". A 2.0 instant action carries both, so it satisfies the schema and
    /// vehicles built to either; readers take actionType and fall back to actionName.
    /// </summary>
    public string? ActionName { get; init; }

    /// <summary>The value of a string parameter, or null.</summary>
    public string? Parameter(string key) =>
        ActionParameters?.FirstOrDefault(p => p.Key == key) is { Value.ValueKind: JsonValueKind.String } p ? p.Value.GetString() : null;

    [JsonIgnore]
    public bool HasObjectParameter => ActionParameters?.Any(p => p.Value.ValueKind == JsonValueKind.Object) == true;

    public static VdaAction Instant(string actionType, BlockingType blocking = BlockingType.None, params ActionParameter[] parameters) => new()
    {
        ActionType = actionType,
        ActionId = Guid.CreateVersion7().ToString(),
        BlockingType = blocking,
        ActionParameters = parameters.Length == 0 ? null : parameters,
    };

    /// <summary>
    /// Pick or drop of one container at a node. loadId is the standard's parameter for the load; containerId names the
    /// same ISO 6346 container for FriendshipGate readers; stationType and loadType are required by pick.
    /// </summary>
    public static VdaAction ContainerHandling(string actionType, string containerNumber)
    {
        if (actionType is not (ActionTypes.Pick or ActionTypes.Drop)) throw new ArgumentException($"'{actionType}' is neither pick nor drop.", nameof(actionType));
        return Instant(actionType, BlockingType.Hard,
            ActionParameter.Of("loadId", containerNumber), ActionParameter.Of("containerId", containerNumber),
            ActionParameter.Of("stationType", "yardFloor"), ActionParameter.Of("loadType", "ISO6346-container"));
    }

    /// <summary>The action's type, also when a 2.0 sender wrote only actionName.</summary>
    internal VdaAction Normalised() => ActionType.Length == 0 && ActionName is not null ? this with { ActionType = ActionName } : this;
}

/// <summary>Predefined action types of VDA 5050 6.8 that the fleet and the simulated vehicle use.</summary>
public static class ActionTypes
{
    public const string Pick = "pick";
    public const string Drop = "drop";
    public const string StartCharging = "startCharging";
    public const string StopCharging = "stopCharging";
    public const string StartPause = "startPause";
    public const string StopPause = "stopPause";
    public const string CancelOrder = "cancelOrder";
    public const string FactsheetRequest = "factsheetRequest";
    public const string StateRequest = "stateRequest";
}
