namespace FriendshipGate.Payments.Qr;

/// <summary>
/// What a merchant-presented code is built from: the bank (BIN) and account or card of the beneficiary (NAPAS), or the
/// merchant account its UnionPay acquirer assigned, and optionally the amount, merchant details and references.
/// <see cref="Profile"/> is the profile the result must keep: <c>vietqr</c> needs only the account; <c>emvco</c> also needs
/// merchant category, name and city, so that strict EMVCo wallets accept it; <c>unionpay</c> needs the UnionPay merchant
/// account (ID 15) and the EMVCo core.
/// </summary>
public sealed record QrEncodeRequest
{
    public QrProfile Profile { get; init; } = QrProfile.VietQr;

    /// <summary>The beneficiary bank's BIN (acquirer ID), 6 digits, e.g. 970436 (NAPAS codes).</summary>
    public string BankBin { get; init; } = "";

    /// <summary>The beneficiary's account number, or card number when <see cref="ToCard"/> (NAPAS codes).</summary>
    public string Account { get; init; } = "";

    /// <summary>
    /// ID 15: the merchant account information a UnionPay acquirer assigned to the merchant (digits: acquirer IIN, forwarding
    /// IIN, merchant ID). Only for the <c>unionpay</c> profile, whose codes carry no NAPAS template 38.
    /// </summary>
    public string? UnionPayAccount { get; init; }

    /// <summary>Pay to a card (service code QRIBFTTC) rather than an account (QRIBFTTA).</summary>
    public bool ToCard { get; init; }

    /// <summary>The amount in major units (150000 VND, 23.72 CNY); none makes a static code the payer fills in.</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 numeric currency code.</summary>
    public string Currency { get; init; } = QrCurrencies.Vnd;

    /// <summary>ISO 3166-1 alpha-2 country of the merchant.</summary>
    public string Country { get; init; } = "VN";

    /// <summary>ISO 18245 merchant category code, 4 digits.</summary>
    public string? MerchantCategory { get; init; }

    /// <summary>Merchant name; Vietnamese letters are written without their marks (EMVCo allows only ASCII in 59).</summary>
    public string? MerchantName { get; init; }

    public string? MerchantCity { get; init; }

    /// <summary>62.01: the bill or invoice number.</summary>
    public string? BillNumber { get; init; }

    /// <summary>62.05: a reference the merchant chooses to match the payment.</summary>
    public string? Reference { get; init; }

    /// <summary>62.08: the purpose, the transfer message the payee's bank shows.</summary>
    public string? Purpose { get; init; }

    /// <summary>64.01: the merchant's name in its own script ("Cửa khẩu Hữu Nghị", "友谊关").</summary>
    public string? LocalName { get; init; }

    /// <summary>64.02: the city in its own script.</summary>
    public string? LocalCity { get; init; }

    /// <summary>64.00: the language of <see cref="LocalName"/> (ISO 639-1); by default zh for Chinese characters, vi otherwise.</summary>
    public string? Language { get; init; }
}
