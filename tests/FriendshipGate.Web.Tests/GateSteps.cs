using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Testing;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// The gate steps no screen under test takes (capacity, lodging, check-in, call-forward, device readings), through the VN
/// node's HTTP API as the gate operator, the trader and the officer would. Each test uses a plate of its own, and leaves
/// no truck at a lane or in the waiting area, so that the next test's call-forward takes its own truck.
/// </summary>
internal sealed class GateSteps(BrowserNodes nodes) : IDisposable
{
    private static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);
    private readonly HttpClient gateOperator = nodes.Nodes.VnApi.Http;
    private readonly HttpClient trader = nodes.Api("vn.trader");
    private readonly HttpClient officer = nodes.Api("vn.officer");

    /// <summary>The slot after the current one: bookable, and not missed before the test is over.</summary>
    public static DateTimeOffset NextSlot
    {
        get
        {
            var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var length = (long)SlotLength.TotalMilliseconds;
            return DateTimeOffset.FromUnixTimeMilliseconds(ms - ms % length) + SlotLength;
        }
    }

    /// <summary>The operator opens both outbound lanes for the next day, 20 trucks a slot (again: capacity is set, not added).</summary>
    public async Task OpenOutboundLanesAsync()
    {
        var from = NextSlot - SlotLength;
        foreach (var lane in new[] { "A1", "A2" })
            await SendAsync(gateOperator, HttpMethod.Put, "api/v1/gate/capacity", new { lane, from, to = from.AddHours(26), perSlot = 20, perishableReserved = 0 });
    }

    /// <summary>The VN trader lodges a durian export carried by <paramref name="plate"/>; its number.</summary>
    public async Task<string> LodgeAsync(string plate, string certificate) =>
        (await SendAsync(trader, HttpMethod.Post, "api/v1/clearance/declarations",
            SampleClearance.DurianExport(phytosanitaryCertificate: certificate, plate: plate, certificateOfOrigin: "E26VN" + certificate[^4..])))
        .GetProperty("number").GetString()!;

    /// <summary>The trader books the next slot on lane A1; the booking (with its driver code).</summary>
    public Task<JsonElement> BookAsync(string declaration) =>
        SendAsync(trader, HttpMethod.Post, "api/v1/gate/bookings", new { declaration, slotStart = NextSlot, lane = "A1" });

    public Task<JsonElement> CheckInAsync(string plate) => SendAsync(gateOperator, HttpMethod.Post, "api/v1/gate/arrivals", new { plate });

    /// <summary>Calls the next truck to <paramref name="lane"/>; the test's own truck, since no other waits.</summary>
    public async Task<string> CallAsync(string lane, string plate)
    {
        var visit = await SendAsync(gateOperator, HttpMethod.Post, $"api/v1/gate/lanes/{lane}/call", null);
        Assert.Equal(plate.Replace("-", "", StringComparison.Ordinal), visit.GetProperty("plate").GetString());
        return visit.GetProperty("id").GetString()!;
    }

    /// <summary>The weighbridge at <paramref name="lane"/> reads 21 t of goods where 19.5 t were declared: beyond the 1 t tolerance.</summary>
    public Task<JsonElement> OverweightAsync(string lane, string eventId) =>
        SendAsync(gateOperator, HttpMethod.Post, "api/v1/gate/device-events",
            new { eventId, device = $"lane-{lane}-weighbridge", kind = "weight", at = DateTimeOffset.UtcNow, lane, weightKg = 35_000m, tareKg = 14_000m });

    public Task<JsonElement> VisitAsync(string visitId) => SendAsync(gateOperator, HttpMethod.Get, $"api/v1/gate/visits/{visitId}", null);

    /// <summary>Frees the lane for the next test: the officer pulls the truck aside to the inspection area.</summary>
    public Task PullAsideAsync(string visitId) =>
        SendAsync(officer, HttpMethod.Post, $"api/v1/gate/visits/{visitId}/aside", new { reason = "browser test done" });

    /// <summary>The gate operator charges a fee on a booking; the fee, with its dynamic code's payload.</summary>
    public async Task<JsonElement> ChargeAsync(string bookingId, string kind, decimal vnd) =>
        (await SendAsync(gateOperator, HttpMethod.Post, "api/v1/payments/fees", new { kind, amount = new { currency = "VND", value = vnd }, reference = bookingId }))
        .GetProperty("fee");

    /// <summary>The trader pays by the scanned payload from a wallet of its company the operator opened and funded.</summary>
    public async Task PayAsync(string payload, string wallet)
    {
        await SendAsync(gateOperator, HttpMethod.Post, "api/v1/payments/accounts", new { id = wallet, owner = SampleClearance.VnExporter, participant = SampleClearance.VnExporter, kind = "wallet", currency = "VND" });
        await SendAsync(gateOperator, HttpMethod.Post, $"api/v1/payments/accounts/{wallet}/funding", new { amount = new { currency = "VND", value = 1_000_000 } }, Guid.NewGuid().ToString());
        await SendAsync(trader, HttpMethod.Post, "api/v1/payments/fees/payments", new { payload, payer = wallet }, Guid.NewGuid().ToString());
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose()
    {
        trader.Dispose();
        officer.Dispose();
    }
}
