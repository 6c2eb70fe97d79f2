namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The data formats every profile shares (VietQR and UnionPay are EMVCo profiles): each data object's characters and
/// length, from <see cref="QrTagCatalog"/>.
/// </summary>
internal static class QrFormatRules
{
    public static void Check(IEnumerable<QrField> fields, List<QrViolation> errors)
    {
        foreach (var field in fields)
        {
            if (field.Length == 0) continue; // the parser has reported it
            var spec = QrTagCatalog.Spec(field.Scope, field.Id);
            if (Problem(spec, field.Value, field.Tag) is { } problem) errors.Add(problem);
            if (field.Fields is not null) Check(field.Fields, errors);
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> as a <paramref name="spec"/>, or null.</summary>
    public static QrViolation? Problem(QrTagSpec spec, string value, string tag)
    {
        var length = QrText.Length(value);
        if (length < spec.MinLength || length > spec.MaxLength)
        {
            var expected = spec.MinLength == spec.MaxLength ? $"exactly {spec.MaxLength}" : $"{spec.MinLength} to {spec.MaxLength}";
            return new(tag, QrRule.Length, $"{spec.Name} ({tag}) has {length} characters; it must have {expected}.");
        }
        return spec.Charset switch
        {
            QrCharset.Numeric when !value.All(char.IsAsciiDigit) =>
                new(tag, QrRule.Format, $"{spec.Name} ({tag}) is '{value}'; it must be digits only."),
            QrCharset.AlphanumericSpecial when value.AsSpan().IndexOfAnyExceptInRange(' ', '~') is var at and >= 0 =>
                new(tag, QrRule.Format, $"{spec.Name} ({tag}) contains {Show(value, at)}; EMVCo allows only printable ASCII here (write names without diacritics, and put the local spelling in 64)."),
            _ => null,
        };
    }

    private static string Show(string value, int at) =>
        char.IsControl(value[at]) ? $"the control character U+{(int)value[at]:X4}"
        : char.IsSurrogatePair(value, at) ? $"'{value.Substring(at, 2)}'" : $"'{value[at]}'";
}
