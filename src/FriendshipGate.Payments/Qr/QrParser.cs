using System.Globalization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// Reads a payload's TLV structure (ID: two digits, length: two digits counting characters, value) into a tree, with the
/// templates read recursively. Structural faults become violations; reading stops only where the rest cannot be trusted.
/// </summary>
internal static class QrParser
{
    /// <param name="inBytes">Count lengths in UTF-8 bytes, as some producers wrongly do: only to explain a refusal (<see cref="QrErrata"/>).</param>
    public static QrPayload Parse(string raw, List<QrViolation> violations, bool inBytes = false)
    {
        if (raw.Length == 0)
        {
            violations.Add(QrMessages.Empty.At("payload"));
            return new QrPayload(raw, []);
        }
        return new QrPayload(raw, Read(raw, "", QrScope.Root, violations, inBytes));
    }

    private static List<QrField> Read(string text, string prefix, QrScope scope, List<QrViolation> violations, bool inBytes)
    {
        var fields = new List<QrField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        while (at < text.Length)
        {
            if (text.Length - at < 4)
            {
                violations.Add(QrMessages.CutShort.At(TagOf(prefix, text.Substring(at, Math.Min(2, text.Length - at))), QrMessages.Where(prefix), text[at..]));
                break;
            }
            var id = text.Substring(at, 2);
            if (!IsDigits(id))
            {
                violations.Add(QrMessages.IdNotDigits.At(TagOf(prefix, id), QrMessages.Where(prefix), id));
                break;
            }
            var tag = prefix + id;
            var lengthText = text.Substring(at + 2, 2);
            if (!IsDigits(lengthText))
            {
                violations.Add(QrMessages.LengthNotDigits.At(tag, tag, lengthText));
                break;
            }
            var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            int counted;
            var end = inBytes ? QrText.AdvanceBytes(text, at + 4, length, out counted) : QrText.Advance(text, at + 4, length, out counted);
            if (counted < length)
            {
                violations.Add(QrMessages.RunsPastEnd.At(tag, tag, length, counted));
                break;
            }
            if (length == 0) violations.Add(QrMessages.ZeroLength.At(tag, tag));
            if (!seen.Add(id)) violations.Add(QrMessages.Duplicate.At(tag, tag, QrMessages.Where(prefix)));

            var value = text[(at + 4)..end];
            var spec = QrTagCatalog.Spec(scope, id);
            IReadOnlyList<QrField>? children = null;
            if (spec.Template is { } childScope && length > 0)
            {
                if (childScope == QrScope.MerchantAccount) childScope = QrTagCatalog.MerchantAccountScope(GuidOf(value, tag, inBytes));
                children = Read(value, tag + ".", childScope, violations, inBytes);
            }
            var names = children is null ? spec.Name : WithScheme(spec.Name, children);
            fields.Add(new QrField(tag, id, names.En!, length, value) { Names = names, Fields = children, Scope = scope, Start = at });
            at = end;
        }
        return fields;
    }

    // A merchant account template says whose it is in its 00; the name shows it so a reader sees the scheme at a glance.
    private static Trilingual WithScheme(Trilingual name, IReadOnlyList<QrField> children) => children.FirstOrDefault(c => c.Id == "00")?.Value switch
    {
        QrTagCatalog.NapasGuid => new($"{name.Vi} (NAPAS VietQR)", $"{name.Zh}（NAPAS VietQR）", $"{name.En} (NAPAS VietQR)"),
        { } guid when guid.StartsWith(QrTagCatalog.UnionPayRid, StringComparison.OrdinalIgnoreCase) => new($"{name.Vi} (UnionPay)", $"{name.Zh}（银联）", $"{name.En} (UnionPay)"),
        _ => name,
    };

    /// <summary>The identifier in a merchant account template's 00, read quietly (the real read reports any fault).</summary>
    private static string? GuidOf(string template, string tag, bool inBytes) =>
        Read(template, tag + ".", QrScope.MerchantAccount, [], inBytes).FirstOrDefault(f => f.Id == "00")?.Value;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static string TagOf(string prefix, string id) =>
        id.Length == 2 && IsDigits(id) ? prefix + id : prefix.Length > 0 ? prefix.TrimEnd('.') : "payload";
}
