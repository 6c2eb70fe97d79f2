using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Exchange;

/// <summary>JSON settings of everything on the wire: camelCase, ISO 8601 times, no nulls written.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Times on the wire: UTC, millisecond precision, "Z".</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
