using System.Globalization;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The known faults of the NAPAS specification's own examples and the known deviations of real VietQR generators
/// (docs/payments/emvco-qr.md, "NAPAS specification errata"). A deviation that bank apps accept and that leaves no doubt
/// about payee or amount is read, with a warning; one that readers would read differently stays refused, and a warning
/// says what its producer most likely got wrong.
/// </summary>
internal static class QrErrata
{
    /// <summary>
    /// Whether a payload format indicator other than '01' is read anyway under <paramref name="profile"/>: '00' under vietqr,
    /// which a published generator writes (thanhtinhpas1/vietqr-parser) and bank apps are reported to scan.
    /// </summary>
    public static bool ReadsFormatIndicator(QrProfile profile, string value) => profile == QrProfile.VietQr && value == "00";

    /// <summary>Warnings that explain a refused payload: a miscounted length in a template, lengths counted in bytes.</summary>
    public static void Explain(QrPayload payload, bool structurallyBroken, List<QrViolation> warnings)
    {
        foreach (var template in payload.All().Where(f => f.Fields is { Count: > 0 }))
            if (Miscounted(template) is { } warning) warnings.Add(warning);
        if (structurallyBroken && !payload.Raw.All(char.IsAscii))
        {
            var byteCounted = new List<QrViolation>();
            QrParser.Parse(payload.Raw, byteCounted, inBytes: true);
            if (byteCounted.Count == 0) warnings.Add(QrMessages.LengthInBytes.At("payload"));
        }
    }

    // NAPAS's static transfer example declares 12 for a 13-digit account: the template then ends one character after the
    // account, too short for another data object. Both readings are shown; neither is chosen.
    private static QrViolation? Miscounted(QrField template)
    {
        var last = template.Fields![^1];
        if (last.Fields is not null) return null;
        var end = last.Start + 4 + last.Value.Length;
        var rest = template.Value[end..];
        if (rest.Length is 0 or >= 4) return null;
        var whole = last.Value + rest;
        var remaining = QrText.Length(whole);
        return QrMessages.LengthMiscounted.At(last.Tag, last.Tag, last.Length.ToString("D2", CultureInfo.InvariantCulture),
            remaining, template.Tag, whole, last.Value);
    }
}
