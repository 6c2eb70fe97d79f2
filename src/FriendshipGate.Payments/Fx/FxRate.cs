using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Fx;

/// <summary>
/// The price of one yuan in đồng (VND per CNY), exact to a millionth: held as an integer count of millionths so that every
/// conversion is integer arithmetic with one rounding at the end, never a double.
/// </summary>
public readonly record struct FxRate
{
    /// <summary>Millionths per unit of the rate.</summary>
    public const long Scale = 1_000_000;

    private FxRate(long micros) => Micros = micros;

    /// <summary>The rate times 10^6: 3650.25 VND per CNY is 3650250000.</summary>
    public long Micros { get; }

    /// <summary>The rate as an exact decimal (VND per CNY).</summary>
    public decimal VndPerCny => Micros * 0.000001m;

    /// <exception cref="ArgumentOutOfRangeException">Not positive, more than 6 decimals, or above 10^9.</exception>
    public static FxRate FromVndPerCny(decimal vndPerCny)
    {
        var micros = vndPerCny * Scale;
        if (vndPerCny <= 0 || vndPerCny > 1_000_000_000m || micros != decimal.Truncate(micros))
            throw new ArgumentOutOfRangeException(nameof(vndPerCny), vndPerCny, "an FX rate is a positive number of VND per CNY with at most 6 decimals.");
        return new FxRate((long)micros);
    }

    public static FxRate FromMicros(long micros) =>
        micros > 0 ? new FxRate(micros) : throw new ArgumentOutOfRangeException(nameof(micros), micros, "an FX rate is positive.");

    /// <summary>
    /// The customer's rate: the mid rate moved by <paramref name="spreadBasisPoints"/> against the customer, rounded to the
    /// millionth in the FX provider's favour. A customer who pays đồng buys yuan (the price goes up); one who pays yuan sells
    /// them (the price goes down).
    /// </summary>
    public FxRate ForCustomer(Currency pays, int spreadBasisPoints)
    {
        if (spreadBasisPoints is < 0 or >= 10_000) throw new ArgumentOutOfRangeException(nameof(spreadBasisPoints), spreadBasisPoints, "a spread is 0 to 9,999 basis points.");
        Int128 scaled = (Int128)Micros * (pays == Currency.Vnd ? 10_000 + spreadBasisPoints : 10_000 - spreadBasisPoints);
        return new FxRate((long)(pays == Currency.Vnd ? CeilingDivide(scaled, 10_000) : scaled / 10_000));
    }

    /// <summary>
    /// What the customer pays in <paramref name="pays"/> for <paramref name="receive"/> at this (customer) rate, rounded up to
    /// the minor unit: the provider never gives away a fraction.
    /// </summary>
    public Money SourceFor(Money receive, Currency pays) => Money.OfMinor(pays, Convert(receive, pays, roundUp: true));

    /// <summary>What <paramref name="pay"/> buys in <paramref name="receives"/> at this (customer) rate, rounded down to the minor unit.</summary>
    public Money TargetFor(Money pay, Currency receives) => Money.OfMinor(receives, Convert(pay, receives, roundUp: false));

    private long Convert(Money from, Currency to, bool roundUp)
    {
        if (from.Currency == to) throw new ArgumentException($"{from} is already in {to}.", nameof(to));
        // VND minor = CNY minor * rate / CNY minor per major; CNY minor = VND minor * CNY minor per major / rate (rate in millionths).
        Int128 numerator, denominator;
        if (from.Currency == Currency.Cny)
        {
            numerator = (Int128)from.Minor * Micros * Currency.Vnd.MinorPerMajor;
            denominator = (Int128)Currency.Cny.MinorPerMajor * Scale;
        }
        else
        {
            numerator = (Int128)from.Minor * Currency.Cny.MinorPerMajor * Scale;
            denominator = (Int128)Micros * Currency.Vnd.MinorPerMajor;
        }
        var result = roundUp ? CeilingDivide(numerator, denominator) : numerator / denominator;
        return checked((long)result);
    }

    private static Int128 CeilingDivide(Int128 numerator, Int128 denominator) => (numerator + denominator - 1) / denominator;

    public override string ToString() => VndPerCny.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
