using System.Globalization;
using System.Text;

namespace FriendshipGate.Payments.Qr;

/// <summary>Writes data objects as ID, two-digit length in characters, value; a template is a writer of its own.</summary>
internal sealed class TlvWriter
{
    private readonly StringBuilder text = new();

    public bool IsEmpty => text.Length == 0;

    /// <summary>Appends a data object; a null or empty value is left out (every value has at least one character).</summary>
    public TlvWriter Add(string id, string? value)
    {
        if (string.IsNullOrEmpty(value)) return this;
        var length = QrText.Length(value);
        if (length > 99) throw new ArgumentException($"{id} would hold {length} characters; a data object holds at most 99.", nameof(value));
        text.Append(id).Append(length.ToString("D2", CultureInfo.InvariantCulture)).Append(value);
        return this;
    }

    public TlvWriter Add(string id, TlvWriter template) => template.IsEmpty ? this : Add(id, template.ToString());

    /// <summary>The payload with its checksum: "6304" then the CRC of everything up to and including "6304".</summary>
    public string WithCrc()
    {
        var body = text + "6304";
        return body + Crc16.Hex(body);
    }

    public override string ToString() => text.ToString();
}
