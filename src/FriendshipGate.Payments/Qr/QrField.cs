using System.Text.Json.Serialization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// One data object as it was read: its tag as a path ("62.08"), its two-digit ID, a name, the length it declared (in
/// characters), the raw value, and for a template the data objects inside it, in the order they were written. The name is
/// English unless the field was put in another language (<see cref="In"/>).
/// </summary>
public sealed record QrField(string Tag, string Id, string Name, int Length, string Value)
{
    /// <summary>The name in Vietnamese, Chinese and English.</summary>
    [JsonIgnore]
    public Trilingual? Names { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QrField>? Fields { get; init; }

    /// <summary>Where the data object sits (which decides what its ID means).</summary>
    [JsonIgnore]
    internal QrScope Scope { get; init; }

    /// <summary>The UTF-16 index of its ID in the text it was read from (the payload for a root data object).</summary>
    [JsonIgnore]
    internal int Start { get; init; }

    /// <summary>The first data object with ID <paramref name="id"/> inside this template, if any.</summary>
    public QrField? Child(string id) => Fields?.FirstOrDefault(f => f.Id == id);

    /// <summary>The same data object, and those inside it, named in <paramref name="language"/> (vi, zh or en).</summary>
    public QrField In(string language) => this with
    {
        Name = Names?.In(language) ?? Name,
        Fields = Fields?.Select(f => f.In(language)).ToList(),
    };
}

/// <summary>A payload read into its tree: the raw text and its root data objects in order.</summary>
public sealed record QrPayload(string Raw, IReadOnlyList<QrField> Fields)
{
    /// <summary>The first data object at a path such as "38.01.00", following the first occurrence at each level.</summary>
    public QrField? Find(string tag)
    {
        IReadOnlyList<QrField>? level = Fields;
        QrField? found = null;
        foreach (var id in tag.Split('.'))
        {
            found = level?.FirstOrDefault(f => f.Id == id);
            if (found is null) return null;
            level = found.Fields;
        }
        return found;
    }

    /// <summary>
    /// The tree written back as text: each data object with its declared length, a template rebuilt from its children. For
    /// a payload read without structural faults this gives back exactly the text that was read.
    /// </summary>
    public string Write() => Write(Fields);

    /// <summary>Every data object, depth first, in the order written.</summary>
    public IEnumerable<QrField> All() => Flatten(Fields);

    private static string Write(IEnumerable<QrField> fields) =>
        string.Concat(fields.Select(f => f.Id + f.Length.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + (f.Fields is null ? f.Value : Write(f.Fields))));

    private static IEnumerable<QrField> Flatten(IEnumerable<QrField> fields) =>
        fields.SelectMany(f => f.Fields is null ? [f] : new[] { f }.Concat(Flatten(f.Fields)));
}

/// <summary>Text measured the way EMVCo lengths count it: in characters (Unicode code points), never in bytes.</summary>
public static class QrText
{
    public static int Length(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) count++;
        return count;
    }

    /// <summary>The UTF-16 index <paramref name="characters"/> characters after <paramref name="from"/>, or the end of the text.</summary>
    internal static int Advance(string text, int from, int characters, out int counted)
    {
        var at = from;
        counted = 0;
        while (counted < characters && at < text.Length)
        {
            at += char.IsSurrogatePair(text, at) ? 2 : 1;
            counted++;
        }
        return at;
    }

    /// <summary>
    /// As <see cref="Advance"/>, but <paramref name="bytes"/> counts UTF-8 bytes, the way some producers wrongly count; a
    /// character that would cross the count is not taken.
    /// </summary>
    internal static int AdvanceBytes(string text, int from, int bytes, out int counted)
    {
        var at = from;
        counted = 0;
        while (at < text.Length)
        {
            var width = char.IsSurrogatePair(text, at) ? 2 : 1;
            var size = System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(at, width));
            if (counted + size > bytes) break;
            counted += size;
            at += width;
        }
        return at;
    }
}
