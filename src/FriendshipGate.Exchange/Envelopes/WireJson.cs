using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Exchange;

/// <summary>JSON settings of everything on the wire: camelCase, ISO 8601 times with an offset, numbers as numbers, no nulls written.</summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The protocol says numbers are JSON numbers: "76.5" in quotes is refused, not read.
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new OffsetRequiredConverter() },
    };

    /// <summary>Times on the wire: UTC, millisecond precision, "Z".</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>A time without "Z" or an offset means a different instant on each machine: it is refused.</summary>
    private sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException("a time is required.");
            var time = text.Length > 10 ? text[10..] : "";
            if (!(time.EndsWith('Z') || time.EndsWith('z') || time.LastIndexOfAny(['+', '-']) is var sign and > 0 && time.Length - sign == 6 && time[^3] == ':'))
                throw new JsonException($"'{text}' has no offset: write times as ISO 8601 with Z or ±hh:mm.");
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value : throw new JsonException($"'{text}' is not an ISO 8601 time.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
