using System.Text.RegularExpressions;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The EMVCo merchant-presented rules every profile keeps (order, fixed values, amounts and fees, templates, the
/// checksum), and the core profile's presence rules.
/// </summary>
internal static partial class EmvcoRules
{
    public static readonly string[] CoreMandatory = ["52", "53", "58", "59", "60"];

    /// <summary>Checks what every profile shares; answers whether the checksum in 63 holds.</summary>
    public static bool CheckShared(QrPayload payload, QrProfile profile, List<QrViolation> errors)
    {
        CheckOrder(payload, profile, errors);
        CheckValues(payload, errors);
        CheckTemplates(payload, errors);
        return CheckCrc(payload, errors);
    }

    /// <summary>The core profile: the data objects EMVCo makes mandatory, and at least one merchant account.</summary>
    public static void CheckCorePresence(QrPayload payload, QrProfile profile, List<QrViolation> errors)
    {
        foreach (var tag in CoreMandatory) Mandatory(payload, tag, profile, errors);
        if (!payload.Fields.Any(f => IsMerchantAccount(f.Id)))
            errors.Add(new("02-51", QrRule.Mandatory, $"at least one merchant account information data object (02–51) is mandatory under the {profile} profile."));
    }

    public static void Mandatory(QrPayload payload, string tag, QrProfile profile, List<QrViolation> errors, string? name = null)
    {
        if (payload.Find(tag) is null) errors.Add(new(tag, QrRule.Mandatory, $"{name ?? NameOf(tag)} ({tag}) is mandatory under the {profile} profile."));
    }

    public static bool IsMerchantAccount(string id) => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) is >= 2 and <= 51;

    private static void CheckOrder(QrPayload payload, QrProfile profile, List<QrViolation> errors)
    {
        foreach (var tag in new[] { "00", "63" }) Mandatory(payload, tag, profile, errors);
        if (payload.Fields.Count > 0 && payload.Fields[0].Id != "00" && payload.Find("00") is not null)
            errors.Add(new("00", QrRule.Order, "the payload format indicator (00) must be the first data object."));
        if (payload.Find("63") is { } crc && !ReferenceEquals(payload.Fields[^1], crc))
            errors.Add(new("63", QrRule.Order, "the CRC (63) must be the last data object."));
    }

    private static void CheckValues(QrPayload payload, List<QrViolation> errors)
    {
        if (payload.Find("00") is { Value: not "01" } format)
            errors.Add(new("00", QrRule.Value, $"the payload format indicator (00) is '{format.Value}'; it must be '01'."));
        if (payload.Find("01") is { Value: not ("11" or "12") } initiation)
            errors.Add(new("01", QrRule.Value, $"the point of initiation method (01) is '{initiation.Value}'; it must be '11' (static) or '12' (dynamic)."));
        var currency = payload.Find("53")?.Value;
        CheckAmount(payload.Find("54"), currency, errors);
        CheckFees(payload, currency, errors);
        if (payload.Find("58") is { Length: 2 } country && !country.Value.All(char.IsAsciiLetterUpper))
            errors.Add(new("58", QrRule.Format, $"the country code (58) is '{country.Value}'; it must be two capital letters (ISO 3166-1 alpha-2)."));
        if (payload.Find("62.09") is { Length: > 0 } request && (request.Value.Any(c => c is not ('A' or 'M' or 'E')) || request.Value.Distinct().Count() != request.Value.Length))
            errors.Add(new("62.09", QrRule.Value, $"the additional consumer data request (62.09) is '{request.Value}'; it may hold only A, M and E, each once."));
        if (payload.Find("64.00") is { Length: 2 } language && !language.Value.All(char.IsAsciiLetter))
            errors.Add(new("64.00", QrRule.Format, $"the language preference (64.00) is '{language.Value}'; it must be two letters (ISO 639-1)."));
    }

    private static void CheckAmount(QrField? amount, string? currency, List<QrViolation> errors, string what = "transaction amount")
    {
        if (amount is null || amount.Length == 0) return;
        if (!Amount().IsMatch(amount.Value))
        {
            errors.Add(new(amount.Tag, QrRule.Format, $"the {what} ({amount.Tag}) is '{amount.Value}'; it must be digits with an optional '.' and decimals, e.g. 150000 or 23.72."));
            return;
        }
        var decimals = amount.Value.Contains('.') ? amount.Value.Length - amount.Value.IndexOf('.') - 1 : 0;
        if (currency is not null && QrCurrencies.TryGet(currency, out var code, out var minorUnits) && decimals > minorUnits)
            errors.Add(new(amount.Tag, QrRule.Value, minorUnits == 0
                ? $"the {what} ({amount.Tag}) is '{amount.Value}'; {code} ({currency}) has no minor unit, so it takes no decimals."
                : $"the {what} ({amount.Tag}) is '{amount.Value}'; {code} ({currency}) takes at most {minorUnits} decimals."));
    }

    // 55 says whether the app prompts for a tip (01), adds the fixed fee in 56 (02) or the percentage in 57 (03).
    private static void CheckFees(QrPayload payload, string? currency, List<QrViolation> errors)
    {
        var indicator = payload.Find("55")?.Value;
        if (indicator is not null and not ("01" or "02" or "03"))
            errors.Add(new("55", QrRule.Value, $"the tip or convenience indicator (55) is '{indicator}'; it must be 01, 02 or 03."));
        foreach (var (tag, needs) in new[] { ("56", "02"), ("57", "03") })
        {
            var present = payload.Find(tag) is not null;
            if (indicator == needs && !present)
                errors.Add(new(tag, QrRule.Mandatory, $"{NameOf(tag)} ({tag}) is mandatory when 55 is '{needs}'."));
            else if (indicator != needs && present)
                errors.Add(new(tag, QrRule.Value, $"{NameOf(tag)} ({tag}) may be present only when 55 is '{needs}'."));
        }
        CheckAmount(payload.Find("56"), currency, errors, "fixed convenience fee");
        if (payload.Find("57") is { Length: > 0 } percentage
            && !(Percentage().IsMatch(percentage.Value) && decimal.Parse(percentage.Value, System.Globalization.CultureInfo.InvariantCulture) is >= 0.01m and <= 99.99m))
            errors.Add(new("57", QrRule.Value, $"the convenience fee percentage (57) is '{percentage.Value}'; it must be between 00.01 and 99.99."));
    }

    // Merchant account templates (26–51), unreserved templates (80–99) and payment system templates in 62 say whose they are in 00.
    private static void CheckTemplates(QrPayload payload, List<QrViolation> errors)
    {
        foreach (var template in payload.All().Where(f => f.Fields is not null && NeedsGuid(f)))
            if (template.Child("00") is null)
                errors.Add(new(template.Tag + ".00", QrRule.Mandatory, $"the template {template.Tag} must name its owner with a globally unique identifier in {template.Tag}.00."));
        if (payload.Find("64") is { Fields: not null } language)
            foreach (var id in new[] { "00", "01" })
                if (language.Child(id) is null)
                    errors.Add(new("64." + id, QrRule.Mandatory, $"{(id == "00" ? "the language preference" : "the merchant name in the alternate language")} (64.{id}) is mandatory in the language template."));
    }

    private static bool NeedsGuid(QrField template) => template.Scope switch
    {
        QrScope.Root => template.Id is not ("62" or "64"),
        QrScope.AdditionalData => true,
        _ => false,
    };

    private static bool CheckCrc(QrPayload payload, List<QrViolation> errors)
    {
        if (payload.Find("63") is not { Length: 4 } crc) return false;
        if (!crc.Value.All(char.IsAsciiHexDigit))
        {
            errors.Add(new("63", QrRule.Format, $"the CRC (63) is '{crc.Value}'; it must be four hexadecimal digits."));
            return false;
        }
        // The checksum covers everything before its own value, its ID and length included.
        var expected = Crc16.Hex(payload.Raw[..(crc.Start + 4)]);
        if (string.Equals(expected, crc.Value, StringComparison.OrdinalIgnoreCase)) return true;
        errors.Add(new("63", QrRule.Crc, $"the payload carries CRC {crc.Value} but its content gives {expected}: it was altered, cut or mistyped."));
        return false;
    }

    private static string NameOf(string tag) => tag.Contains('.') ? "The data object" : QrTagCatalog.Spec(QrScope.Root, tag).Name;

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,2})?$")]
    private static partial Regex Percentage();
}
