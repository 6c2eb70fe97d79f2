using FriendshipGate.Payments.Fx;
using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>
/// Many payments at once from the same wallets into the same hot merchant: no account ever goes below its limit, every
/// accepted payment is there once, and the ledger still sums to zero.
/// </summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ParallelPayments_FromOneWallet_NeverOverdrawIt(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);

        // 300 payments of 10,000 đồng against 1,000,000: exactly 100 fit, whichever they are; half reserve, half post at once.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => node.PayAsync("payer", "stall", Vnd(10_000), post: i % 2 == 0))));
        Assert.Equal(100, outcomes.Count(o => o.Payment is not null));
        Assert.All(outcomes.Where(o => o.Refusal is not null), o => Assert.Equal("insufficient-funds", o.Refusal!.Rule));
        Assert.Equal(0, await node.AvailableAsync("payer"));

        // Post every reservation at once, from as many tasks: the balance lands exactly on zero.
        await Task.WhenAll(outcomes.Where(o => o.Payment?.State == PaymentState.Reserved).Select(o => Task.Run(() => node.Ledger.PostAsync(o.Payment!.Id, Operator))));
        Assert.Equal((0L, 1_000_000L), (await node.BalanceAsync("payer"), await node.BalanceAsync("stall")));
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ManyWallets_PayingAHotMerchant_AcrossCurrencies_KeepTheLedgerBalanced(string backend)
    {
        await using var node = await StartAsync(backend);
        const int wallets = 40;
        for (var i = 0; i < wallets; i++) await node.OpenAsync($"w{i}", i % 2 == 0 ? Currency.Vnd : Currency.Cny, funds: i % 2 == 0 ? 2_000_000 : 500);
        await node.OpenAsync("hot.vn", Currency.Vnd, kind: AccountKind.Merchant);
        await node.OpenAsync("hot.cn", Currency.Cny, kind: AccountKind.Merchant);
        // The FX provider holds little yuan: cross-currency payments into CNY run it dry and are refused, never overdrawn.
        await node.FundAsync(SystemAccounts.FxOf(Currency.Cny), Cny(2_000));
        await node.FundAsync(SystemAccounts.FxOf(Currency.Vnd), Vnd(50_000_000));

        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, wallets * 25).Select(n => Task.Run(async () =>
        {
            var wallet = n % wallets;
            var vnd = wallet % 2 == 0;
            var cross = n % 3 == 0;
            var payee = vnd != cross ? "hot.vn" : "hot.cn";
            string? quote = null;
            Money amount = payee == "hot.vn" ? Vnd(95_000) : Cny(26.50m);
            if (cross) quote = (await node.Ledger.QuoteAsync(vnd ? Currency.Vnd : Currency.Cny, vnd ? Currency.Cny : Currency.Vnd, amount, Operator)).Quote!.Id;
            var outcome = await node.PayAsync($"w{wallet}", payee, amount, quote, post: n % 4 != 0);
            if (outcome.Payment is not null) Interlocked.Increment(ref accepted);
            else Assert.Equal("insufficient-funds", outcome.Refusal!.Rule);
        })));

        Assert.True(accepted > 0);
        var accounts = await node.Ledger.AccountsAsync(null, 1_000);
        Assert.All(accounts.Where(a => a.LowerLimit is not null), a => Assert.True(a.Available >= a.LowerLimit, $"{a.Id} is at {a.Available}"));
        Assert.Equal(accepted, (int)await node.CountAsync("SELECT COUNT(*) FROM pay_payments WHERE kind = 'payment'"));
        var check = await node.CheckAsync();
        Assert.True(check.Balanced, string.Join("; ", check.Mismatched.Concat(check.BelowLimit)));
    }

    [Fact]
    public async Task TwoNodeProcesses_OnOnePostgresDatabase_NeverOverdrawTheSameWallet()
    {
        if (Environment.GetEnvironmentVariable("PG_CONN") is not { Length: > 0 } && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return;
        await using var node = await StartAsync("postgres");
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        // A second writer on the same schema, as a second node process would have: its own batches, its own transactions.
        await using var second = new LedgerWriter(node.Database, node.Options, node.Time);
        var other = new PaymentLedger(node.Database, second, new FxQuoteDesk(node.Options, node.Time), node.Time);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            (i % 2 == 0 ? node.Ledger : other).PayAsync(new PaymentRequest(PaymentKind.Payment, "payer", "stall", Vnd(10_000), null, null, false, true, $"k{i}", Operator)))));
        Assert.Equal(100, outcomes.Count(o => o.Payment is not null));
        Assert.Equal((0L, 1_000_000L), (await node.BalanceAsync("payer"), await node.BalanceAsync("stall")));
        Assert.True((await node.CheckAsync()).Balanced);

        // Taking turns: each writer must see the other's last batch, not the balances it remembers from its own.
        await node.FundAsync("payer", Vnd(100_000));
        for (var i = 0; i < 20; i++)
        {
            var outcome = await (i % 2 == 0 ? node.Ledger : other).PayAsync(
                new PaymentRequest(PaymentKind.Payment, "payer", "stall", Vnd(10_000), null, null, false, true, $"turn{i}", Operator));
            Assert.Equal(i < 10 ? null : "insufficient-funds", outcome.Refusal?.Rule);
        }
        Assert.Equal((0L, 1_100_000L), (await node.BalanceAsync("payer"), await node.BalanceAsync("stall")));
        Assert.True((await node.CheckAsync()).Balanced);
    }
}
