using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace FriendshipGate.Hydrology;

/// <summary>A gauging station's code: the operating side, a dash, 2–16 upper-case letters or digits (VN-LAOCAI).</summary>
[JsonConverter(typeof(StationCodeJsonConverter))]
public readonly partial record struct StationCode
{
    private StationCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The side (VN or CN) that operates the station.</summary>
    public string Side => Value[..2];

    /// <exception cref="FormatException">Not a side, a dash and 2–16 upper-case letters or digits.</exception>
    public static StationCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException(
            $"'{text}' is not a station code: expected the side (VN or CN), a dash and 2-16 upper-case letters or digits, e.g. VN-LAOCAI.");

    public static bool TryParse(string? text, out StationCode code)
    {
        code = default;
        if (text is null || !Pattern().IsMatch(text)) return false;
        code = new StationCode(text);
        return true;
    }

    public override string ToString() => Value ?? "";

    [GeneratedRegex("^(VN|CN)-[A-Z0-9]{2,16}\\z")]
    private static partial Regex Pattern();
}

internal sealed class StationCodeJsonConverter : JsonConverter<StationCode>
{
    public override StationCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StationCode.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, StationCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
