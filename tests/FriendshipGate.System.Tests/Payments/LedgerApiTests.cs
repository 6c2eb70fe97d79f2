using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>One real VN node for the ledger API tests (its peer is never started: payments need no exchange).</summary>
public sealed class LedgerNodeFixture : IAsyncLifetime
{
    public NodePair Nodes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Nodes = await NodePair.CreateAsync(FgateExecutable.Current(), start: false);
        await Nodes.Vn.StartAsync();
    }

    public async Task DisposeAsync() => await Nodes.DisposeAsync();
}

/// <summary>
/// /api/v1/payments over HTTP on a real node: a visitor's payment from quote to settlement, idempotent retries, problem
/// details naming field and rule in the caller's language, and who may see and move what.
/// </summary>
public sealed class LedgerApiTests(LedgerNodeFixture fixture) : IClassFixture<LedgerNodeFixture>
{
    private PaymentsClient Operator => new(fixture.Nodes.VnApi.Http);

    [Fact]
    public async Task AVisitorsPayment_FromQuoteToSettlement()
    {
        var op = Operator;
        Assert.Equal(201, (await op.OpenAsync("api.cn.tourist", "CNY", "CN-TOURIST-1")).Status);
        Assert.Equal(201, (await op.OpenAsync("api.vn.stall", "VND", "0107777777", "merchant")).Status);
        Assert.Equal(201, (await op.FundAsync("api.cn.tourist", "CNY", 1_000)).Status);
        Assert.Equal(201, (await op.FundAsync("fx:VND", "VND", 100_000_000)).Status);

        var quote = await op.QuoteAsync("CNY", "VND", "VND", 200_000);
        Assert.Equal(201, quote.Status);
        Assert.Equal(55.07m, quote.Body.GetProperty("source").GetProperty("value").GetDecimal());
        Assert.Equal(3631.75m, quote.Body.GetProperty("rate").GetDecimal());

        var key = Guid.NewGuid().ToString();
        var body = new { payer = "api.cn.tourist", payee = "api.vn.stall", quote = quote.Id, qr = "dynamic" };
        var reserved = await op.PayAsync(body, key);
        Assert.Equal((201, "reserved", false), (reserved.Status, reserved.State, reserved.Replayed));
        Assert.Equal(2, reserved.Body.GetProperty("legs").GetArrayLength());
        var again = await op.PayAsync(body, key);
        Assert.Equal((201, reserved.Id, true), (again.Status, again.Id, again.Replayed));
        var reused = await op.PayAsync(body with { qr = "static" }, key);
        Assert.Equal((422, "idempotency-key-reused"), (reused.Status, reused.Rule));

        var posted = await op.PostAsync(reserved.Id);
        Assert.Equal((200, "posted"), (posted.Status, posted.State));
        Assert.Equal("posted", (await op.GetAsync(reserved.Id)).State);
        var stall = await op.GetAsync("accounts/api.vn.stall");
        Assert.Equal(200_000, stall.Body.GetProperty("balance").GetProperty("value").GetDecimal());

        var settlement = await op.SendAsync(HttpMethod.Post, "settlement/cutoff", null);
        Assert.Equal(201, settlement.Status);
        Assert.True(settlement.Body.GetProperty("balanced").GetBoolean());
        Assert.True(settlement.Body.GetProperty("netsToZero").GetBoolean());
        using var csv = await op.Http.GetAsync($"api/v1/payments/settlement/{settlement.Id}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("napas,VND,0107777777,0,200000,200000", await csv.Content.ReadAsStringAsync());
        using var html = await op.Http.GetAsync($"api/v1/payments/settlement/{settlement.Id}.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The ledger balances to zero", await html.Content.ReadAsStringAsync());
        var check = await op.GetAsync("ledger/check");
        Assert.True(check.Body.GetProperty("balanced").GetBoolean());
    }

    [Fact]
    public async Task BadInput_Is400_NamingEachFieldAndRule_InTheCallersLanguage()
    {
        var op = Operator;
        var noKey = await op.PayAsync(new { payer = "x", payee = "y", amount = new { currency = "VND", value = 1.5 } }, null);
        Assert.Equal(400, noKey.Status);
        var rules = noKey.Body.GetProperty("rules");
        Assert.Equal("required", rules.GetProperty("Idempotency-Key")[0].GetString());
        Assert.Equal("amount", rules.GetProperty("amount.value")[0].GetString());
        Assert.Contains("0 decimals", noKey.Body.GetProperty("errors").GetProperty("amount.value")[0].GetString());

        var badCurrency = await op.SendAsync(HttpMethod.Post, "quotes", new { source = "USD", target = "VND", amount = new { currency = "VND", value = 1000 } }, language: "vi-VN");
        Assert.Equal("currency", badCurrency.Body.GetProperty("rules").GetProperty("source")[0].GetString());
        Assert.Contains("không phải loại tiền", badCurrency.Body.GetProperty("errors").GetProperty("source")[0].GetString());

        var unknownQuote = await op.SendAsync(HttpMethod.Post, "", new { payer = "a", payee = "b", quote = "nope" }, Guid.NewGuid().ToString(), "zh-CN");
        Assert.Equal((422, "unknown-account"), (unknownQuote.Status, unknownQuote.Rule));
        Assert.Equal("payee", unknownQuote.Body.GetProperty("field").GetString());
        Assert.Contains("没有账户", unknownQuote.Body.GetProperty("detail").GetString());
        Assert.Equal(404, (await op.GetAsync("0190d6f0-0000-7000-8000-000000000000")).Status);
    }

    [Fact]
    public async Task ATrader_SeesAndMovesOnlyItsCompanysAccounts_AndAnOfficerNoMoney()
    {
        var op = Operator;
        await op.OpenAsync("api.trader.wallet", "VND", SampleClearance.VnExporter);
        await op.OpenAsync("api.other.wallet", "VND", "0109999999");
        await op.OpenAsync("api.gate.fees", "VND", "GATE", "merchant");
        await op.FundAsync("api.trader.wallet", "VND", 5_000_000);
        await op.FundAsync("api.other.wallet", "VND", 5_000_000);
        using var traderHttp = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, "pay.trader", "trader", SampleClearance.VnExporter);
        var trader = new PaymentsClient(traderHttp);

        var mine = await trader.GetAsync("accounts");
        Assert.All(mine.Body.EnumerateArray(), a => Assert.Equal(SampleClearance.VnExporter, a.GetProperty("owner").GetString()));
        Assert.Equal(404, (await trader.GetAsync("accounts/api.other.wallet")).Status);
        var paid = await trader.PayAsync(new { payer = "api.trader.wallet", payee = "api.gate.fees", amount = new { currency = "VND", value = 150_000 }, post = true }, Guid.NewGuid().ToString());
        Assert.Equal((201, "posted"), (paid.Status, paid.State));
        var notMine = await trader.PayAsync(new { payer = "api.other.wallet", payee = "api.gate.fees", amount = new { currency = "VND", value = 1 } }, Guid.NewGuid().ToString());
        Assert.Equal((403, "forbidden"), (notMine.Status, notMine.Rule));
        Assert.Equal(403, (await trader.FundAsync("api.trader.wallet", "VND", 1)).Status);
        Assert.Equal(403, (await trader.SendAsync(HttpMethod.Post, "settlement/cutoff", null)).Status);

        using var officerHttp = await ClearanceClient.NewUserAsync(fixture.Nodes.VnApi, "pay.officer", "officer", null);
        var officer = new PaymentsClient(officerHttp);
        Assert.Equal(403, (await officer.PayAsync(new { payer = "api.trader.wallet", payee = "api.gate.fees", amount = new { currency = "VND", value = 1 } }, "k")).Status);
        Assert.Equal(201, (await officer.QuoteAsync("VND", "CNY", "CNY", 10)).Status);
    }

    [Fact]
    public async Task TheLedgerApi_IsInTheOpenApiDocument_AndNeedsASignedInUser()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Nodes.VnApi.Http.BaseAddress };
        using var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("openapi/v1.json"));
        foreach (var path in new[] { "/api/v1/payments", "/api/v1/payments/quotes", "/api/v1/payments/{id}", "/api/v1/payments/{id}/post", "/api/v1/payments/{id}/void",
                     "/api/v1/payments/accounts/{id}", "/api/v1/payments/settlement/cutoff", "/api/v1/payments/settlement/{id}.csv" })
            Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty(path, out _), path);
        using var refused = await anonymous.PostAsJsonAsync("api/v1/payments/quotes", new { source = "VND", target = "CNY" });
        Assert.Equal(401, (int)refused.StatusCode);
    }
}
