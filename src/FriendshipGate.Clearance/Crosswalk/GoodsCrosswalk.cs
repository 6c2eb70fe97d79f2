using System.Text.Json;
using System.Text.Json.Serialization;

namespace FriendshipGate.Clearance;

/// <summary>A code of one side's nomenclature: Viet Nam's 8-digit or China's 10-digit codes.</summary>
public sealed record NationalCode(
    string Code, IReadOnlyDictionary<string, string> Description, bool Perishable, bool Verified,
    IReadOnlyList<string>? DeclarationElements = null, string? SupervisionConditions = null, string? InspectionCategories = null,
    bool Quarantine = false)
{
    /// <summary>The side whose nomenclature the code belongs to, from its length.</summary>
    public string Side => Code.Length == 8 ? "VN" : "CN";
}

/// <summary>One mapping between the two nomenclatures: 1:1, 1:n (one VN code, several CN codes) or n:1.</summary>
public sealed record CodeMapping(string Type, IReadOnlyList<string> Vn, IReadOnlyList<string> Cn, string? Note);

/// <summary>What the crosswalk says of one code: its entry, and the other side's candidate codes (none when unmapped).</summary>
public sealed record CrosswalkLookup(string Code, string Side, string Status, NationalCode? Entry, string? MappingType, IReadOnlyList<NationalCode> Candidates, string CrosswalkVersion)
{
    public const string Mapped = "mapped", Unmapped = "unmapped", Unknown = "unknown";
}

/// <summary>
/// The versioned VN↔CN goods crosswalk shipped in data/clearance/crosswalk.json (provenance next to it). Only the 6-digit
/// HS level is common to both sides, so a code maps to candidates, never to a guess: an unmapped code says so.
/// </summary>
public sealed class GoodsCrosswalk
{
    private readonly Dictionary<string, NationalCode> codes;
    private readonly Dictionary<string, CodeMapping> mappingOf;

    public GoodsCrosswalk(string version, int vnTariffYear, int cnTariffYear, IEnumerable<NationalCode> codes, IEnumerable<CodeMapping> mappings)
    {
        Version = version;
        VnTariffYear = vnTariffYear;
        CnTariffYear = cnTariffYear;
        this.codes = [];
        var errors = new List<string>();
        foreach (var code in codes)
        {
            if (!IsCodeShape(code.Code)) errors.Add($"'{code.Code}' is neither an 8-digit VN nor a 10-digit CN code.");
            else if (!this.codes.TryAdd(code.Code, code)) errors.Add($"{code.Code} is listed twice.");
        }
        mappingOf = [];
        foreach (var mapping in mappings)
        {
            var expected = (mapping.Vn.Count, mapping.Cn.Count) switch { (1, 1) => "1:1", (1, > 1) => "1:n", ( > 1, 1) => "n:1", _ => null };
            if (expected is null || expected != mapping.Type)
                errors.Add($"mapping {string.Join('+', mapping.Vn)} → {string.Join('+', mapping.Cn)} is typed '{mapping.Type}' but has {mapping.Vn.Count}:{mapping.Cn.Count} codes.");
            foreach (var code in mapping.Vn.Concat(mapping.Cn))
            {
                if (!this.codes.ContainsKey(code)) errors.Add($"mapping names {code}, which is not listed.");
                if (!mappingOf.TryAdd(code, mapping)) errors.Add($"{code} appears in more than one mapping.");
            }
            if (mapping.Vn.Any(c => c.Length != 8) || mapping.Cn.Any(c => c.Length != 10)) errors.Add($"mapping {string.Join('+', mapping.Vn)} has codes on the wrong side.");
        }
        if (errors.Count > 0) throw new InvalidDataException("The goods crosswalk is not valid: " + string.Join(" ", errors));
    }

    public string Version { get; }
    public int VnTariffYear { get; }
    public int CnTariffYear { get; }
    public IEnumerable<NationalCode> Codes => codes.Values;
    public IEnumerable<CodeMapping> Mappings => mappingOf.Values.Distinct();

    public static bool IsCodeShape(string code) => code.Length is 8 or 10 && code.All(char.IsAsciiDigit);

    public NationalCode? Find(string code) => codes.GetValueOrDefault(code);

    public CrosswalkLookup Lookup(string code)
    {
        var side = code.Length == 8 ? "VN" : "CN";
        if (!codes.TryGetValue(code, out var entry)) return new(code, side, CrosswalkLookup.Unknown, null, null, [], Version);
        if (!mappingOf.TryGetValue(code, out var mapping)) return new(code, side, CrosswalkLookup.Unmapped, entry, null, [], Version);
        var other = side == "VN" ? mapping.Cn : mapping.Vn;
        return new(code, side, CrosswalkLookup.Mapped, entry, mapping.Type, other.Select(c => codes[c]).ToList(), Version);
    }

    /// <summary>Loads the crosswalk embedded from data/clearance/crosswalk.json.</summary>
    public static GoodsCrosswalk LoadEmbedded() => Load(EmbeddedData.Open("crosswalk.json"));

    public static GoodsCrosswalk Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CrosswalkFile>(json, EmbeddedData.JsonOptions) ?? throw new InvalidDataException("The crosswalk file is empty.");
        return new GoodsCrosswalk(file.Version, file.VnTariff.Year, file.CnTariff.Year, file.Vn.Concat(file.Cn), file.Mappings);
    }

    private sealed record Tariff(int Year, string? Title, string? Source);

    private sealed record CrosswalkFile(
        string Version, Tariff VnTariff, Tariff CnTariff, List<NationalCode> Vn, List<NationalCode> Cn, List<CodeMapping> Mappings);
}

internal static class EmbeddedData
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static Stream Open(string name) => typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"{name} is not embedded in the Clearance assembly.");
}
