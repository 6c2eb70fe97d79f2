using System.Text.RegularExpressions;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>
/// The rules a declaration must meet. Every broken rule is reported at once, each naming its field, so the trader fixes
/// everything in one go (the portal calls the dry run as the trader types).
/// </summary>
public static partial class DeclarationRules
{
    public const int MaxItems = 999;

    /// <summary>UN/ECE Recommendation 20 units accepted for quantities.</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string> { "KGM", "TNE", "NAR", "H87", "C62", "CT", "BX", "BG", "PK", "LTR", "MTQ", "MTK", "PR", "SET" };

    public static DeclarationContent? Check(DeclarationInput input, DeclarationContext context, ValidationErrors errors)
    {
        var type = input.Type?.Trim().ToLowerInvariant();
        if (type is null) errors.Add("type", "is required: export, import or transit.");
        else if (!DeclarationType.All.Contains(type)) errors.Add("type", $"'{input.Type}' must be export, import or transit.");

        var kind = input.Kind?.Trim().ToLowerInvariant() ?? DeclarationKind.Complete;
        if (kind is not (DeclarationKind.Complete or DeclarationKind.Summary)) errors.Add("kind", $"'{input.Kind}' must be complete or summary.");
        else if (kind == DeclarationKind.Summary && (context.Side != "CN" || type != DeclarationType.Import))
            errors.Add("kind", "a summary declaration (two-step) is China's option for imports only.");
        var summary = kind == DeclarationKind.Summary;

        var exporter = CheckParty(input.Exporter, "exporter", required: true, context, errors);
        var importer = CheckParty(input.Importer, "importer", required: true, context, errors);
        var declarant = CheckParty(input.Declarant, "declarant", required: false, context, errors);
        if (type == DeclarationType.Export && exporter?.Country is { } ec && ec != context.Side)
            errors.Add("exporter.country", $"an export declared in {context.Side} has an exporter in {context.Side}, not {ec}.");
        if (type == DeclarationType.Import && importer?.Country is { } ic && ic != context.Side)
            errors.Add("importer.country", $"an import declared in {context.Side} has an importer in {context.Side}, not {ic}.");

        var items = new List<GoodsItem>();
        if (input.Items is not { Count: > 0 }) errors.Add("items", "at least one goods item is required.");
        else if (input.Items.Count > MaxItems) errors.Add("items", $"at most {MaxItems} goods items per declaration.");
        else
            for (var i = 0; i < input.Items.Count; i++)
                if (CheckItem(input.Items[i], i, type, summary, context, errors) is { } item) items.Add(item);

        var transport = CheckTransport(input.Transport, errors);
        var documents = ProtocolRules.Check(input.Documents, type ?? "", summary, items, context, errors);
        if (errors.Any) return null;
        return new DeclarationContent(type!, kind, exporter!, importer!, declarant, items, transport!, documents!);
    }

