using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// An amount of one currency as a whole number of its minor unit (VND 150000 is 150000; CNY 50.00 is 5000 fen). Never a
/// double: arithmetic is on <see cref="long"/> with overflow checked, and mixing currencies throws.
/// </summary>
public readonly record struct Money
{
    /// <summary>The largest amount one request may name: 10^15 minor units (a million billion đồng), far above any payment.</summary>
    public const long MaxMinor = 1_000_000_000_000_000;

    private Money(Currency currency, long minor)
    {
        Currency = currency;
        Minor = minor;
    }

    public Currency Currency { get; }
    public long Minor { get; }

    /// <summary>The amount in major units, exact and with the currency's decimals: 5000 fen is 50.00 (one minor unit times the amount).</summary>
    public decimal Major => Minor * new decimal(1, 0, 0, false, (byte)Currency.MinorUnits);

    public static Money OfMinor(Currency currency, long minor) => new(currency, minor);

    /// <summary>
    /// An amount the sender wrote in major units (50.00 CNY, 150000 VND). Null when it is not a positive amount of at most the
    /// currency's decimals and at most <see cref="MaxMinor"/>; <paramref name="problem"/> then says why.
    /// </summary>
    public static Money? FromMajor(Currency currency, decimal value, out Trilingual? problem)
    {
        problem = null;
        if (value <= 0)
        {
            problem = new Trilingual(Vi: "phải lớn hơn 0.", Zh: "必须大于0。", En: "must be more than zero.");
            return null;
        }
        var scaled = value * currency.MinorPerMajor;
        if (scaled != decimal.Truncate(scaled))
        {
            problem = new Trilingual(
                Vi: $"{currency.Code} có {currency.MinorUnits} chữ số thập phân; {value} có nhiều hơn.",
                Zh: $"{currency.Code}最多{currency.MinorUnits}位小数；{value}超出。",
                En: $"{currency.Code} has {currency.MinorUnits} decimals; {value} has more.");
            return null;
        }
        if (scaled > MaxMinor)
        {
            problem = new Trilingual(Vi: "số tiền quá lớn.", Zh: "金额过大。", En: $"is too large (at most {MaxMinor} minor units).");
            return null;
        }
        return new Money(currency, (long)scaled);
    }

    public static Money operator +(Money a, Money b) => new(Same(a, b), checked(a.Minor + b.Minor));

    public static Money operator -(Money a, Money b) => new(Same(a, b), checked(a.Minor - b.Minor));

    private static Currency Same(Money a, Money b) => a.Currency == b.Currency ? a.Currency
        : throw new InvalidOperationException($"cannot add {a.Currency} to {b.Currency}: convert through an FX quote.");

    public override string ToString() => $"{Currency.Code} {Major.ToString(Currency.MinorUnits == 0 ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>An amount on the wire: currency, the amount in major units (a JSON number, exact) and in minor units.</summary>
public sealed record MoneyJson(string Currency, decimal Value, long Minor)
{
    public static MoneyJson Of(Money money) => new(money.Currency.Code, money.Major, money.Minor);
}

/// <summary>An amount as a request writes it: currency code and value in major units (a JSON number such as 50.00).</summary>
public sealed record MoneyInput(string? Currency, decimal? Value);
