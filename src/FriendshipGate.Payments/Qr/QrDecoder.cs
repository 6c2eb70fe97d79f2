namespace FriendshipGate.Payments.Qr;

/// <summary>
/// What a payload holds and whether it keeps a profile's rules: the tree, whether the checksum holds, and every violation,
/// all at once. The JSON shape is the same from the CLI (<c>fgate qr decode --json</c>) and the API. Messages and names are
/// in English unless put in another language with <see cref="In"/>.
/// </summary>
public sealed record QrDecoding(string Profile, bool Valid, bool CrcValid, IReadOnlyList<QrViolation> Errors, IReadOnlyList<QrField> Fields)
{
    /// <summary>
    /// Known deviations (<see cref="QrWarning"/>): why a code was read although it deviates, or what a refused code's
    /// producer most likely got wrong. Never affects <see cref="Valid"/>.
    /// </summary>
    public IReadOnlyList<QrViolation> Warnings { get; init; } = [];

    /// <summary>The same decoding for a reader of <paramref name="language"/> (vi, zh or en): its messages and names in that language.</summary>
    public QrDecoding In(string language) => this with
    {
        Errors = [.. Errors.Select(e => e.In(language))],
        Warnings = [.. Warnings.Select(w => w.In(language))],
        Fields = [.. Fields.Select(f => f.In(language))],
    };
}

public static class QrDecoder
{
    public static QrDecoding Decode(string payload, QrProfile profile)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = new List<QrViolation>();
        var warnings = new List<QrViolation>();
        var tree = QrParser.Parse(payload, errors);
        var structurallyBroken = errors.Count > 0;
        QrFormatRules.Check(tree.Fields, errors);
        var crcValid = EmvcoRules.CheckShared(tree, profile, errors, warnings);
        if (profile == QrProfile.VietQr) VietQrRules.Check(tree, errors);
        else if (profile == QrProfile.UnionPay) UnionPayRules.Check(tree, errors);
        else EmvcoRules.CheckCorePresence(tree, profile, errors);
        QrErrata.Explain(tree, structurallyBroken, warnings);
        return new QrDecoding(profile.Name, errors.Count == 0, crcValid, errors, tree.Fields) { Warnings = warnings };
    }

    /// <summary>The tree alone, for a caller that checks nothing (the encoder's own round trip, a display).</summary>
    public static QrPayload Read(string payload) => QrParser.Parse(payload, []);
}
