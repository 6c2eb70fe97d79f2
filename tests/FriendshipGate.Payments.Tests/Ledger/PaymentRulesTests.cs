using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>Who may pay whom, from which account: each row a request and the status, rule and field of its refusal.</summary>
public sealed class PaymentRulesTests
{
    private const string Company = "0101234567";

    public static TheoryData<string, int, string, string> Refusals => new()
    {
        { "unknown payer", 422, "unknown-account", "payer" },
        { "unknown payee", 422, "unknown-account", "payee" },
        { "same account", 422, "same-account", "payee" },
        { "another company's wallet", 403, "forbidden", "payer" },
        { "from a settlement account", 422, "account-kind", "payer" },
        { "from the fx provider", 422, "account-kind", "payer" },
        { "to a settlement account", 422, "account-kind", "payee" },
        { "to the fx provider", 422, "account-kind", "payee" },
        { "amount in the wrong currency", 422, "currency-mismatch", "amount.currency" },
        { "no amount", 422, "amount-required", "amount" },
        { "more than available", 422, "insufficient-funds", "payer" },
        { "a trader funding", 403, "forbidden", "role" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARequest_ThatBreaksARule_IsRefused_NamingTheRuleAndField(string request, int status, string rule, string field)
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("mine", Currency.Vnd, funds: 1_000_000, owner: Company);
        await node.OpenAsync("theirs", Currency.Vnd, funds: 1_000_000, owner: "0109999999");
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var trader = TraderOf(Company);
        var outcome = request switch
        {
            "unknown payer" => await node.PayAsync("nobody", "stall", Vnd(1_000)),
            "unknown payee" => await node.PayAsync("mine", "nobody", Vnd(1_000)),
            "same account" => await node.PayAsync("mine", "mine", Vnd(1_000)),
            "another company's wallet" => await node.PayAsync("theirs", "stall", Vnd(1_000), caller: trader),
            "from a settlement account" => await node.PayAsync("napas:settlement", "stall", Vnd(1_000)),
            "from the fx provider" => await node.PayAsync("fx:VND", "stall", Vnd(1_000)),
            "to a settlement account" => await node.PayAsync("mine", "napas:settlement", Vnd(1_000)),
            "to the fx provider" => await node.PayAsync("mine", "fx:VND", Vnd(1_000)),
            "amount in the wrong currency" => await node.PayAsync("mine", "stall", Cny(1)),
            "no amount" => await node.PayAsync("mine", "stall", null),
            "more than available" => await node.PayAsync("mine", "stall", Vnd(1_000_001)),
            _ => await node.Ledger.PayAsync(new PaymentRequest(PaymentKind.Funding, null, "mine", Vnd(1), null, null, false, true, "f", trader)),
        };
        Assert.Equal((status, rule, field), (outcome.Refusal?.Status, outcome.Refusal?.Rule, outcome.Refusal?.Field));
        Assert.All(new[] { outcome.Refusal!.Text.En, outcome.Refusal.Text.Vi, outcome.Refusal.Text.Zh }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.Equal(1_000_000, await node.AvailableAsync("mine"));
    }

    [Fact]
    public async Task ATrader_PaysFromItsCompanysWallet_AndPostsOrVoidsOnlyItsOwnPayments()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("mine", Currency.Vnd, funds: 1_000_000, owner: Company);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant, owner: "0105555555");
        var payment = (await node.PayAsync("mine", "stall", Vnd(10_000), caller: TraderOf(Company))).Payment!;
        Assert.Equal("trader-" + Company, payment.Requester);
        Assert.Equal("forbidden", (await node.Ledger.PostAsync(payment.Id, TraderOf("0105555555"))).Refusal?.Rule);
        Assert.Equal(PaymentState.Posted, (await node.Ledger.PostAsync(payment.Id, TraderOf(Company))).Payment!.State);
    }

    [Fact]
    public async Task AnAccountOpenedAgain_WithTheSameDetails_IsTheSame_WithOthers_IsRefused()
    {
        await using var node = await StartAsync("sqlite");
        var first = await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var (again, _) = await node.Ledger.OpenAsync(new AccountSpec("stall", "stall", "stall", AccountKind.Merchant, Currency.Vnd, 0));
        Assert.Equal(first, again);
        var (_, refusal) = await node.Ledger.OpenAsync(new AccountSpec("stall", "stall", "stall", AccountKind.Merchant, Currency.Cny, 0));
        Assert.Equal((409, "account-exists"), (refusal!.Status, refusal.Rule));
    }

    [Fact]
    public async Task AnAccountWithAnOverdraft_MayGoDownToItsLimit_AndNoFurther()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("gate.fees", Currency.Vnd, kind: AccountKind.Merchant, lowerLimit: -500_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        Assert.Null((await node.PayAsync("gate.fees", "stall", Vnd(500_000), post: true)).Refusal);
        Assert.Equal("insufficient-funds", (await node.PayAsync("gate.fees", "stall", Vnd(1))).Refusal?.Rule);
        Assert.Equal(-500_000, await node.BalanceAsync("gate.fees"));
    }

    [Fact]
    public void Amounts_HaveTheirCurrencysDecimals_AndArePositive()
    {
        Assert.Equal(5_000, Money.FromMajor(Currency.Cny, 50.00m, out _)!.Value.Minor);
        Assert.Equal(50.00m, Money.OfMinor(Currency.Cny, 5_000).Major);
        Assert.Equal("50.00", Money.OfMinor(Currency.Cny, 5_000).Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(Money.FromMajor(Currency.Vnd, 1.5m, out var vndDecimals));
        Assert.Contains("0 decimals", vndDecimals!.En);
        Assert.Null(Money.FromMajor(Currency.Cny, 0.001m, out _));
        Assert.Null(Money.FromMajor(Currency.Cny, 0m, out _));
        Assert.Null(Money.FromMajor(Currency.Vnd, -1m, out _));
        Assert.Throws<InvalidOperationException>(() => Vnd(1) + Cny(1));
        Assert.Throws<OverflowException>(() => Money.OfMinor(Currency.Vnd, long.MaxValue) + Vnd(1));
    }
}
