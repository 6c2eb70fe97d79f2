using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>What must hold for a rule to fire; item conditions must all hold on one and the same item.</summary>
public sealed record RiskConditions(
    IReadOnlyList<string>? CommodityPrefixes = null, IReadOnlyList<string>? Origins = null, IReadOnlyList<string>? Traders = null,
    IReadOnlyList<string>? Flows = null, IReadOnlyList<string>? TransportModes = null, bool? Aeo = null, bool? Quarantine = null, bool? Perishable = null,
    decimal? UnitValuePerKgBelow = null, decimal? UnitValuePerKgAbove = null, decimal? GrossToNetRatioAbove = null,
    int? MinPriorDiscrepancies = null, int? MaxPriorDeclarations = null)
{
    public bool HasItemConditions => CommodityPrefixes is not null || Origins is not null || Quarantine is not null || Perishable is not null
        || UnitValuePerKgBelow is not null || UnitValuePerKgAbove is not null || GrossToNetRatioAbove is not null;
}

public sealed record RiskRule(string Id, Trilingual Title, string Lane, bool Enabled, RiskConditions When);

/// <summary>
/// A versioned rule file that officers read and edit (docs/clearance/risk-rules.md): criteria rules, a minimum random
/// selection per lane, the expected rate of each lane that top-up aims for, and the benefits of a recognised AEO.
/// </summary>
public sealed record RiskRuleSet(
    string Version, IReadOnlyDictionary<string, double> ExpectedRates, IReadOnlyDictionary<string, double> RandomRates,
    double AeoRandomRateFactor, bool AeoTopUp, IReadOnlyList<RiskRule> Rules)
{
    public static readonly string[] SelectableLanes = [RiskLanes.Red, RiskLanes.Yellow, RiskLanes.Blue];

    private static readonly HashSet<string> ConditionNames =
    [
        "commodityPrefixes", "origins", "traders", "flows", "transportModes", "aeo", "quarantine", "perishable",
        "unitValuePerKgBelow", "unitValuePerKgAbove", "grossToNetRatioAbove", "minPriorDiscrepancies", "maxPriorDeclarations",
    ];

    public double Expected(string lane) => ExpectedRates.GetValueOrDefault(lane);
    public double Random(string lane) => RandomRates.GetValueOrDefault(lane);

    public static RiskRuleSet LoadDefault()
    {
        using var stream = EmbeddedData.Open("risk-rules.json");
        return Load(stream);
    }

    /// <exception cref="InvalidDataException">Every error of the file at once, each with its JSON path.</exception>
    public static RiskRuleSet Load(Stream json)
    {
        var errors = new List<string>();
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
        if (string.IsNullOrWhiteSpace(version)) errors.Add("$.version: is required.");
        var expected = Rates(root, "expectedRates", errors);
        if (expected.Values.Sum() > 1) errors.Add($"$.expectedRates: the rates add up to {expected.Values.Sum():0.###}, more than 1 (green is the rest).");
        var random = Rates(root, "randomRates", errors);
        double factor = 1;
        var aeoTopUp = true;
        if (root.TryGetProperty("aeo", out var aeo))
        {
            if (aeo.TryGetProperty("randomRateFactor", out var f) && (f.ValueKind != JsonValueKind.Number || (factor = f.GetDouble()) is < 0 or > 1))
                errors.Add("$.aeo.randomRateFactor: must be a number between 0 and 1.");
            if (aeo.TryGetProperty("topUp", out var t)) aeoTopUp = t.ValueKind == JsonValueKind.True;
        }
        var rules = new List<RiskRule>();
        var ids = new HashSet<string>();
        if (!root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array) errors.Add("$.rules: is required (an array, possibly empty).");
        else
            for (var i = 0; i < list.GetArrayLength(); i++)
                if (ReadRule(list[i], $"$.rules[{i}]", ids, errors) is { } rule) rules.Add(rule);
        if (errors.Count > 0) throw new InvalidDataException("The risk rule file is not valid: " + string.Join(" ", errors));
        return new RiskRuleSet(version!, expected, random, factor, aeoTopUp, rules);
    }

    private static Dictionary<string, double> Rates(JsonElement root, string name, List<string> errors)
    {
        var rates = new Dictionary<string, double>();
        if (!root.TryGetProperty(name, out var element)) return rates;
        foreach (var property in element.EnumerateObject())
        {
            if (!SelectableLanes.Contains(property.Name)) errors.Add($"$.{name}.{property.Name}: '{property.Name}' is not a lane (red, yellow or blue; green is the rest).");
            else if (property.Value.ValueKind != JsonValueKind.Number || property.Value.GetDouble() is < 0 or > 1) errors.Add($"$.{name}.{property.Name}: must be a number between 0 and 1.");
            else rates[property.Name] = property.Value.GetDouble();
        }
        return rates;
    }

    private static RiskRule? ReadRule(JsonElement element, string path, HashSet<string> ids, List<string> errors)
    {
        var count = errors.Count;
        var id = element.TryGetProperty("id", out var i) ? i.GetString() : null;
        if (string.IsNullOrWhiteSpace(id)) errors.Add($"{path}.id: is required.");
        else if (!ids.Add(id)) errors.Add($"{path}.id: '{id}' is used by another rule.");
        var lane = element.TryGetProperty("lane", out var l) ? l.GetString() : null;
        if (!SelectableLanes.Contains(lane)) errors.Add($"{path}.lane: '{lane}' must be red, yellow or blue.");
        Trilingual? title = null;
        try { title = element.TryGetProperty("title", out var t) ? t.Deserialize<Trilingual>(WireJson.Options) : null; }
        catch (JsonException) { }
        if (title is null || (title.Vi ?? title.Zh ?? title.En) is null) errors.Add($"{path}.title: is required in at least one of vi, zh and en.");
        var enabled = !element.TryGetProperty("enabled", out var e) || e.ValueKind != JsonValueKind.False;
        RiskConditions? when = null;
        if (!element.TryGetProperty("when", out var w) || w.ValueKind != JsonValueKind.Object || !w.EnumerateObject().Any())
            errors.Add($"{path}.when: is required and must name at least one condition.");
        else
        {
            foreach (var property in w.EnumerateObject().Where(p => !ConditionNames.Contains(p.Name)))
                errors.Add($"{path}.when.{property.Name}: is not a condition; use {string.Join(", ", ConditionNames)}.");
            try { when = w.Deserialize<RiskConditions>(WireJson.Options); }
            catch (JsonException x) { errors.Add($"{path}.when: {x.Message.Split(" Path:")[0]}"); }
            if (when?.CommodityPrefixes?.Any(p => p.Length is 0 or > 10 || !p.All(char.IsAsciiDigit)) == true)
                errors.Add($"{path}.when.commodityPrefixes: each prefix must be 1-10 digits.");
        }
        return errors.Count > count ? null : new RiskRule(id!, title!, lane!, enabled, when!);
    }
}
