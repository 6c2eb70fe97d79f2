using FriendshipGate.Payments.Fx;
using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fx;

/// <summary>Conversions are integer arithmetic on the rate in millionths, rounded once, always in the FX provider's favour.</summary>
public sealed class FxRateTests
{
    public static TheoryData<string, int, decimal> CustomerRates => new()
    {
        // pays, spread (bp), customer rate from a mid of 3,650 VND per CNY
        { "VND", 0, 3650m },
        { "VND", 50, 3668.25m },     // buying yuan costs more đồng
        { "CNY", 50, 3631.75m },     // selling yuan brings fewer đồng
        { "VND", 1, 3650.365m },
        { "CNY", 9_999, 0.365m },
    };

    [Theory]
    [MemberData(nameof(CustomerRates))]
    public void TheSpread_MovesTheRate_AgainstThePayer(string pays, int spread, decimal expected) =>
        Assert.Equal(expected, FxRate.FromVndPerCny(3650m).ForCustomer(Currency.Parse(pays), spread).VndPerCny);

    [Fact]
    public void RoundingAMillionth_FavoursTheProvider()
    {
        var mid = FxRate.FromVndPerCny(3650.123457m);
        // 3650.123457 × 1.0001 = 3650.48847... and × 0.9999 = 3649.75844...: up when the payer buys yuan, down when it sells.
        Assert.Equal(3650.488470m, mid.ForCustomer(Currency.Vnd, 1).VndPerCny);
        Assert.Equal(3649.758444m, mid.ForCustomer(Currency.Cny, 1).VndPerCny);
    }

    public static TheoryData<decimal, string, decimal, string, decimal> Conversions => new()
    {
        // rate, amount the payee receives, what the payer pays (rounded up)
        { 3668.25m, "CNY", 50.00m, "VND", 183_413m },   // 183,412.5 up
        { 3668.25m, "CNY", 0.01m, "VND", 37m },         // 36.6825 up
        { 3631.75m, "VND", 200_000m, "CNY", 55.07m },   // 55.0698... up
        { 3631.75m, "VND", 1m, "CNY", 0.01m },          // 0.000275... up to one fen
        { 3650m, "VND", 36_500m, "CNY", 10.00m },       // exact: no rounding
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void WhatThePayerPays_IsRoundedUp(decimal rate, string receiveCurrency, decimal receive, string payCurrency, decimal pays) =>
        Assert.Equal(Amount(Currency.Parse(payCurrency), pays),
            FxRate.FromVndPerCny(rate).SourceFor(Amount(Currency.Parse(receiveCurrency), receive), Currency.Parse(payCurrency)));

    [Theory]
    [InlineData(3668.25, "VND", 183_413, "CNY", 50.00)]    // 50.00009 down
    [InlineData(3631.75, "CNY", 55.07, "VND", 200_000)]    // 200,000.47 down
    [InlineData(3650, "VND", 36_499, "CNY", 9.99)]          // 9.9997 down
    [InlineData(3650, "VND", 36, "CNY", 0)]                 // less than a fen
    public void WhatThePayeeReceives_IsRoundedDown(decimal rate, string payCurrency, decimal pay, string receiveCurrency, decimal receives) =>
        Assert.Equal(Money.OfMinor(Currency.Parse(receiveCurrency), (long)(receives * Currency.Parse(receiveCurrency).MinorPerMajor)),
            FxRate.FromVndPerCny(rate).TargetFor(Amount(Currency.Parse(payCurrency), pay), Currency.Parse(receiveCurrency)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3650.1234567)]
    public void ARate_IsPositive_WithAtMostSixDecimals(decimal rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FxRate.FromVndPerCny(rate));

    [Fact]
    public void ALargeAmount_ConvertsExactly_WithoutOverflow()
    {
        // 10^15 đồng at 3,668.25 is 272,609,554,964.90 yuan and a fraction of a fen: Int128 keeps every digit.
        var paid = FxRate.FromVndPerCny(3668.25m).TargetFor(Money.OfMinor(Currency.Vnd, Money.MaxMinor), Currency.Cny);
        Assert.Equal(27_260_955_496_490L, paid.Minor);
    }
}
