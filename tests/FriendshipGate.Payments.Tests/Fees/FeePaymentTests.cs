using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>
/// Paying a fee by its scanned code: one posted payment into the gate operator's account and the fee paid, in one transaction,
/// exactly once however the request is retried or raced.
/// </summary>
public sealed class FeePaymentTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task PayingAFee_PostsThePayment_AndMarksTheFeePaid(string backend)
    {
        await using var node = await FeeFixtures.StartAsync(backend);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));

        var outcome = await FeeFixtures.PayAsync(node, fee.Payload);
        Assert.Null(outcome.Refusal);
        var payment = outcome.Payment!;
        Assert.Equal((PaymentState.Posted, QrKind.Dynamic, FeeFixtures.Wallet, "gate-fees:VND", 150_000L),
            (payment.State, payment.Qr, payment.Payer, payment.Payee, payment.Debit.Minor));
        Assert.Equal((FeeState.Paid, payment.Id, FeeFixtures.Wallet), (outcome.Fee!.StoredState, outcome.Fee.PaymentId, outcome.Fee.Payer));
        Assert.Equal((850_000L, 150_000L), (await node.BalanceAsync(FeeFixtures.Wallet), await node.BalanceAsync("gate-fees:VND")));
        // What is stored agrees, and the reference's owner was told in the payment's commit.
        var stored = await node.Fees.GetAsync(fee.Id, Operator);
        Assert.Equal((FeeState.Paid, payment.Id), (stored!.StoredState, stored.PaymentId));
        Assert.Equal(FeeState.Paid, node.References.Seen[fee.Id].StoredState);
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ARetryWithTheSameKey_AnswersTheFirstPayment_AndASecondPaymentIsRefused(string backend)
    {
        await using var node = await FeeFixtures.StartAsync(backend);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(50_000));
        var first = await FeeFixtures.PayAsync(node, fee.Payload, key: "scan-1");
        node.Time.Advance(TimeSpan.FromMinutes(3));

        var retry = await FeeFixtures.PayAsync(node, fee.Payload, key: "scan-1");
        Assert.True(retry.Replayed);
        Assert.Equal((first.Payment!.Id, first.Payment.CreatedAt, FeeState.Paid), (retry.Payment!.Id, retry.Payment.CreatedAt, retry.Fee!.StoredState));

        var second = await FeeFixtures.PayAsync(node, fee.Payload, key: "scan-2");
        Assert.Equal((409, "fee-paid", "fee"), (second.Refusal!.Status, second.Refusal.Rule, second.Refusal.Field));
        Assert.Contains(first.Payment.Id, second.Refusal.Text.En);
        Assert.Equal(950_000, await node.BalanceAsync(FeeFixtures.Wallet));
        Assert.Equal(1, await node.CountAsync("SELECT COUNT(*) FROM pay_payments WHERE kind = 'payment'"));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ConcurrentPayments_OfOneFee_OneSucceeds_TheOthersAreRefused(string backend)
    {
        await using var node = await FeeFixtures.StartAsync(backend);
        // A second wallet of the same company: two phones of one trader scanning the same code at once.
        await node.OpenAsync("trader.wallet.2", Currency.Vnd, funds: 1_000_000, owner: FeeFixtures.Company);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(80_000), FeeKind.Inspection);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            FeeFixtures.PayAsync(node, fee.Payload, key: $"race-{i}", payer: i % 2 == 0 ? FeeFixtures.Wallet : "trader.wallet.2"))));

        var paid = Assert.Single(outcomes, o => o.Refusal is null);
        Assert.All(outcomes.Where(o => o.Refusal is not null), o => Assert.Equal("fee-paid", o.Refusal!.Rule));
        Assert.Equal(80_000, await node.BalanceAsync("gate-fees:VND"));
        Assert.Equal(2_000_000 - 80_000, await node.BalanceAsync(FeeFixtures.Wallet) + await node.BalanceAsync("trader.wallet.2"));
        Assert.Equal(paid.Payment!.Id, (await node.Fees.GetAsync(fee.Id, Operator))!.PaymentId);
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Fact]
    public async Task TwoNodeProcesses_OnOnePostgresDatabase_PayAFeeOnce()
    {
        if (Environment.GetEnvironmentVariable("PG_CONN") is not { Length: > 0 } && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return;
        await using var node = await FeeFixtures.StartAsync("postgres");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(70_000), FeeKind.Storage);
        // A second writer and fee desk on the same schema, as a second node process would have.
        await using var second = new LedgerWriter(node.Database, node.Options, node.Time, node.References);
        var otherDesk = new FeeDesk(node.Database, second, node.Options, node.Time, node.References);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? node.Fees : otherDesk).PayAsync(fee.Payload, FeeFixtures.Wallet, $"p{i}", FeeFixtures.Trader))));
        Assert.Single(outcomes, o => o.Refusal is null);
        Assert.All(outcomes.Where(o => o.Refusal is not null), o => Assert.Equal("fee-paid", o.Refusal!.Rule));
        Assert.Equal((930_000L, 70_000L), (await node.BalanceAsync(FeeFixtures.Wallet), await node.BalanceAsync("gate-fees:VND")));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Fact]
    public async Task AFailedPayment_LeavesTheFeeDue_AndItsRetryIsJudgedAfresh()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite", funds: 10_000);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(50_000));
        Assert.Equal("insufficient-funds", (await FeeFixtures.PayAsync(node, fee.Payload, key: "k")).Refusal?.Rule);
        Assert.Equal(FeeState.Issued, (await node.Fees.GetAsync(fee.Id, Operator))!.StoredState);
        await node.FundAsync(FeeFixtures.Wallet, Vnd(100_000));
        Assert.Null((await FeeFixtures.PayAsync(node, fee.Payload, key: "k")).Refusal);
    }

    [Fact]
    public async Task ACancelledFee_CannotBePaid_AndAPaidOneCannotBeCancelled()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var cancelled = await FeeFixtures.IssueAsync(node, Vnd(20_000));
        Assert.Equal(FeeState.Cancelled, (await node.Fees.CancelAsync(cancelled.Id, Operator, "issued twice")).Fee!.StoredState);
        Assert.Equal("fee-cancelled", (await FeeFixtures.PayAsync(node, cancelled.Payload)).Refusal?.Rule);
        Assert.Equal(FeeState.Cancelled, node.References.Seen[cancelled.Id].StoredState);

        var paid = await FeeFixtures.IssueAsync(node, Vnd(20_000));
        Assert.Null((await FeeFixtures.PayAsync(node, paid.Payload)).Refusal);
        Assert.Equal((409, "fee-paid"), ((await node.Fees.CancelAsync(paid.Id, Operator, null)).Refusal!.Status, (await node.Fees.CancelAsync(paid.Id, Operator, null)).Refusal!.Rule));
        Assert.Equal("forbidden", (await node.Fees.CancelAsync(paid.Id, FeeFixtures.Trader, null)).Refusal?.Rule);
    }

    [Fact]
    public async Task AFeeWhoseCodeHasRunOut_IsExpired_AndCannotBePaid()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(20_000));
        node.Time.Advance(node.Options.Fees.Validity);
        Assert.Equal(FeeState.Expired, fee.StateAt(node.Time.GetUtcNow()));
        var refused = await FeeFixtures.PayAsync(node, fee.Payload);
        Assert.Equal((409, "fee-expired"), (refused.Refusal!.Status, refused.Refusal.Rule));
    }
}
