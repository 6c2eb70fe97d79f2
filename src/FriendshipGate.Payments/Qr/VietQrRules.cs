namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The NAPAS VietQR profile: the beneficiary in merchant account template 38 (NAPAS identifier, bank BIN, account or card,
/// service code), Vietnamese dong and Viet Nam. Merchant category, name and city (52, 59, 60), mandatory in the EMVCo core,
/// are optional here: a person-to-person transfer code carries none of them.
/// </summary>
internal static class VietQrRules
{
    public const string ToAccount = "QRIBFTTA";
    public const string ToCard = "QRIBFTTC";

    /// <summary>The service codes NAPAS defines in 38.02: transfer to an account, to a card, merchant payment, cash withdrawal.</summary>
    public static readonly IReadOnlyList<string> ServiceCodes = [ToAccount, ToCard, "QRPUSH", "QRCASH"];

    public static void Check(QrPayload payload, List<QrViolation> errors)
    {
        var profile = QrProfile.VietQr;
        EmvcoRules.Mandatory(payload, "53", profile, errors);
        EmvcoRules.Mandatory(payload, "58", profile, errors);
        if (payload.Find("53") is { Length: 3 } currency && currency.Value != QrCurrencies.Vnd)
            errors.Add(QrMessages.VietQrCurrency.At("53", currency.Value, QrCurrencies.Vnd));
        if (payload.Find("58") is { Length: 2 } country && country.Value != "VN")
            errors.Add(QrMessages.VietQrCountry.At("58", country.Value));

        if (payload.Find("38") is not { } account)
        {
            errors.Add(QrMessages.NapasTemplate.At("38", QrTagCatalog.NapasGuid));
            return;
        }
        if (account.Fields is null) return; // empty: the parser has reported it
        switch (account.Child("00")?.Value)
        {
            case null:
                errors.Add(QrMessages.NapasIdentifierMissing.At("38.00", QrTagCatalog.NapasGuid));
                return;
            case var guid when guid != QrTagCatalog.NapasGuid:
                errors.Add(QrMessages.NapasIdentifierWrong.At("38.00", guid, QrTagCatalog.NapasGuid));
                return;
        }
        EmvcoRules.Mandatory(payload, "38.01", profile, errors, QrMessages.BeneficiaryOrganisation);
        if (payload.Find("38.01") is { Fields: not null })
        {
            EmvcoRules.Mandatory(payload, "38.01.00", profile, errors, QrMessages.AcquirerId);
            EmvcoRules.Mandatory(payload, "38.01.01", profile, errors, QrMessages.AccountOrCard);
        }
        var service = payload.Find("38.02");
        if (service is null)
            errors.Add(QrMessages.ServiceCodeMissing.At("38.02", ToAccount, ToCard));
        else if (!ServiceCodes.Contains(service.Value))
            errors.Add(QrMessages.ServiceCodeWrong.At("38.02", service.Value, QrMessages.List(ServiceCodes)));
        else if (service.Value == ToCard && payload.Find("38.01.01") is { Length: > 0 } card && !card.Value.All(char.IsAsciiDigit))
            errors.Add(QrMessages.CardDigits.At("38.01.01", card.Value, ToCard));
    }
}
