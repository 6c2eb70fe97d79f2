using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Limits;

/// <summary>
/// What one payer (an account holder) has paid in one currency on one local day of that currency's scheme: all payments, and
/// those made by scanning a static code. Reserved payments count; a void or expiry gives its amount back.
/// </summary>
public sealed record DailyTotal(string Key, long TotalMinor, long StaticQrMinor)
{
    public static string KeyOf(string owner, Currency currency, DateTimeOffset at) => $"{owner}|{currency.Code}|{currency.LocalDay(at)}";

    public static DailyTotal Empty(string key) => new(key, 0, 0);

    public DailyTotal Add(long minor, bool staticQr) =>
        this with { TotalMinor = checked(TotalMinor + minor), StaticQrMinor = staticQr ? checked(StaticQrMinor + minor) : StaticQrMinor };
}
