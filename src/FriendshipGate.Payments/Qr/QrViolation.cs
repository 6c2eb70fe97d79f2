using System.Text.Json.Serialization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// One broken rule: the tag it concerns as a path ("59", "38.01.00", or "payload" for the payload as a whole), a short
/// machine code from <see cref="QrRule"/>, and a sentence in Vietnamese, Chinese and English. <see cref="Message"/> is the
/// sentence in <see cref="Language"/>: English unless a reader asked for another (<see cref="In"/>), so that clients written
/// before the translations read what they always read.
/// </summary>
public sealed record QrViolation(string Tag, string Rule, [property: JsonIgnore] Trilingual Text)
{
    /// <summary>vi, zh or en: the language <see cref="Message"/> is in.</summary>
    [JsonIgnore]
    public string Language { get; init; } = "en";

    public string Message => Text.In(Language) ?? "";

    /// <summary>The same violation, its message in <paramref name="language"/> (vi, zh or en).</summary>
    public QrViolation In(string language) => this with { Language = language };

    public override string ToString() => $"{Tag} {Rule}: {Message}";
}

/// <summary>The rule codes a violation carries (docs/payments/emvco-qr.md, section 6).</summary>
public static class QrRule
{
    /// <summary>A data object the profile requires is absent.</summary>
    public const string Mandatory = "mandatory";

    /// <summary>A length is wrong: too long or short for the tag, a declared length of 00, or a length that runs past the end.</summary>
    public const string Length = "length";

    /// <summary>An ID or length is not two digits, or a value holds characters its format does not allow.</summary>
    public const string Format = "format";

    /// <summary>The checksum in ID 63 does not match the payload.</summary>
    public const string Crc = "crc";

    /// <summary>An ID appears more than once in the same template.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>ID 00 is not first or ID 63 is not last.</summary>
    public const string Order = "order";

    /// <summary>A well-formed value that the profile does not allow (a fixed value, a code list, a range, a dependency).</summary>
    public const string Value = "value";

    public static readonly IReadOnlyList<string> All = [Mandatory, Length, Format, Crc, Duplicate, Order, Value];
}
