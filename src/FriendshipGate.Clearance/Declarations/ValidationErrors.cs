namespace FriendshipGate.Clearance;

/// <summary>Errors by field path ("items[2].commodityCode"), each a rule in plain words; all are collected before answering.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    public void Add(string field, string rule) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(rule);

    public bool Has(string fieldPrefix) => errors.Keys.Any(k => k.StartsWith(fieldPrefix, StringComparison.Ordinal));

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
