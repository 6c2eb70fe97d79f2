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
            return spec.MinLength == spec.MaxLength
                ? QrMessages.LengthExact.At(tag, spec.Name, tag, length, spec.MaxLength)
                : QrMessages.LengthRange.At(tag, spec.Name, tag, length, spec.MinLength, spec.MaxLength);
        return spec.Charset switch
        {
            QrCharset.Numeric when !value.All(char.IsAsciiDigit) => QrMessages.DigitsOnly.At(tag, spec.Name, tag, value),
            QrCharset.AlphanumericSpecial when value.AsSpan().IndexOfAnyExceptInRange(' ', '~') is var at and >= 0 =>
                QrMessages.NotAscii.At(tag, spec.Name, tag, QrMessages.Character(value, at)),
            _ => null,
        };
    }
}
