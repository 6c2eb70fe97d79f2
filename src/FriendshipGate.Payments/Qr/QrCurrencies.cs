namespace FriendshipGate.Payments.Qr;

/// <summary>
/// ISO 4217 numeric codes of the currencies a border payment is likely to carry, with their minor units (how many decimals
/// an amount may have). Codes not listed are accepted as three digits without a decimal check.
/// </summary>
internal static class QrCurrencies
{
    public const string Vnd = "704";
    public const string Cny = "156";

    private static readonly Dictionary<string, (string Code, int MinorUnits)> Known = new()
    {
        [Vnd] = ("VND", 0),
        [Cny] = ("CNY", 2),
        ["840"] = ("USD", 2),
        ["978"] = ("EUR", 2),
        ["344"] = ("HKD", 2),
        ["446"] = ("MOP", 2),
        ["418"] = ("LAK", 2),
        ["116"] = ("KHR", 2),
        ["764"] = ("THB", 2),
        ["702"] = ("SGD", 2),
        ["458"] = ("MYR", 2),
        ["360"] = ("IDR", 2),
        ["608"] = ("PHP", 2),
        ["410"] = ("KRW", 0),
        ["392"] = ("JPY", 0),
        ["901"] = ("TWD", 2),
    };

    public static bool TryGet(string numeric, out string code, out int minorUnits)
    {
        var found = Known.TryGetValue(numeric, out var currency);
        (code, minorUnits) = found ? currency : ("", 0);
        return found;
    }
}
