using System.Globalization;
using System.Text;

namespace FriendshipGate.Payments.Qr;

/// <summary>A request field (named as in the API) and what is wrong with it.</summary>
public sealed record QrInputError(string Field, string Message);

/// <summary>The payload built, or why it could not be: every problem, each naming its request field.</summary>
public sealed record QrEncoding(string? Payload, IReadOnlyList<QrInputError> Errors)
{
    public bool Succeeded => Payload is not null;
}

/// <summary>
/// Builds a NAPAS (VietQR) account code, or a UnionPay merchant code around the merchant account its acquirer assigned, from a
/// typed request; checks it against the requested profile with the same rules the decoder applies, and answers the payload
/// with its CRC or every broken rule named by request field.
/// </summary>
public static class QrEncoder
{
    private sealed record Entry(string Field, string Tag, QrScope Scope, string? Value)
    {
        public string Id => Tag[^2..];
    }

    public static QrEncoding Encode(QrEncodeRequest request)
    {
        // A UnionPay merchant account is assigned by the merchant's acquirer; the node only writes it where EMVCo reserves it (15).
        if (request.Profile == QrProfile.UnionPay && string.IsNullOrWhiteSpace(request.UnionPayAccount))
            return Refused(new QrInputError("unionPayAccount",
                "a UnionPay code needs the merchant account information the merchant's UnionPay acquirer assigned (ID 15: digits)."));
        var entries = Entries(request);
        var problems = entries.Where(e => !string.IsNullOrEmpty(e.Value))
            .Select(e => QrFormatRules.Problem(QrTagCatalog.Spec(e.Scope, e.Id), e.Value!, e.Tag) is { } p ? new QrInputError(e.Field, p.Message) : null)
            .OfType<QrInputError>().ToList();
        // A value of the wrong shape is left out, so the profile's own rules can still judge the rest: every problem at once.
        var wrong = problems.Select(p => p.Field).ToHashSet();
        var payload = Build(request, entries.ToDictionary(e => e.Tag, e => wrong.Contains(e.Field) ? null : e.Value));
        var check = QrDecoder.Decode(payload, request.Profile);
        problems.AddRange(check.Errors.Select(e => new QrInputError(FieldOf(e.Tag, entries), e.Message)).Where(e => !wrong.Contains(e.Field)));
        return problems.Count == 0 ? new QrEncoding(payload, []) : new QrEncoding(null, problems);
    }

    private static List<Entry> Entries(QrEncodeRequest r)
    {
        var language = r.Language ?? (r.LocalName ?? r.LocalCity) switch
        {
            null => null,
            var local when local.Any(c => c is >= '\u3400' and <= '\u9FFF') => "zh",
            _ => "vi",
        };
        List<Entry> account = r.Profile == QrProfile.UnionPay
            ? [new("unionPayAccount", "15", QrScope.Root, r.UnionPayAccount?.Trim())]
            : [new("bankBin", "38.01.00", QrScope.NapasBeneficiary, r.BankBin?.Trim()), new("account", "38.01.01", QrScope.NapasBeneficiary, r.Account?.Trim())];
        return
        [
            .. account,
            new("merchantCategory", "52", QrScope.Root, r.MerchantCategory),
            new("currency", "53", QrScope.Root, r.Currency),
            new("amount", "54", QrScope.Root, r.Amount?.ToString(CultureInfo.InvariantCulture)),
            new("country", "58", QrScope.Root, r.Country),
            new("merchantName", "59", QrScope.Root, Latin(r.MerchantName)),
            new("merchantCity", "60", QrScope.Root, Latin(r.MerchantCity)),
            new("billNumber", "62.01", QrScope.AdditionalData, Latin(r.BillNumber)),
            new("reference", "62.05", QrScope.AdditionalData, Latin(r.Reference)),
            new("purpose", "62.08", QrScope.AdditionalData, Latin(r.Purpose)),
            new("language", "64.00", QrScope.Language, language),
            new("localName", "64.01", QrScope.Language, r.LocalName),
            new("localCity", "64.02", QrScope.Language, r.LocalCity),
        ];
    }

    private static string Build(QrEncodeRequest request, IReadOnlyDictionary<string, string?> values)
    {
        var napas = request.Profile != QrProfile.UnionPay;
        var account = new TlvWriter();
        if (napas)
            account.Add("00", QrTagCatalog.NapasGuid).Add("01", new TlvWriter().Add("00", values["38.01.00"]).Add("01", values["38.01.01"]))
                .Add("02", request.ToCard ? VietQrRules.ToCard : VietQrRules.ToAccount);
        var additional = new TlvWriter().Add("01", values["62.01"]).Add("05", values["62.05"]).Add("08", values["62.08"]);
        var language = new TlvWriter();
        if (values["64.01"] is not null || values["64.02"] is not null)
            language.Add("00", values["64.00"]).Add("01", values["64.01"]).Add("02", values["64.02"]);
        return new TlvWriter()
            .Add("00", "01")
            // By convention a code with an amount is for one payment (dynamic), one without is printed and reused (static).
            .Add("01", request.Amount is null ? "11" : "12")
            .Add("15", napas ? null : values["15"])
            .Add("38", account)
            .Add("52", values["52"]).Add("53", values["53"]).Add("54", values["54"]).Add("58", values["58"])
            .Add("59", values["59"]).Add("60", values["60"])
            .Add("62", additional).Add("64", language)
            .WithCrc();
    }

    /// <summary>
    /// Vietnamese letters without their marks ("Cửa khẩu Hữu Nghị" → "Cua khau Huu Nghi"), as EMVCo's ASCII-only fields
    /// need; the spelling with marks belongs in the language template (64). Other scripts are left for the checks to refuse.
    /// </summary>
    internal static string? Latin(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(kept).Normalize(NormalizationForm.FormC);
    }

    private static string FieldOf(string tag, IReadOnlyList<Entry> entries) =>
        entries.FirstOrDefault(e => e.Tag == tag)?.Field ?? tag switch
        {
            "38.02" => "toCard",
            _ when tag.StartsWith("38", StringComparison.Ordinal) => "account",
            _ => "payload",
        };

    private static QrEncoding Refused(QrInputError error) => new(null, [error]);
}
