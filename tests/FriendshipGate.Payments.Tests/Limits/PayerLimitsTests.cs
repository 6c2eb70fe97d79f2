using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Limits;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Limits;

/// <summary>The schemes' limits as a table: amount, how it was scanned, strong authentication, paid earlier that day → rule.</summary>
public sealed class PayerLimitsTests
{
    public static TheoryData<string, decimal, string?, bool, decimal, decimal, string> Rows => new()
    {
        // currency, amount, qr, strongly authenticated, paid today, of which by static code, expected rule ("" = allowed)
        { "CNY", 500.00m, "static", false, 0, 0, "" },
        { "CNY", 500.01m, "static", false, 0, 0, "static-qr-daily-limit" },
        { "CNY", 100.00m, "static", false, 400, 400, "" },                  // exactly 500 a day
        { "CNY", 100.01m, "static", false, 400, 400, "static-qr-daily-limit" },
        { "CNY", 100.01m, "static", true, 400, 400, "static-qr-daily-limit" },  // nothing lifts the static cap
        { "CNY", 5_000.00m, "dynamic", false, 400, 400, "" },             // a dynamic code is not capped here
        { "CNY", 100.00m, "static", false, 4_000, 0, "" },                 // dynamic payments do not use up the static cap
        { "VND", 10_000_000m, null, false, 0, 0, "" },
        { "VND", 10_000_001m, null, false, 0, 0, "needs-strong-authentication" },
        { "VND", 10_000_001m, null, true, 0, 0, "" },
        { "VND", 5_000_000m, "static", false, 15_000_000, 15_000_000, "" }, // exactly 20 million a day
        { "VND", 5_000_001m, "dynamic", false, 15_000_000, 0, "needs-strong-authentication" },
        { "VND", 5_000_001m, "dynamic", true, 15_000_000, 0, "" },
        { "VND", 1m, null, false, 20_000_000, 0, "needs-strong-authentication" },  // every payment after the 20 millionth đồng
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ThePayersDay_DecidesWhetherAPaymentNeedsMore(string currency, decimal amount, string? qr, bool strong, decimal paid, decimal staticPaid, string rule)
    {
        var c = Currency.Parse(currency);
        var today = new DayUsage("2026-07-01", (long)(paid * c.MinorPerMajor), (long)(staticPaid * c.MinorPerMajor));
        Assert.Equal(rule, PayerLimits.Check(Amount(c, amount), qr, strong, today)?.Rule ?? "");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AChineseVisitor_ScanningStaticCodes_StopsAt500Yuan_ThenADynamicCodePays(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("cn.tourist", Currency.Cny, funds: 2_000);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant);
        for (var i = 0; i < 5; i++) Assert.Null((await node.PayAsync("cn.tourist", "cn.stall", Cny(100), qr: QrKind.Static, post: true)).Refusal);
        var refused = await node.PayAsync("cn.tourist", "cn.stall", Cny(0.01m), qr: QrKind.Static, post: true);
        Assert.Equal((422, "static-qr-daily-limit", "qr"), (refused.Refusal!.Status, refused.Refusal.Rule, refused.Refusal.Field));
        Assert.Contains("CNY 500.00", refused.Refusal.Text.En);
        Assert.Contains("静态二维码", refused.Refusal.Text.Zh);
        Assert.Contains("mã QR tĩnh", refused.Refusal.Text.Vi);
        Assert.Null((await node.PayAsync("cn.tourist", "cn.stall", Cny(300), qr: QrKind.Dynamic, post: true)).Refusal);

        // The next day in China (UTC+8) begins at 16:00 UTC: 8 hours after the test's 08:00.
        node.Time.Advance(TimeSpan.FromHours(8));
        Assert.Null((await node.PayAsync("cn.tourist", "cn.stall", Cny(500), qr: QrKind.Static, post: true)).Refusal);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AVietnamesePayer_Above20MillionADay_NeedsStrongAuthentication_AndIsLetThroughWithIt(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("vn.trader", Currency.Vnd, funds: 100_000_000, owner: "0101234567");
        await node.OpenAsync("vn.stall", Currency.Vnd, kind: AccountKind.Merchant);
        var trader = TraderOf("0101234567");

        Assert.Null((await node.PayAsync("vn.trader", "vn.stall", Vnd(10_000_000), caller: trader, post: true)).Refusal);
        var tooBig = await node.PayAsync("vn.trader", "vn.stall", Vnd(10_000_001), caller: trader);
        Assert.Equal(("needs-strong-authentication", "strongAuthentication"), (tooBig.Refusal!.Rule, tooBig.Refusal.Field));
        Assert.StartsWith("needs strong authentication", tooBig.Refusal.Text.En);
        Assert.StartsWith("cần xác thực mạnh", tooBig.Refusal.Text.Vi);
        Assert.StartsWith("需要强身份验证", tooBig.Refusal.Text.Zh);

        Assert.Null((await node.PayAsync("vn.trader", "vn.stall", Vnd(10_000_000), caller: trader, post: true)).Refusal);
        var overTheDay = await node.PayAsync("vn.trader", "vn.stall", Vnd(1), caller: trader);
        Assert.Equal("needs-strong-authentication", overTheDay.Refusal!.Rule);
        Assert.Contains("20,000,000", overTheDay.Refusal.Text.En);

        // Escalation: the payer was authenticated by biometrics, and says so.
        var escalated = await node.PayAsync("vn.trader", "vn.stall", Vnd(15_000_000), caller: trader, strong: true, post: true);
        Assert.True(escalated.Payment!.StrongAuthentication);
        Assert.Equal(35_000_000, (await node.Ledger.AccountAsync("vn.trader"))!.DayPaid);

        // Midnight in Viet Nam (UTC+7) is 17:00 UTC: a new day, a new 20 million.
        node.Time.Advance(TimeSpan.FromHours(9));
        Assert.Null((await node.PayAsync("vn.trader", "vn.stall", Vnd(10_000_000), caller: trader)).Refusal);
    }

    [Fact]
    public async Task ACrossCurrencyPayment_CountsInThePayersCurrency()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("vn.tourist", Currency.Vnd, funds: 100_000_000);
        await node.OpenAsync("cn.stall", Currency.Cny, kind: AccountKind.Merchant);
        await node.FundAsync(SystemAccounts.FxOf(Currency.Cny), Cny(100_000));
        // CNY 3,000 costs 11,004,750 đồng: above VND 10 million a transfer.
        var quote = (await node.Ledger.QuoteAsync(Currency.Vnd, Currency.Cny, Cny(3_000), Operator)).Quote!;
        Assert.Equal(Vnd(11_004_750), quote.Source);
        Assert.Equal("needs-strong-authentication", (await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id)).Refusal?.Rule);
        Assert.Null((await node.PayAsync("vn.tourist", "cn.stall", null, quote.Id, strong: true)).Refusal);
    }
}
