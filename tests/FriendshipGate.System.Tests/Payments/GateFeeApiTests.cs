using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>
/// Gate fees over HTTP on a real node process: the gate operator charges a fee on a booking, the trader sees it due on the
/// booking, pays it by the code's payload from its company's wallet, and the booking shows it paid; a retry replays, a second
/// payment is refused, another company sees nothing.
/// </summary>
public sealed class GateFeeApiTests(GateNodesFixture fixture) : IClassFixture<GateNodesFixture>
{
    private NodeApi Vn => fixture.Nodes.VnApi;

    [Fact]
    public async Task TheOperatorChargesAFeeOnABooking_TheTraderPaysItByTheCode_AndTheBookingShowsItPaid()
    {
        using var gateOperator = GateClient.Operator(Vn);
        using var trader = await GateClient.CreateAsync(Vn, "fee.trader", "trader", SampleClearance.VnExporter);
        using var stranger = await GateClient.CreateAsync(Vn, "fee.stranger", "trader", GateNodesFixture.OtherCompany);
        var operatorPayments = new PaymentsClient(gateOperator.Http);
        var traderPayments = new PaymentsClient(trader.Http);
        var bookingId = await BookAsync(trader, plate: "51D-22222");
        Assert.Equal(201, (await operatorPayments.OpenAsync("fee.trader.wallet", "VND", SampleClearance.VnExporter)).Status);
        Assert.Equal(201, (await operatorPayments.FundAsync("fee.trader.wallet", "VND", 1_000_000)).Status);

        // The operator charges parking on the booking: a dynamic VietQR code for exactly that fee.
        var issued = await operatorPayments.SendAsync(HttpMethod.Post, "fees", new { kind = "parking", amount = new { currency = "VND", value = 50_000 }, reference = bookingId });
        Assert.Equal(201, issued.Status);
        var fee = issued.Body.GetProperty("fee");
        var feeId = fee.GetProperty("id").GetString()!;
        var payload = fee.GetProperty("payload").GetString()!;
        Assert.Equal(("issued", SampleClearance.VnExporter), (fee.GetProperty("state").GetString(), fee.GetProperty("debtor").GetString()));
        Assert.StartsWith("iVBORw0KGgo", issued.Body.GetProperty("png").GetString());
        Assert.Contains("0102" + "12", payload);
        Assert.Contains("0125" + feeId, payload);
        var decoded = await operatorPayments.SendAsync(HttpMethod.Post, "qr/decode", new { payload, profile = "vietqr" });
        Assert.True(decoded.Body.GetProperty("valid").GetBoolean(), decoded.Body.ToString());

        // The trader sees it due on its booking; another company's trader sees neither the fee nor the booking's fees.
        var due = (await trader.GetAsync($"bookings/{bookingId}")).GetProperty("fees").EnumerateArray().Single();
        Assert.Equal((feeId, "issued", true, 50_000m), (due.GetProperty("id").GetString(), due.GetProperty("state").GetString(), due.GetProperty("due").GetBoolean(),
            due.GetProperty("amount").GetProperty("value").GetDecimal()));
        Assert.Equal(404, (await new PaymentsClient(stranger.Http).GetAsync($"fees/{feeId}")).Status);
        Assert.Equal(0, (await new PaymentsClient(stranger.Http).GetAsync($"fees?reference={bookingId}")).Body.GetArrayLength());

        // Paying by the scanned payload; the same request again replays; a second payment is refused, in the caller's language.
        var key = Guid.NewGuid().ToString();
        var paid = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments", new { payload, payer = "fee.trader.wallet" }, key);
        Assert.Equal(201, paid.Status);
        Assert.Equal(("paid", "posted", "dynamic"), (paid.Body.GetProperty("fee").GetProperty("state").GetString(),
            paid.Body.GetProperty("payment").GetProperty("state").GetString(), paid.Body.GetProperty("payment").GetProperty("qr").GetString()));
        var paymentId = paid.Body.GetProperty("payment").GetProperty("id").GetString();
        var retry = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments", new { payload, payer = "fee.trader.wallet" }, key);
        Assert.Equal((201, true, paymentId), (retry.Status, retry.Replayed, retry.Body.GetProperty("payment").GetProperty("id").GetString()));
        var twice = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments", new { payload, payer = "fee.trader.wallet" }, Guid.NewGuid().ToString(), language: "vi");
        Assert.Equal((409, "fee-paid", "fee"), (twice.Status, twice.Rule, twice.Body.GetProperty("field").GetString()));
        Assert.Contains("đã được thanh toán", twice.Body.GetProperty("detail").GetString());
        var altered = payload.Replace("540550000", "540540000", StringComparison.Ordinal);
        var refused = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments", new { payload = altered, payer = "fee.trader.wallet" }, Guid.NewGuid().ToString());
        Assert.Equal((422, "qr-crc"), (refused.Status, refused.Rule));

        // The booking shows it paid, and the money is where it should be.
        var shown = (await trader.GetAsync($"bookings/{bookingId}")).GetProperty("fees").EnumerateArray().Single();
        Assert.Equal(("paid", false, paymentId), (shown.GetProperty("state").GetString(), shown.GetProperty("due").GetBoolean(), shown.GetProperty("payment").GetString()));
        Assert.Equal(950_000m, (await traderPayments.GetAsync("accounts/fee.trader.wallet")).Body.GetProperty("balance").GetProperty("value").GetDecimal());

        // Documented with the other endpoints.
        var openApi = await Vn.Http.GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/v1/payments/fees/payments", openApi);
        Assert.Contains("/api/v1/payments/fees/{id}/cancellation", openApi);
    }

