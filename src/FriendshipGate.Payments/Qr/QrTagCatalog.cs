namespace FriendshipGate.Payments.Qr;

/// <summary>The characters a value may hold, after EMVCo's data formats.</summary>
internal enum QrCharset
{
    /// <summary>"N": the digits 0–9.</summary>
    Numeric,

    /// <summary>"ans": printable ASCII, space to tilde (0x20–0x7E).</summary>
    AlphanumericSpecial,

    /// <summary>"S": any Unicode character (alternate-language names, templates, context-specific data).</summary>
    Any,
}

/// <summary>
/// Where a data object sits. The same ID means different things in different places ("01" is the point of initiation at
/// the root, the bill number in 62); the scope decides its name, format and whether its value is itself a template.
/// </summary>
internal enum QrScope
{
    Root,
    MerchantAccount,
    NapasAccount,
    NapasBeneficiary,
    UnionPayAccount,
    AdditionalData,
    PaymentSystemTemplate,
    Language,
    Unreserved,
}

/// <summary>What a data object is: its name, characters and length range, and the scope of its children when it is a template.</summary>
internal sealed record QrTagSpec(string Name, QrCharset Charset, int MinLength, int MaxLength, QrScope? Template = null)
{
    public static QrTagSpec Numeric(string name, int length) => new(name, QrCharset.Numeric, length, length);

    public static QrTagSpec Text(string name, int maxLength) => new(name, QrCharset.AlphanumericSpecial, 1, maxLength);

    public static QrTagSpec Unicode(string name, int maxLength) => new(name, QrCharset.Any, 1, maxLength);

    public static QrTagSpec TemplateOf(string name, QrScope children) => new(name, QrCharset.Any, 1, 99, children);
}

/// <summary>The data objects of an EMVCo merchant-presented payload, with the NAPAS and UnionPay templates inside them.</summary>
internal static class QrTagCatalog
{
    /// <summary>The NAPAS application identifier that opens a VietQR merchant account template.</summary>
    public const string NapasGuid = "A000000727";

    /// <summary>UnionPay's registered application provider identifier; its AIDs (A000000333010101, …) start with it.</summary>
    public const string UnionPayRid = "A000000333";

    public static QrTagSpec Spec(QrScope scope, string id)
    {
        var n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        return scope switch
        {
            QrScope.Root => Root(n),
            QrScope.NapasAccount => n switch
            {
                0 => QrTagSpec.Text("Globally unique identifier (NAPAS)", 32),
                1 => QrTagSpec.TemplateOf("Beneficiary organisation", QrScope.NapasBeneficiary),
                2 => QrTagSpec.Text("Service code", 99),
                _ => QrTagSpec.Unicode("NAPAS specific", 99),
            },
            QrScope.NapasBeneficiary => n switch
            {
                0 => QrTagSpec.Numeric("Acquirer ID (bank BIN)", 6),
                1 => QrTagSpec.Text("Merchant or consumer ID (account or card number)", 19),
                _ => QrTagSpec.Unicode("NAPAS specific", 99),
            },
            QrScope.AdditionalData => AdditionalData(n),
            QrScope.Language => n switch
            {
                0 => new QrTagSpec("Language preference", QrCharset.AlphanumericSpecial, 2, 2),
                1 => QrTagSpec.Unicode("Merchant name, alternate language", 25),
                2 => QrTagSpec.Unicode("Merchant city, alternate language", 15),
                _ => QrTagSpec.Unicode("Reserved for future use", 99),
            },
            // Merchant account templates (26–51) of other networks, UnionPay's, unreserved templates (80–99) and the payment
            // system templates inside 62 share one shape: a globally unique identifier in 00, then the owner's own data.
            _ => n == 0
                ? QrTagSpec.Text(scope == QrScope.UnionPayAccount ? "Globally unique identifier (UnionPay AID)" : "Globally unique identifier", 32)
                : QrTagSpec.Unicode(scope == QrScope.UnionPayAccount ? "UnionPay specific" : "Payment system specific", 99),
        };
    }

    /// <summary>The scope of a merchant account template's children, from the identifier in its 00.</summary>
    public static QrScope MerchantAccountScope(string? guid) =>
        guid == NapasGuid ? QrScope.NapasAccount
        : guid is not null && guid.StartsWith(UnionPayRid, StringComparison.OrdinalIgnoreCase) ? QrScope.UnionPayAccount
        : QrScope.MerchantAccount;

    private static QrTagSpec Root(int n) => n switch
    {
        0 => QrTagSpec.Numeric("Payload format indicator", 2),
        1 => QrTagSpec.Numeric("Point of initiation method", 2),
        >= 2 and <= 25 => QrTagSpec.Text($"Merchant account information ({CardNetwork(n)})", 99),
        >= 26 and <= 51 => QrTagSpec.TemplateOf("Merchant account information template", QrScope.MerchantAccount),
        52 => QrTagSpec.Numeric("Merchant category code", 4),
        53 => QrTagSpec.Numeric("Transaction currency", 3),
        54 => QrTagSpec.Text("Transaction amount", 13),
        55 => QrTagSpec.Numeric("Tip or convenience indicator", 2),
        56 => QrTagSpec.Text("Convenience fee, fixed", 13),
        57 => QrTagSpec.Text("Convenience fee, percentage", 5),
        58 => new QrTagSpec("Country code", QrCharset.AlphanumericSpecial, 2, 2),
        59 => QrTagSpec.Text("Merchant name", 25),
        60 => QrTagSpec.Text("Merchant city", 15),
        61 => QrTagSpec.Text("Postal code", 10),
        62 => QrTagSpec.TemplateOf("Additional data field template", QrScope.AdditionalData),
        63 => new QrTagSpec("CRC", QrCharset.AlphanumericSpecial, 4, 4),
        64 => QrTagSpec.TemplateOf("Merchant information, language template", QrScope.Language),
        >= 80 => QrTagSpec.TemplateOf("Unreserved template", QrScope.Unreserved),
        _ => QrTagSpec.Unicode("Reserved for future use", 99),
    };

    // The IDs EMVCo reserves for the card networks' own primitive merchant account data.
    private static string CardNetwork(int n) => n switch
    {
        2 or 3 => "Visa",
        4 or 5 => "Mastercard",
        9 or 10 => "Discover",
        11 or 12 => "Amex",
        13 or 14 => "JCB",
        15 or 16 => "UnionPay",
        _ => "EMVCo",
    };

    private static QrTagSpec AdditionalData(int n) => n switch
    {
        1 => QrTagSpec.Text("Bill number", 25),
        2 => QrTagSpec.Text("Mobile number", 25),
        3 => QrTagSpec.Text("Store label", 25),
        4 => QrTagSpec.Text("Loyalty number", 25),
        5 => QrTagSpec.Text("Reference label", 25),
        6 => QrTagSpec.Text("Customer label", 25),
        7 => QrTagSpec.Text("Terminal label", 25),
        8 => QrTagSpec.Text("Purpose of transaction", 25),
        9 => QrTagSpec.Text("Additional consumer data request", 3),
        10 => QrTagSpec.Text("Merchant tax ID", 20),
        11 => new QrTagSpec("Merchant channel", QrCharset.AlphanumericSpecial, 3, 3),
        >= 50 => QrTagSpec.TemplateOf("Payment system specific template", QrScope.PaymentSystemTemplate),
        _ => QrTagSpec.Unicode("Reserved for future use", 99),
    };
}