    private static Party? CheckParty(PartyInput? input, string field, bool required, DeclarationContext context, ValidationErrors errors)
    {
        if (input is null)
        {
            if (required) errors.Add(field, "is required.");
            return null;
        }
        var id = input.Id?.Trim();
        if (string.IsNullOrEmpty(id)) errors.Add($"{field}.id", "is required (the company's tax or enterprise code).");
        else if (!CompanyId().IsMatch(id)) errors.Add($"{field}.id", $"'{id}' must be 3-20 letters, digits or dashes.");
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add($"{field}.name", "is required.");
        else if (name.Length > 200) errors.Add($"{field}.name", "must be at most 200 characters.");
        var country = input.Country?.Trim().ToUpperInvariant();
        if (country is not null && !CountryCode().IsMatch(country)) errors.Add($"{field}.country", $"'{input.Country}' must be an ISO 3166 alpha-2 code such as VN or CN.");
        var aeoId = input.AeoId?.Trim();
        if (!string.IsNullOrEmpty(aeoId) && id is not null)
        {
            if (context.FindAeo(aeoId) is not { } aeo)
                errors.Add($"{field}.aeoId", $"{aeoId} is in neither side's AEO register.");
            else if (!aeo.GivesBenefits)
                errors.Add($"{field}.aeoId", $"{aeoId} was {aeo.Status} on {aeo.Since:yyyy-MM-dd} by {aeo.Side} customs and no longer gives AEO benefits; remove it to declare without them.");
            else if (!string.Equals(aeo.CompanyId, id, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{field}.aeoId", $"{aeoId} is granted to company {aeo.CompanyId}, not {id}.");
        }
        return errors.Has(field + ".") ? null : new Party(id!, name!, country, string.IsNullOrEmpty(aeoId) ? null : aeoId);
    }

    private static GoodsItem? CheckItem(GoodsItemInput? input, int index, string? type, bool summary, DeclarationContext context, ValidationErrors errors)
    {
        var field = $"items[{index}]";
        if (input is null)
        {
            errors.Add(field, "is empty.");
            return null;
        }
        var description = input.Description;
        if (description is null || (string.IsNullOrWhiteSpace(description.Vi) && string.IsNullOrWhiteSpace(description.Zh) && string.IsNullOrWhiteSpace(description.En)))
            errors.Add($"{field}.description", "is required in at least one of vi, zh and en.");
        else if (new[] { description.Vi, description.Zh, description.En }.Any(d => d?.Length > 500))
            errors.Add($"{field}.description", "must be at most 500 characters in each language.");

        var code = input.CommodityCode?.Replace(".", "", StringComparison.Ordinal).Trim();
        var digits = context.Side == "VN" ? 8 : 10;
        if (string.IsNullOrEmpty(code)) errors.Add($"{field}.commodityCode", $"is required ({context.Side}'s {digits}-digit code).");
        else if (code.Length != digits || !code.All(char.IsAsciiDigit))
            errors.Add($"{field}.commodityCode", $"'{input.CommodityCode}' must be {context.Side}'s {digits}-digit national code.");
        else if (type == DeclarationType.Export && context.Crosswalk.Lookup(code) is { Status: not CrosswalkLookup.Mapped } lookup)
            errors.Add($"{field}.commodityCode", lookup.Status == CrosswalkLookup.Unknown
                ? $"{code} is not in goods crosswalk {lookup.CrosswalkVersion}, so it cannot be shared with {DeclarationContent.Other(context.Side)}; codes are never guessed."
                : $"{code} has no mapping to {DeclarationContent.Other(context.Side)} codes in goods crosswalk {lookup.CrosswalkVersion}; codes are never guessed.");

        if (input.Quantity is not { } quantity) errors.Add($"{field}.quantity", "is required.");
        else if (quantity <= 0 || quantity > 1_000_000_000) errors.Add($"{field}.quantity", "must be more than 0 and at most 1,000,000,000.");
        var unit = input.Unit?.Trim().ToUpperInvariant();
        if (unit is null) errors.Add($"{field}.unit", "is required (UN/ECE Rec. 20, e.g. KGM).");
        else if (!Units.Contains(unit)) errors.Add($"{field}.unit", $"'{input.Unit}' must be one of {string.Join(", ", Units)} (UN/ECE Rec. 20).");
        if (input.NetKg is not { } net) errors.Add($"{field}.netKg", "is required.");
        else if (net <= 0 || net > 100_000) errors.Add($"{field}.netKg", "must be more than 0 and at most 100,000 kg.");
        if (input.GrossKg is not { } gross) errors.Add($"{field}.grossKg", "is required.");
        else if (gross <= 0 || gross > 100_000) errors.Add($"{field}.grossKg", "must be more than 0 and at most 100,000 kg.");
        else if (input.NetKg is { } n && gross < n) errors.Add($"{field}.grossKg", $"{gross} kg is less than the net weight {n} kg.");
        if (input.Value is { } value && (value < 0 || value > 1_000_000_000_000)) errors.Add($"{field}.value", "must be at least 0 and at most 10^12.");
        else if (input.Value is null && !summary) errors.Add($"{field}.value", "is required (a summary declaration may leave it for the complete one).");
        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (input.Value is not null && currency is null) errors.Add($"{field}.currency", "is required with a value (ISO 4217, e.g. USD).");
        else if (currency is not null && !CurrencyCode().IsMatch(currency)) errors.Add($"{field}.currency", $"'{input.Currency}' must be an ISO 4217 code such as USD, CNY or VND.");
        var origin = input.Origin?.Trim().ToUpperInvariant();
        if (origin is null) errors.Add($"{field}.origin", "is required (ISO 3166 alpha-2 country of origin).");
        else if (!CountryCode().IsMatch(origin)) errors.Add($"{field}.origin", $"'{input.Origin}' must be an ISO 3166 alpha-2 code such as VN.");

        var product = input.Product?.Trim();
        return errors.Has(field + ".") || errors.Has(field + "]") ? null
            : new GoodsItem(index + 1, description!, code!, string.IsNullOrEmpty(product) ? null : product, input.Quantity!.Value, unit!,
                input.NetKg!.Value, input.GrossKg!.Value, input.Value, currency, origin!);
    }

    private static Transport? CheckTransport(TransportInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("transport", "is required.");
            return null;
        }
        var mode = input.Mode?.Trim().ToLowerInvariant();
        if (mode is null) errors.Add("transport.mode", "is required: road, rail or unmanned.");
        else if (!TransportMode.All.Contains(mode)) errors.Add("transport.mode", $"'{input.Mode}' must be road, rail or unmanned.");
        var plate = input.Plate?.Trim().ToUpperInvariant();
        var nationality = input.Nationality?.Trim().ToUpperInvariant();
        if (mode == TransportMode.Road && string.IsNullOrEmpty(plate)) errors.Add("transport.plate", "is required for road transport.");
        else if (plate is { Length: > 0 } && (plate.Length is < 4 or > 16)) errors.Add("transport.plate", $"'{plate}' must be 4-16 characters.");
        if (mode == TransportMode.Road && string.IsNullOrEmpty(nationality)) errors.Add("transport.nationality", "is required for road transport (ISO 3166 alpha-2).");
        else if (nationality is { Length: > 0 } && !CountryCode().IsMatch(nationality)) errors.Add("transport.nationality", $"'{nationality}' must be an ISO 3166 alpha-2 code.");
        var containers = new List<string>();
        for (var i = 0; i < (input.Containers?.Count ?? 0); i++)
        {
            if (!ContainerNumber.TryParse(input.Containers![i], out var number, out var reason)) errors.Add($"transport.containers[{i}]", reason);
            else if (containers.Contains(number.Value)) errors.Add($"transport.containers[{i}]", $"{number} is listed twice.");
            else containers.Add(number.Value);
        }
        if (mode == TransportMode.Unmanned && input.Containers is not { Count: > 0 }) errors.Add("transport.containers", "an unmanned vehicle carries at least one container.");
        var seals = new List<string>();
        for (var i = 0; i < (input.Seals?.Count ?? 0); i++)
        {
            var seal = input.Seals![i]?.Trim().ToUpperInvariant();
            if (seal is null || !SealNumber().IsMatch(seal)) errors.Add($"transport.seals[{i}]", $"'{input.Seals[i]}' must be 4-20 letters, digits or dashes.");
            else seals.Add(seal);
        }
        return errors.Has("transport") ? null : new Transport(mode!, plate is { Length: > 0 } ? plate : null, nationality is { Length: > 0 } ? nationality : null, containers, seals);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{3,20}$")]
    private static partial Regex CompanyId();

    [GeneratedRegex("^[A-Z]{2}$")]
    internal static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Z0-9-]{4,20}$")]
    private static partial Regex SealNumber();
}
