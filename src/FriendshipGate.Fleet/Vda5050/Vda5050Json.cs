using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Fleet;

/// <summary>
/// JSON as the VDA 5050 schemas write it: camelCase fields, enums as upper-case strings ('CONNECTIONBROKEN'),
/// absent optional fields left out rather than null, timestamps as ISO 8601 UTC.
/// </summary>
public static class Vda5050Json
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Fields added by a later minor version must not break a reader of an earlier one.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(new UpperCaseNaming(), allowIntegerValues: false));
        options.Converters.Add(new TimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    /// <exception cref="JsonException">The payload is not a message of this type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new JsonException($"empty {typeof(T).Name} message.");

    /// <summary>ConnectionBroken → CONNECTIONBROKEN, SemiAutomatic → SEMIAUTOMATIC: the schemas' enum spelling.</summary>
    private sealed class UpperCaseNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToUpperInvariant();
    }

    /// <summary>YYYY-MM-DDTHH:mm:ss.fffZ, always UTC (VDA 5050 6.4).</summary>
    private sealed class TimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("timestamp is null."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
