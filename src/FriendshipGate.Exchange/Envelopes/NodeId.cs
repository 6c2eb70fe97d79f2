using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace FriendshipGate.Exchange;

/// <summary>A node's name on the exchange, its side first: <c>VN-HUUNGHI</c>, <c>CN-YOUYIGUAN</c>.</summary>
[JsonConverter(typeof(NodeIdJsonConverter))]
public readonly partial record struct NodeId
{
    private NodeId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-letter side (VN or CN) the node belongs to.</summary>
    public string Side => Value[..2];

    /// <exception cref="FormatException">The text is not two upper-case letters, a dash and 1–30 upper-case letters, digits or dashes.</exception>
    public static NodeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException(
            $"'{text}' is not a node id: expected a side (two upper-case letters), a dash and 1-30 upper-case letters, digits or dashes, e.g. VN-HUUNGHI.");

    public static bool TryParse(string? text, out NodeId id)
    {
        id = default;
        if (text is null || !Pattern().IsMatch(text)) return false;
        id = new NodeId(text);
        return true;
    }

    public override string ToString() => Value ?? "";

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9-]{1,30}\\z")]
    private static partial Regex Pattern();
}

internal sealed class NodeIdJsonConverter : JsonConverter<NodeId>
{
    public override NodeId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        NodeId.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, NodeId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
