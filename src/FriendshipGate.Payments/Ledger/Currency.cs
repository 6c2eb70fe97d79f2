using System.Diagnostics.CodeAnalysis;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// A currency the ledger holds: its ISO 4217 code and minor units (VND has none, CNY has two: fen), and the national scheme
/// that clears it. Each scheme sees only its own currency, so the currency names the scheme, and the scheme's local day
/// (Viet Nam UTC+7, China UTC+8, neither with summer time) is the "day" of its daily limits.
/// </summary>
public readonly record struct Currency
{
    public static readonly Currency Vnd = new("VND", 0, "napas", TimeSpan.FromHours(7));
    public static readonly Currency Cny = new("CNY", 2, "unionpay", TimeSpan.FromHours(8));

    public static readonly IReadOnlyList<Currency> All = [Vnd, Cny];

    private Currency(string code, int minorUnits, string scheme, TimeSpan localOffset)
    {
        Code = code;
        MinorUnits = minorUnits;
        Scheme = scheme;
        LocalOffset = localOffset;
    }

    public string Code { get; }

    /// <summary>Decimals of the major unit: 0 for VND, 2 for CNY.</summary>
    public int MinorUnits { get; }

    /// <summary>The national scheme clearing this currency: napas (VN) or unionpay (CN).</summary>
    public string Scheme { get; }

    /// <summary>The scheme country's offset from UTC; its local day bounds the daily limits.</summary>
    public TimeSpan LocalOffset { get; }

    /// <summary>Minor units in one major unit: 1 for VND, 100 for CNY.</summary>
    public long MinorPerMajor => MinorUnits == 0 ? 1 : 100;

    /// <summary>The scheme's local calendar day of <paramref name="at"/>, e.g. "2026-07-01".</summary>
    public string LocalDay(DateTimeOffset at) => at.ToOffset(LocalOffset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        var upper = code?.Trim().ToUpperInvariant();
        foreach (var known in All)
            if (known.Code == upper) { currency = known; return true; }
        currency = null;
        return false;
    }

    /// <exception cref="FormatException">The code is not VND or CNY.</exception>
    public static Currency Parse(string? code) =>
        TryParse(code, out var currency) ? currency.Value : throw new FormatException($"'{code}' is not a currency of the ledger: use VND or CNY.");

    public override string ToString() => Code ?? "";
}
