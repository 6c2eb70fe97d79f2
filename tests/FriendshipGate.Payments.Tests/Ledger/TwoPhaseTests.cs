using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>Reserve, then post or void; a reservation not posted in time is voided by the node.</summary>
public sealed class TwoPhaseTests
{
    /// <summary>
    /// Each row: the steps taken after a reservation (p = post, v = void, t = its time runs out and the sweeper runs), then the
    /// state it ends in and the rule of the last step's refusal ("" when the last step succeeded).
    /// </summary>
    public static TheoryData<string, string, string> Steps => new()
    {
        { "p", PaymentState.Posted, "" },
        { "v", PaymentState.Voided, "" },
        { "pp", PaymentState.Posted, "" },            // posting again answers the posted payment
        { "vv", PaymentState.Voided, "" },
        { "pv", PaymentState.Posted, "payment-posted" },
        { "vp", PaymentState.Voided, "payment-voided" },
        { "tp", PaymentState.Expired, "payment-expired" },
        { "tv", PaymentState.Expired, "" },           // voiding an expired reservation answers it
        { "pt", PaymentState.Posted, "" },            // a posted payment never expires
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task AReservation_EndsPostedOrVoided_Once(string steps, string state, string rule)
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var payment = (await node.PayAsync("payer", "stall", Vnd(300_000))).Payment!;
        LedgerOutcome last = new(payment, null);
        foreach (var step in steps)
        {
            if (step == 't')
            {
                node.Time.Advance(node.Options.PendingTimeout);
                await node.Ledger.ExpireDueAsync();
                last = new LedgerOutcome(await node.Ledger.PaymentAsync(payment.Id), null);
            }
            else last = step == 'p' ? await node.Ledger.PostAsync(payment.Id, Operator) : await node.Ledger.VoidAsync(payment.Id, Operator);
        }
        Assert.Equal(rule, last.Refusal?.Rule ?? "");
        Assert.Equal(state, (await node.Ledger.PaymentAsync(payment.Id))!.State);
        var paid = state == PaymentState.Posted ? 300_000 : 0;
        Assert.Equal((1_000_000L - paid, 1_000_000L - paid, (long)paid), (await node.BalanceAsync("payer"), await node.AvailableAsync("payer"), await node.BalanceAsync("stall")));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AReservation_HoldsFunds_UntilItTimesOut_ThenTheSweeperVoidsIt(string backend)
    {
        await using var node = await StartAsync(backend, new PaymentsOptions { PendingTimeout = TimeSpan.FromSeconds(30) });
        await node.OpenAsync("cn.tourist", Currency.Cny, funds: 100);
        await node.OpenAsync("vn.stall", Currency.Vnd, kind: AccountKind.Merchant);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Vnd), Vnd(10_000_000));
        var quote = (await node.Ledger.QuoteAsync(Currency.Cny, Currency.Vnd, Vnd(200_000), Operator)).Quote!;
        var reserved = (await node.PayAsync("cn.tourist", "vn.stall", null, quote.Id)).Payment!;
        Assert.Equal(node.Time.GetUtcNow() + TimeSpan.FromSeconds(30), reserved.TimeoutAt);
        Assert.Equal(100_00 - 55_07, await node.AvailableAsync("cn.tourist"));
        Assert.Equal(10_000_000 - 200_000, await node.AvailableAsync("fx:VND"));

        node.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await node.Ledger.ExpireDueAsync());
        node.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await node.Ledger.ExpireDueAsync());

        var expired = (await node.Ledger.PaymentAsync(reserved.Id))!;
        Assert.Equal(PaymentState.Expired, expired.State);
        Assert.All(expired.Legs, l => Assert.Equal(TransferState.Voided, l.State));
        Assert.Equal((100_00L, 10_000_000L), (await node.AvailableAsync("cn.tourist"), await node.AvailableAsync("fx:VND")));
        Assert.Equal(0, await node.CountAsync("SELECT COUNT(*) FROM pay_payments WHERE state = 'reserved'"));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Fact]
    public async Task AVoidedPayment_NoLongerCountsTowardsThePayersDay()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 50_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var big = (await node.PayAsync("payer", "stall", Vnd(9_000_000))).Payment!;
        Assert.Equal(9_000_000, (await node.Ledger.AccountAsync("payer"))!.DayPaid);
        await node.Ledger.VoidAsync(big.Id, Operator, "the buyer changed its mind");
        Assert.Equal(0, (await node.Ledger.AccountAsync("payer"))!.DayPaid);
        Assert.Equal("the buyer changed its mind", (await node.Ledger.PaymentAsync(big.Id))!.Reason);
    }
}
