using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Settlement;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Settlement;

/// <summary>At a cut-off, posted transfers are netted per scheme and participant; each scheme nets to zero and the ledger balances.</summary>
public sealed class SettlementTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ACutOff_NetsEachScheme_ToZero_AndSettlesEachTransferOnce(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("vn.tourist", Currency.Vnd, funds: 2_000_000, owner: "Nguyen", kind: AccountKind.Wallet);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant, owner: "Pingxiang Fruit");
        await node.OpenAsync("vn.stall", Currency.Vnd, kind: AccountKind.Merchant, owner: "Dong Dang Market");
        await node.FundAsync(SystemAccounts.FxOf(Currency.Cny), Cny(1_000));
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(100), Operator)).Quote!;
        Assert.Null((await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id, post: true)).Refusal);
        Assert.Null((await node.PayAsync("vn.tourist", "vn.stall", Vnd(150_000), post: true)).Refusal);
        var reserved = (await node.PayAsync("vn.tourist", "vn.stall", Vnd(50_000))).Payment!;

        var first = await node.Settlements.CutOffAsync("vn.operator");
        Assert.True(first.NetsToZero);
        Assert.True(first.Balanced);
        Assert.Null(first.PreviousCutoffAt);
        // Two fundings (1 leg each) + the cross payment (2 legs) + the VND payment (1 leg); the reservation waits.
        Assert.Equal(5, first.Transfers);
        var napas = first.Positions.Where(p => p.Scheme == "napas").ToDictionary(p => p.Participant, p => p.Net);
        Assert.Equal(new Dictionary<string, long>
        {
            ["Dong Dang Market"] = 150_000,
            ["FX-PROVIDER"] = 366_825,
            ["NAPAS"] = -2_000_000,
            ["Nguyen"] = 2_000_000 - 366_825 - 150_000,
        }, napas);
        var unionPay = first.Positions.Where(p => p.Scheme == "unionpay").ToDictionary(p => p.Participant, p => p.Net);
        Assert.Equal(new Dictionary<string, long> { ["FX-PROVIDER"] = 1_000_00 - 100_00, ["Pingxiang Fruit"] = 100_00, ["UNIONPAY"] = -1_000_00 }, unionPay);

        node.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(PaymentState.Posted, (await node.Ledger.PostAsync(reserved.Id, Operator)).Payment?.State);
        var second = await node.Settlements.CutOffAsync("vn.operator");
        Assert.Equal(first.CutoffAt, second.PreviousCutoffAt);
        Assert.Equal(1, second.Transfers);
        Assert.Equal([("Dong Dang Market", 50_000L), ("Nguyen", -50_000L)], second.Positions.Select(p => (p.Participant, p.Net)));
        Assert.True(second.Balanced);

        var stored = (await node.Settlements.GetAsync(first.Id))!;
        Assert.Equal(first.Positions, stored.Positions);
        Assert.True(stored.Check.Balanced);
        Assert.Equal(first.Check.Currencies, stored.Check.Currencies);
    }

    [Fact]
    public async Task TheReport_IsACsvWithATotalPerScheme_AndAPageThatSaysWhetherItBalances()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("cn.tourist", Currency.Cny, funds: 200, owner: "Li, Wei");
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant, owner: "Youyi <Fruit>");
        Assert.Null((await node.PayAsync("cn.tourist", "cn.stall", Cny(12.5m), post: true)).Refusal);
        var report = await node.Settlements.CutOffAsync("vn.operator");

        var csv = SettlementDocuments.Csv(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("settlement,cutoff,scheme,currency,participant,debits,credits,net", csv[0]);
        Assert.Equal(
        [
            $"{report.Id},2026-07-01T08:00:00.000Z,unionpay,CNY,\"Li, Wei\",12.50,200.00,187.50",
            $"{report.Id},2026-07-01T08:00:00.000Z,unionpay,CNY,UNIONPAY,200.00,0.00,-200.00",
            $"{report.Id},2026-07-01T08:00:00.000Z,unionpay,CNY,Youyi <Fruit>,0.00,12.50,12.50",
            $"{report.Id},2026-07-01T08:00:00.000Z,unionpay,CNY,TOTAL,212.50,212.50,0.00",
        ], csv[1..]);

        var html = SettlementDocuments.Html(report);
        Assert.Contains("The ledger balances to zero", html);
        Assert.Contains("Youyi &lt;Fruit&gt;", html);
        Assert.DoesNotContain("<Fruit>", html);
    }

    [Fact]
    public async Task AnUnbalancedLedger_IsReported_AsNotBalancing()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000);
        await node.Database.WriteAsync(tx => Dapper.SqlMapper.ExecuteAsync(tx.Connection, "UPDATE pay_accounts SET debits_posted = debits_posted - 7 WHERE id = 'payer'", transaction: tx.Transaction));
        var report = await node.Settlements.CutOffAsync("vn.operator");
        Assert.False(report.Balanced);
        Assert.Contains("does NOT balance", SettlementDocuments.Html(report));
    }
}
