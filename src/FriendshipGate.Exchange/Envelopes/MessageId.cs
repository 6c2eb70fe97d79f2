using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Exchange;

/// <summary>A message's id: a UUIDv7, so ids sort by creation time.</summary>
[JsonConverter(typeof(MessageIdJsonConverter))]
public readonly record struct MessageId
{
    private MessageId(Guid value) => Value = value;

    public Guid Value { get; }

    public static MessageId New(TimeProvider time) => new(Guid.CreateVersion7(time.GetUtcNow()));

    /// <exception cref="FormatException">The text is not a UUID of version 7.</exception>
    public static MessageId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a message id: expected a UUID of version 7.");

    public static bool TryParse(string? text, out MessageId id)
    {
        id = default;
        // Exactly 36 characters (no padding), version 7, RFC 9562 variant (10xx).
        if (text is not { Length: 36 } || !Guid.TryParseExact(text, "D", out var guid) || guid.Version != 7 || (guid.Variant & 0xC) != 0x8) return false;
        id = new MessageId(guid);
        return true;
    }

    public override string ToString() => Value.ToString("D");
}

internal sealed class MessageIdJsonConverter : JsonConverter<MessageId>
{
    public override MessageId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        MessageId.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, MessageId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
