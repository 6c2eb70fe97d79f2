using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>
/// A Chinese carrier's driver pays a VN gate fee from the company's CNY wallet, as UnionPay wallets pay VietQR codes: through
/// an FX quote to exactly the fee, two legs through the FX provider, and the gate receives the fee in VND.
/// </summary>
public sealed class FeeFxTests
{
    private const string CnyWallet = "trader.cny";

    private static async Task<PaymentsNode> StartAsync(string backend)
    {
        var node = await FeeFixtures.StartAsync(backend);
        await node.OpenAsync(CnyWallet, Currency.Cny, funds: 1_000, owner: FeeFixtures.Company);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Vnd), Vnd(100_000_000));
        return node;
    }

    private static async Task<FriendshipGate.Payments.Fx.FxQuote> QuoteAsync(PaymentsNode node, Money target) =>
        (await node.Ledger.QuoteAsync(Currency.Cny, Currency.Vnd, target, FeeFixtures.Trader)).Quote!;

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AFeeInVnd_PaidFromACnyWallet_ThroughAQuote_GivesTheGateExactlyTheFee(string backend)
    {
        await using var node = await StartAsync(backend);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));
        var quote = await QuoteAsync(node, fee.Amount);

        var outcome = await node.Fees.PayAsync(fee.Payload, CnyWallet, node.NewKey(), FeeFixtures.Trader, quote.Id);

        Assert.Null(outcome.Refusal);
        var payment = outcome.Payment!;
        Assert.Equal((PaymentState.Posted, quote.Source, fee.Amount, quote.Id), (payment.State, payment.Debit, payment.Credit, payment.QuoteId));
        Assert.Equal([(CnyWallet, SystemAccounts.FxOf(Currency.Cny)), (SystemAccounts.FxOf(Currency.Vnd), "gate-fees:VND")],
            payment.Legs.Select(l => (l.DebitAccount, l.CreditAccount)).ToList());
        Assert.Equal((FeeState.Paid, payment.Id, CnyWallet), (outcome.Fee!.StoredState, outcome.Fee.PaymentId, outcome.Fee.Payer));
        Assert.Equal(150_000, await node.BalanceAsync("gate-fees:VND"));
        Assert.Equal(100_000 - quote.Source.Minor, await node.BalanceAsync(CnyWallet));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task WithoutAQuote_OrWithOneThatDoesNotFit_TheFeeStaysDue_AndNothingMoves(string backend)
    {
        await using var node = await StartAsync(backend);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));

        var noQuote = await node.Fees.PayAsync(fee.Payload, CnyWallet, node.NewKey(), FeeFixtures.Trader);
        Assert.Equal((422, "currency-mismatch", "payer"), (noQuote.Refusal!.Status, noQuote.Refusal.Rule, noQuote.Refusal.Field));
        Assert.Contains("quoteId", noQuote.Refusal.Text.En);
        Assert.Contains("báo giá", noQuote.Refusal.Text.Vi);
        Assert.Contains("报价", noQuote.Refusal.Text.Zh);

        var tooSmall = await QuoteAsync(node, Vnd(100_000));
        Assert.Equal("quote-mismatch", (await node.Fees.PayAsync(fee.Payload, CnyWallet, node.NewKey(), FeeFixtures.Trader, tooSmall.Id)).Refusal?.Rule);

        var expired = await QuoteAsync(node, fee.Amount);
        node.Time.Advance(node.Options.QuoteValidity);
        Assert.Equal("quote-expired", (await node.Fees.PayAsync(fee.Payload, CnyWallet, node.NewKey(), FeeFixtures.Trader, expired.Id)).Refusal?.Rule);

        // A VND wallet needs no conversion: a quote there is refused rather than silently ignored.
        var needless = await QuoteAsync(node, fee.Amount);
        Assert.Equal("quote-mismatch", (await node.Fees.PayAsync(fee.Payload, FeeFixtures.Wallet, node.NewKey(), FeeFixtures.Trader, needless.Id)).Refusal?.Rule);

        Assert.Equal((100_000L, 0L, FeeState.Issued), (await node.BalanceAsync(CnyWallet), await node.BalanceAsync("gate-fees:VND"), (await node.Fees.GetAsync(fee.Id, Operator))!.StateAt(node.Time.GetUtcNow())));
        Assert.True((await node.CheckAsync()).Balanced);
    }
}
