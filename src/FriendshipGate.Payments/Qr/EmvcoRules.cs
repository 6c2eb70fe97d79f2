using System.Text.RegularExpressions;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The EMVCo merchant-presented rules every profile keeps (order, fixed values, amounts and fees, templates, the
/// checksum), and the core profile's presence rules.
/// </summary>
internal static partial class EmvcoRules
{
    public static readonly string[] CoreMandatory = ["52", "53", "58", "59", "60"];

    /// <summary>Checks what every profile shares; answers whether the checksum in 63 holds.</summary>
    public static bool CheckShared(QrPayload payload, QrProfile profile, List<QrViolation> errors, List<QrViolation> warnings)
    {
        CheckOrder(payload, profile, errors);
        CheckValues(payload, profile, errors, warnings);
        CheckTemplates(payload, errors);
        return CheckCrc(payload, errors);
    }

    /// <summary>The core profile: the data objects EMVCo makes mandatory, and at least one merchant account.</summary>
    public static void CheckCorePresence(QrPayload payload, QrProfile profile, List<QrViolation> errors)
    {
        foreach (var tag in CoreMandatory) Mandatory(payload, tag, profile, errors);
        if (!payload.Fields.Any(f => IsMerchantAccount(f.Id)))
            errors.Add(QrMessages.MerchantAccount.At("02-51", profile.Name));
    }

    public static void Mandatory(QrPayload payload, string tag, QrProfile profile, List<QrViolation> errors, Trilingual? name = null)
    {
        if (payload.Find(tag) is null) errors.Add(QrMessages.Mandatory.At(tag, name ?? NameOf(tag), tag, profile.Name));
    }

    public static bool IsMerchantAccount(string id) => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) is >= 2 and <= 51;

    private static void CheckOrder(QrPayload payload, QrProfile profile, List<QrViolation> errors)
    {
        foreach (var tag in new[] { "00", "63" }) Mandatory(payload, tag, profile, errors);
        if (payload.Fields.Count > 0 && payload.Fields[0].Id != "00" && payload.Find("00") is not null)
            errors.Add(QrMessages.FormatIndicatorFirst.At("00"));
        if (payload.Find("63") is { } crc && !ReferenceEquals(payload.Fields[^1], crc))
            errors.Add(QrMessages.CrcLast.At("63"));
    }

    private static void CheckValues(QrPayload payload, QrProfile profile, List<QrViolation> errors, List<QrViolation> warnings)
    {
        if (payload.Find("00") is { Value: not "01" } format)
        {
            if (QrErrata.ReadsFormatIndicator(profile, format.Value)) warnings.Add(QrMessages.FormatIndicatorZero.At("00"));
            else errors.Add(QrMessages.FormatIndicator.At("00", format.Value));
        }
        if (payload.Find("01") is { Value: not ("11" or "12") } initiation)
            errors.Add(QrMessages.Initiation.At("01", initiation.Value));
        var currency = payload.Find("53")?.Value;
        CheckAmount(payload.Find("54"), currency, errors);
        CheckFees(payload, currency, errors);
        if (payload.Find("58") is { Length: 2 } country && !country.Value.All(char.IsAsciiLetterUpper))
            errors.Add(QrMessages.CountryCapitals.At("58", country.Value));
        if (payload.Find("62.09") is { Length: > 0 } request && (request.Value.Any(c => c is not ('A' or 'M' or 'E')) || request.Value.Distinct().Count() != request.Value.Length))
            errors.Add(QrMessages.ConsumerDataRequest.At("62.09", request.Value));
        if (payload.Find("64.00") is { Length: 2 } language && !language.Value.All(char.IsAsciiLetter))
            errors.Add(QrMessages.LanguageLetters.At("64.00", language.Value));
    }

    private static void CheckAmount(QrField? amount, string? currency, List<QrViolation> errors, Trilingual? what = null)
    {
        if (amount is null || amount.Length == 0) return;
        what ??= QrMessages.TransactionAmount;
        if (!Amount().IsMatch(amount.Value))
        {
            errors.Add(QrMessages.AmountFormat.At(amount.Tag, what, amount.Tag, amount.Value));
            return;
        }
        var decimals = amount.Value.Contains('.') ? amount.Value.Length - amount.Value.IndexOf('.') - 1 : 0;
        if (currency is not null && QrCurrencies.TryGet(currency, out var code, out var minorUnits) && decimals > minorUnits)
            errors.Add(minorUnits == 0
                ? QrMessages.AmountNoMinorUnit.At(amount.Tag, what, amount.Tag, amount.Value, code, currency)
                : QrMessages.AmountDecimals.At(amount.Tag, what, amount.Tag, amount.Value, code, currency, minorUnits));
    }

    // 55 says whether the app prompts for a tip (01), adds the fixed fee in 56 (02) or the percentage in 57 (03).
    private static void CheckFees(QrPayload payload, string? currency, List<QrViolation> errors)
    {
        var indicator = payload.Find("55")?.Value;
        if (indicator is not null and not ("01" or "02" or "03"))
            errors.Add(QrMessages.TipIndicator.At("55", indicator));
        foreach (var (tag, needs) in new[] { ("56", "02"), ("57", "03") })
        {
            var present = payload.Find(tag) is not null;
            if (indicator == needs && !present)
                errors.Add(QrMessages.FeeNeeded.At(tag, NameOf(tag), tag, needs));
            else if (indicator != needs && present)
                errors.Add(QrMessages.FeeNotAllowed.At(tag, NameOf(tag), tag, needs));
        }
        CheckAmount(payload.Find("56"), currency, errors, QrMessages.FixedFee);
        if (payload.Find("57") is { Length: > 0 } percentage
            && !(Percentage().IsMatch(percentage.Value) && decimal.Parse(percentage.Value, System.Globalization.CultureInfo.InvariantCulture) is >= 0.01m and <= 99.99m))
            errors.Add(QrMessages.FeePercentage.At("57", percentage.Value));
    }

    // Merchant account templates (26–51), unreserved templates (80–99) and payment system templates in 62 say whose they are in 00.
    private static void CheckTemplates(QrPayload payload, List<QrViolation> errors)
    {
        foreach (var template in payload.All().Where(f => f.Fields is not null && NeedsGuid(f)))
            if (template.Child("00") is null)
                errors.Add(QrMessages.TemplateOwner.At(template.Tag + ".00", template.Tag));
        if (payload.Find("64") is { Fields: not null } language)
            foreach (var id in new[] { "00", "01" })
                if (language.Child(id) is null)
                    errors.Add(QrMessages.LanguageTemplate.At("64." + id, id == "00" ? QrMessages.LanguagePreference : QrMessages.AlternateName, id));
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
            errors.Add(QrMessages.CrcNotHex.At("63", crc.Value));
            return false;
        }
        // The checksum covers everything before its own value, its ID and length included.
        var expected = Crc16.Hex(payload.Raw[..(crc.Start + 4)]);
        if (string.Equals(expected, crc.Value, StringComparison.OrdinalIgnoreCase)) return true;
        errors.Add(QrMessages.CrcMismatch.At("63", crc.Value, expected));
        return false;
    }

    private static Trilingual NameOf(string tag) => tag.Contains('.') ? QrMessages.DataObject : QrTagCatalog.Spec(QrScope.Root, tag).Name;

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^[0-9]{1,2}(\.[0-9]{1,2})?$")]
    private static partial Regex Percentage();
}
