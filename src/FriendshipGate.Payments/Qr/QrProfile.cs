using System.Diagnostics.CodeAnalysis;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The set of rules a payload is checked against: <c>emvco</c> (EMVCo merchant-presented core), <c>vietqr</c> (the NAPAS
/// VietQR profile) or <c>unionpay</c> (EMVCo core plus a UnionPay merchant account).
/// </summary>
public readonly record struct QrProfile
{
    public static readonly QrProfile Emvco = new("emvco");
    public static readonly QrProfile VietQr = new("vietqr");
    public static readonly QrProfile UnionPay = new("unionpay");

    public static readonly IReadOnlyList<QrProfile> All = [Emvco, VietQr, UnionPay];

    private QrProfile(string name) => Name = name;

    public string Name { get; }

    public static QrProfile Parse(string? text) =>
        TryParse(text, out var profile) ? profile : throw new FormatException($"'{text}' is not a QR profile: use {Names}.");

    public static bool TryParse(string? text, out QrProfile profile)
    {
        var name = text?.Trim().ToLowerInvariant();
        profile = All.FirstOrDefault(p => p.Name == name);
        return profile.Name is not null;
    }

    /// <summary>The profile names for messages: "emvco, vietqr or unionpay".</summary>
    public static string Names => string.Join(", ", All.SkipLast(1).Select(p => p.Name)) + " or " + All[^1].Name;

    public override string ToString() => Name ?? "";
}
