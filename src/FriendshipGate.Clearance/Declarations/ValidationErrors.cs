using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>
/// Errors by field path ("items[2].commodityCode"), each a rule in plain words in Vietnamese, Chinese and English; all are
/// collected before answering.
/// </summary>
public sealed class ValidationErrors
{
    /// <summary>The most common rule: the field must be given.</summary>
    public static readonly Trilingual IsRequired = new(Vi: "là bắt buộc.", Zh: "必填。", En: "is required.");

    private readonly Dictionary<string, List<Trilingual>> errors = [];

    public bool Any => errors.Count > 0;

    /// <summary>Every broken rule with its field, in the order the fields were first reported (for the screens).</summary>
    public IEnumerable<(string Field, Trilingual Rule)> Entries => errors.SelectMany(e => e.Value.Select(rule => (e.Key, rule)));

    public void Add(string field, Trilingual rule) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(rule);

    /// <summary>A rule in the three languages, English first (the text the API answers by default).</summary>
    public void Add(string field, string en, string vi, string zh) => Add(field, new Trilingual(vi, zh, en));

    public bool Has(string fieldPrefix) => errors.Keys.Any(k => k.StartsWith(fieldPrefix, StringComparison.Ordinal));

    /// <summary>Every broken rule in English on one line ("field rule; field rule"), for logs and exception messages.</summary>
    public override string ToString() => string.Join("; ", ToDictionary().Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));

    /// <summary>Field → messages in <paramref name="language"/> (vi, zh or en; English when a text is missing).</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary(string language = "en") =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(rule => rule.In(language) ?? "").ToArray());
}
