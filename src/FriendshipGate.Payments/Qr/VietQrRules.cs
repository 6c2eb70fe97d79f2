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
            errors.Add(new("53", QrRule.Value, $"the transaction currency (53) is '{currency.Value}'; VietQR is in Vietnamese dong, {QrCurrencies.Vnd}."));
        if (payload.Find("58") is { Length: 2 } country && country.Value != "VN")
            errors.Add(new("58", QrRule.Value, $"the country code (58) is '{country.Value}'; VietQR merchants are in Viet Nam, VN."));

        if (payload.Find("38") is not { } account)
        {
            errors.Add(new("38", QrRule.Mandatory, $"VietQR carries the beneficiary in merchant account template 38 (identifier {QrTagCatalog.NapasGuid}); it is missing."));
            return;
        }
        if (account.Fields is null) return; // empty: the parser has reported it
        switch (account.Child("00")?.Value)
        {
            case null:
                errors.Add(new("38.00", QrRule.Mandatory, $"the NAPAS identifier (38.00, {QrTagCatalog.NapasGuid}) is mandatory under the vietqr profile."));
                return;
            case var guid when guid != QrTagCatalog.NapasGuid:
                errors.Add(new("38.00", QrRule.Value, $"template 38 is identified as '{guid}'; VietQR's is NAPAS's {QrTagCatalog.NapasGuid}."));
                return;
        }
        EmvcoRules.Mandatory(payload, "38.01", profile, errors, "The beneficiary organisation");
        if (payload.Find("38.01") is { Fields: not null })
        {
            EmvcoRules.Mandatory(payload, "38.01.00", profile, errors, "The acquirer ID (bank BIN)");
            EmvcoRules.Mandatory(payload, "38.01.01", profile, errors, "The account or card number");
        }
        var service = payload.Find("38.02");
        if (service is null)
            errors.Add(new("38.02", QrRule.Mandatory, $"the service code (38.02) is mandatory under the vietqr profile: {ToAccount} (to an account) or {ToCard} (to a card)."));
        else if (!ServiceCodes.Contains(service.Value))
            errors.Add(new("38.02", QrRule.Value, $"the service code (38.02) is '{service.Value}'; it must be one of {string.Join(", ", ServiceCodes)}."));
        else if (service.Value == ToCard && payload.Find("38.01.01") is { Length: > 0 } card && !card.Value.All(char.IsAsciiDigit))
            errors.Add(new("38.01.01", QrRule.Format, $"the card number (38.01.01) is '{card.Value}'; with service code {ToCard} it must be digits only."));
    }
}
