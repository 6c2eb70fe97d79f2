using System.Globalization;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// Reads a payload's TLV structure (ID: two digits, length: two digits counting characters, value) into a tree, with the
/// templates read recursively. Structural faults become violations; reading stops only where the rest cannot be trusted.
/// </summary>
internal static class QrParser
{
    public static QrPayload Parse(string raw, List<QrViolation> violations)
    {
        if (raw.Length == 0)
        {
            violations.Add(new("payload", QrRule.Mandatory, "the payload is empty."));
            return new QrPayload(raw, []);
        }
        return new QrPayload(raw, Read(raw, "", QrScope.Root, violations));
    }

    private static List<QrField> Read(string text, string prefix, QrScope scope, List<QrViolation> violations)
    {
        var fields = new List<QrField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        while (at < text.Length)
        {
            if (text.Length - at < 4)
            {
                violations.Add(new(TagOf(prefix, text.Substring(at, Math.Min(2, text.Length - at))), QrRule.Length,
                    $"{Where(prefix)} ends with '{text[at..]}', too short for an ID and a length: the payload is cut short."));
                break;
            }
            var id = text.Substring(at, 2);
            if (!IsDigits(id))
            {
                violations.Add(new(TagOf(prefix, id), QrRule.Format, $"expected a two-digit ID in {Where(prefix)} but found '{id}'; what follows cannot be read."));
                break;
            }
            var tag = prefix + id;
            var lengthText = text.Substring(at + 2, 2);
            if (!IsDigits(lengthText))
            {
                violations.Add(new(tag, QrRule.Format, $"the length of {tag} must be two digits but is '{lengthText}'; what follows cannot be read."));
                break;
            }
            var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            var end = QrText.Advance(text, at + 4, length, out var counted);
            if (counted < length)
            {
                violations.Add(new(tag, QrRule.Length,
                    $"{tag} declares {length} characters but only {counted} remain: the payload is cut short or a length is wrong."));
                break;
            }
            if (length == 0) violations.Add(new(tag, QrRule.Length, $"{tag} declares length 00; a value has at least one character."));
            if (!seen.Add(id)) violations.Add(new(tag, QrRule.Duplicate, $"{tag} appears more than once in {Where(prefix)}; only the first one counts."));

            var value = text[(at + 4)..end];
            var spec = QrTagCatalog.Spec(scope, id);
            IReadOnlyList<QrField>? children = null;
            if (spec.Template is { } childScope && length > 0)
            {
                if (childScope == QrScope.MerchantAccount) childScope = QrTagCatalog.MerchantAccountScope(GuidOf(value, tag));
                children = Read(value, tag + ".", childScope, violations);
            }
            var name = children is null ? spec.Name : spec.Name + SchemeSuffix(children);
            fields.Add(new QrField(tag, id, name, length, value) { Fields = children, Scope = scope, Start = at });
            at = end;
        }
        return fields;
    }

    // A merchant account template says whose it is in its 00; the name shows it so a reader sees the scheme at a glance.
    private static string SchemeSuffix(IReadOnlyList<QrField> children) => children.FirstOrDefault(c => c.Id == "00")?.Value switch
    {
        QrTagCatalog.NapasGuid => " (NAPAS VietQR)",
        { } guid when guid.StartsWith(QrTagCatalog.UnionPayRid, StringComparison.OrdinalIgnoreCase) => " (UnionPay)",
        _ => "",
    };

    /// <summary>The identifier in a merchant account template's 00, read quietly (the real read reports any fault).</summary>
    private static string? GuidOf(string template, string tag) =>
        Read(template, tag + ".", QrScope.MerchantAccount, []).FirstOrDefault(f => f.Id == "00")?.Value;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static string TagOf(string prefix, string id) =>
        id.Length == 2 && IsDigits(id) ? prefix + id : prefix.Length > 0 ? prefix.TrimEnd('.') : "payload";

    private static string Where(string prefix) => prefix.Length == 0 ? "the payload" : $"template {prefix.TrimEnd('.')}";
}
