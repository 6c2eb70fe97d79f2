using System.Collections.Concurrent;
using System.Text.Json;
using FriendshipGate.Fleet;
using NJsonSchema;

namespace FriendshipGate.Fleet.Tests;

/// <summary>
/// Validates a VDA 5050 message against the official schema of its topic and of the version its header names, read
/// from the copies in the repository (data/vda5050, copied next to the tests).
/// </summary>
/// <remarks>
/// NJsonSchema implements drafts 4 to 7; the schemas declare draft 2020-12 but use only keywords those drafts share
/// (type, required, properties, items, enum, minimum, maximum, format date-time, $ref into "definitions"), so their
/// meaning is unchanged. The published 2.0.0 factsheet.json puts its property definitions beside "properties" rather
/// than in it, so any validator (this one too) checks only its top-level "required" list and "type"; that is a defect
/// of the published schema, kept as published.
/// </remarks>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>The violations of one message; a message that is not a JSON object with a known version is one violation.</summary>
    public static IReadOnlyList<string> Validate(string topic, string json)
    {
        string? version;
        try
        {
            using var document = JsonDocument.Parse(json);
            version = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
        }
        catch (JsonException e)
        {
            return [$"not JSON: {e.Message}"];
        }
        if (version is not ("2.0.0" or "2.1.0")) return [$"version '{version}' is neither 2.0.0 nor 2.1.0"];
        return Validate(topic, version, json);
    }

    public static IReadOnlyList<string> Validate(string topic, string version, string json) =>
        [.. SchemaFor(topic, version).Validate(json).Select(e => $"{e.Path}: {e.Kind}")];

    /// <summary>The schema file for a topic and version, e.g. vda5050/2.1.0/state.schema (2.0.0 names its factsheet factsheet.json).</summary>
    public static JsonSchema SchemaFor(string topic, string version) => Schemas.GetOrAdd($"{version}/{topic}", _ =>
    {
        var file = topic == Vda5050Topics.Factsheet && version == "2.0.0" ? "factsheet.json" : $"{topic}.schema";
        var path = Path.Combine(AppContext.BaseDirectory, "vda5050", version, file);
        return JsonSchema.FromJsonAsync(File.ReadAllText(path)).GetAwaiter().GetResult();
    });

    public static IReadOnlyList<string> Validate<T>(string topic, T message) where T : Vda5050Message =>
        Validate(topic, message.Version, System.Text.Encoding.UTF8.GetString(Vda5050Json.Serialize(message)));
}
