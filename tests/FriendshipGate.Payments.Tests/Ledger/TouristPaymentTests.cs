using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>
/// A visitor pays a merchant across the border, each in its own currency: a quote, a reservation in two linked legs through
/// the FX provider (each scheme sees only its own currency), then the post. Mid rate 3,650 VND per CNY, spread 50 bp.
/// </summary>
public sealed class TouristPaymentTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AVietnameseVisitor_PaysAChineseMerchant_VndToCny(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("vn.tourist", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Cny), Cny(10_000));

        // The stall's price is CNY 50.00; the visitor buys yuan at 3,650 × 1.005 = 3,668.25: 183,412.5 đồng, rounded up.
        var quoted = await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(50), Operator);
        var quote = quoted.Quote!;
        Assert.Equal((Vnd(183_413), Cny(50), 3668.25m), (quote.Source, quote.Target, quote.Rate.VndPerCny));

        var reserved = (await node.PayAsync("vn.tourist", "cn.stall", Cny(50), quote.Id)).Payment!;
        Assert.Equal(PaymentState.Reserved, reserved.State);
        Assert.Equal(
            [(1, "vn.tourist", "fx:VND", Vnd(183_413)), (2, "fx:CNY", "cn.stall", Cny(50))],
            reserved.Legs.Select(l => (l.Leg, l.DebitAccount, l.CreditAccount, l.Amount)));
        Assert.Equal(1_000_000 - 183_413, await node.AvailableAsync("vn.tourist"));
        Assert.Equal(0, await node.BalanceAsync("cn.stall"));

        var posted = (await node.Ledger.PostAsync(reserved.Id, Operator)).Payment!;
        Assert.Equal(PaymentState.Posted, posted.State);
        Assert.All(posted.Legs, l => Assert.Equal(TransferState.Posted, l.State));
        Assert.Equal(
            (816_587L, 183_413L, 995_000L, 5_000L),
            (await node.BalanceAsync("vn.tourist"), await node.BalanceAsync("fx:VND"), await node.BalanceAsync("fx:CNY"), await node.BalanceAsync("cn.stall")));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AChineseVisitor_PaysAVietnameseMerchant_CnyToVnd(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("cn.tourist", Currency.Cny, funds: 1_000);
        await node.OpenAsync("vn.stall", Currency.Vnd, kind: AccountKind.Merchant);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Vnd), Vnd(50_000_000));

        // VND 200,000 of dragon fruit; the visitor sells yuan at 3,650 × 0.995 = 3,631.75: 5,506.99 fen, rounded up to 55.07.
        var quote = (await node.Ledger.QuoteAsync(Currency.Cny, Currency.Vnd, Vnd(200_000), Operator)).Quote!;
        Assert.Equal((Cny(55.07m), Vnd(200_000), 3631.75m), (quote.Source, quote.Target, quote.Rate.VndPerCny));

        var paid = (await node.PayAsync("cn.tourist", "vn.stall", null, quote.Id, post: true, qr: QrKind.Dynamic)).Payment!;
        Assert.Equal((PaymentState.Posted, Cny(55.07m), Vnd(200_000)), (paid.State, paid.Debit, paid.Credit));
        Assert.Equal(
            (1_000_00L - 55_07L, 55_07L, 50_000_000L - 200_000L, 200_000L),
            (await node.BalanceAsync("cn.tourist"), await node.BalanceAsync("fx:CNY"), await node.BalanceAsync("fx:VND"), await node.BalanceAsync("vn.stall")));
        var check = await node.CheckAsync();
        Assert.True(check.Balanced);
        Assert.All(check.Currencies, c => Assert.Equal(0, c.BalanceSum));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task TheFxProvider_WithoutLiquidity_RefusesBothLegs(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("vn.tourist", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant);
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(50), Operator)).Quote!;

        var refused = await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id);
        Assert.Equal(("insufficient-funds", "quote"), (refused.Refusal!.Rule, refused.Refusal.Field));
        // Neither leg happened: the payer's funds are not held either.
        Assert.Equal(1_000_000, await node.AvailableAsync("vn.tourist"));
        Assert.Equal(0, await node.CountAsync("SELECT COUNT(*) FROM pay_payments WHERE state = 'reserved'"));
    }
}
