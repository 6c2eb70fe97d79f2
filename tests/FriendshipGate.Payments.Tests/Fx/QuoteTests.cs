using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fx;

/// <summary>A payment across currencies must name a live quote that fits it, once; otherwise it is refused and nothing moves.</summary>
public sealed class QuoteTests
{
    private static async Task<PaymentsNode> WithAccountsAsync(string backend)
    {
        var node = await StartAsync(backend);
        await node.OpenAsync("vn.tourist", Currency.Vnd, funds: 10_000_000);
        await node.OpenAsync("cn.tourist", Currency.Cny, funds: 1_000);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant);
        await node.OpenAsync("vn.stall", Currency.Vnd, kind: AccountKind.Merchant);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Cny), Cny(100_000));
        await node.FundAsync(SystemAccounts.FxOf(Currency.Vnd), Vnd(100_000_000));
        return node;
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AnExpiredQuote_IsRefused_AndNothingIsHeld(string backend)
    {
        await using var node = await WithAccountsAsync(backend);
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(50), Operator)).Quote!;
        Assert.Equal(node.Options.QuoteValidity, quote.ExpiresAt - quote.CreatedAt);

        node.Time.Advance(node.Options.QuoteValidity);
        var refused = await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id);
        Assert.Equal((422, "quote-expired", "quote"), (refused.Refusal!.Status, refused.Refusal.Rule, refused.Refusal.Field));
        Assert.Contains("expired", refused.Refusal.Text.En);
        Assert.Contains("hết hạn", refused.Refusal.Text.Vi);
        Assert.Contains("过期", refused.Refusal.Text.Zh);
        Assert.Equal(10_000_000, await node.AvailableAsync("vn.tourist"));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AQuote_StillLiveAMomentBeforeItsExpiry_Pays(string backend)
    {
        await using var node = await WithAccountsAsync(backend);
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(50), Operator)).Quote!;
        node.Time.Advance(node.Options.QuoteValidity - TimeSpan.FromMilliseconds(1));
        Assert.Null((await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id)).Refusal);
    }

    /// <summary>Each row: how the payment misuses a quote made for VND → CNY 50.00, and the rule that refuses it.</summary>
    public static TheoryData<string, string> Misuses => new()
    {
        { "unknown", "quote-unknown" },
        { "used twice", "quote-used" },
        { "other direction", "quote-mismatch" },
        { "other amount", "quote-mismatch" },
        { "same currency", "quote-mismatch" },
        { "no quote", "quote-required" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public async Task AQuote_ThatDoesNotFit_IsRefused(string misuse, string rule)
    {
        await using var node = await WithAccountsAsync("sqlite");
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(50), Operator)).Quote!;
        if (misuse == "used twice") Assert.Null((await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id)).Refusal);
        var outcome = misuse switch
        {
            "unknown" => await node.PayAsync("vn.tourist", "cn.stall", null, "0190d6f0-0000-7000-8000-000000000000"),
            "used twice" => await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id),
            "other direction" => await node.PayAsync("cn.tourist", "vn.stall", null, quote.Id),
            "other amount" => await node.PayAsync("vn.tourist", "cn.stall", Cny(60), quote.Id),
            "same currency" => await node.PayAsync("vn.tourist", "vn.stall", Vnd(1000), quote.Id),
            _ => await node.PayAsync("vn.tourist", "cn.stall", Cny(50)),
        };
        Assert.Equal((422, rule, "quote"), (outcome.Refusal!.Status, outcome.Refusal.Rule, outcome.Refusal.Field));
    }

    [Theory]
    [InlineData("VND", "CNY", "VND", 1)]      // one đồng buys no fen
    [InlineData("CNY", "VND", "CNY", 0.01)]   // one fen buys 36 đồng: fine
    public async Task AnAmountTooSmallToConvert_IsRefused(string source, string target, string currency, decimal value)
    {
        await using var node = await StartAsync("sqlite");
        var outcome = await node.Ledger.QuoteAsync(Currency.Parse(source), Currency.Parse(target), Amount(Currency.Parse(currency), value), Operator);
        Assert.Equal(currency == "VND" ? "amount-too-small" : null, outcome.Refusal?.Rule);
    }
}