    [Fact]
    public async Task ACarrier_PaysAVndFee_FromItsCnyWallet_ThroughAQuote_AndTheGateReceivesTheFee()
    {
        using var gateOperator = GateClient.Operator(Vn);
        using var trader = await GateClient.CreateAsync(Vn, "fee.trader.cny", "trader", SampleClearance.VnExporter);
        var operatorPayments = new PaymentsClient(gateOperator.Http);
        var traderPayments = new PaymentsClient(trader.Http);
        var bookingId = await BookAsync(trader, plate: "51D-44444");
        Assert.Equal(201, (await operatorPayments.OpenAsync("fee.trader.cny.wallet", "CNY", SampleClearance.VnExporter)).Status);
        Assert.Equal(201, (await operatorPayments.FundAsync("fee.trader.cny.wallet", "CNY", 500)).Status);
        Assert.Equal(201, (await operatorPayments.FundAsync("fx:VND", "VND", 10_000_000)).Status);
        var issued = await operatorPayments.SendAsync(HttpMethod.Post, "fees", new { kind = "storage", amount = new { currency = "VND", value = 120_000 }, reference = bookingId });
        var payload = issued.Body.GetProperty("fee").GetProperty("payload").GetString()!;

        var noQuote = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments", new { payload, payer = "fee.trader.cny.wallet" }, Guid.NewGuid().ToString(), language: "zh-CN");
        Assert.Equal((422, "currency-mismatch"), (noQuote.Status, noQuote.Rule));
        Assert.Contains("报价", noQuote.Body.GetProperty("detail").GetString());

        var quote = await traderPayments.SendAsync(HttpMethod.Post, "quotes", new { source = "CNY", target = "VND", amount = new { currency = "VND", value = 120_000 } });
        Assert.Equal(201, quote.Status);
        var paid = await traderPayments.SendAsync(HttpMethod.Post, "fees/payments",
            new { payload, payer = "fee.trader.cny.wallet", quoteId = quote.Body.GetProperty("id").GetString() }, Guid.NewGuid().ToString());
        Assert.Equal(201, paid.Status);
        var payment = paid.Body.GetProperty("payment");
        Assert.Equal(("paid", "CNY", 120_000m), (paid.Body.GetProperty("fee").GetProperty("state").GetString(),
            payment.GetProperty("debit").GetProperty("currency").GetString(), payment.GetProperty("credit").GetProperty("value").GetDecimal()));
        Assert.Equal(2, payment.GetProperty("legs").GetArrayLength());
    }

    [Fact]
    public async Task OnlyTheOperator_IssuesFees_AndAFeeNeedsAKnownBooking()
    {
        using var gateOperator = GateClient.Operator(Vn);
        using var trader = await GateClient.CreateAsync(Vn, "fee.trader.b", "trader", SampleClearance.VnExporter);
        var bookingId = await BookAsync(trader, plate: "51D-33333");
        var byTrader = await new PaymentsClient(trader.Http).SendAsync(HttpMethod.Post, "fees",
            new { kind = "weighing", amount = new { currency = "VND", value = 30_000 }, reference = bookingId });
        Assert.Equal((403, "forbidden"), (byTrader.Status, byTrader.Rule));
        var unknown = await new PaymentsClient(gateOperator.Http).SendAsync(HttpMethod.Post, "fees",
            new { kind = "weighing", amount = new { currency = "VND", value = 30_000 }, reference = "BK-NOSUCHBOOKING" }, language: "zh-CN");
        Assert.Equal((422, "reference-unknown"), (unknown.Status, unknown.Rule));
        var invalid = await new PaymentsClient(gateOperator.Http).SendAsync(HttpMethod.Post, "fees",
            new { kind = "toll", amount = new { currency = "CNY", value = 3 }, reference = bookingId });
        Assert.Equal(400, invalid.Status);
        Assert.Equal(["amount.currency", "kind"], invalid.Body.GetProperty("rules").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    private async Task<string> BookAsync(GateClient trader, string plate)
    {
        using var response = await trader.Http.PostAsJsonAsync("api/v1/clearance/declarations", SampleClearance.DurianExport(plate: plate), WireJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var number = TestNodes.Json(text).GetProperty("number").GetString();
        var booking = await trader.PostAsync("bookings", new { declaration = number, slotStart = fixture.NextSlot }, 201);
        return booking.GetProperty("id").GetString()!;
    }
}
