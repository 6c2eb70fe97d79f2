using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>
/// The Gate API over HTTP on a real node process: truck slot bookings with their authorisation and field-by-field refusals,
/// and a clean truck from check-in to the barrier opening on its device readings alone.
/// </summary>
public sealed class GateApiTests(GateNodesFixture fixture) : IClassFixture<GateNodesFixture>
{
    private NodeApi Vn => fixture.Nodes.VnApi;

    [Fact]
    public async Task ATraderBooksASlotForItsDeclaration_AndAnotherCompanysTraderCanNeitherBookItNorSeeTheBooking()
    {
        using var trader = await GateClient.CreateAsync(Vn, "fruit.trader.a", "trader", SampleClearance.VnExporter);
        using var stranger = await GateClient.CreateAsync(Vn, "other.trader.a", "trader", GateNodesFixture.OtherCompany);
        // A plate of its own, so this truck is never the one another test checks in.
        var number = await LodgeAsync(trader, plate: "51D-11111");

        var booking = await trader.PostAsync("bookings", new { declaration = number, slotStart = fixture.NextSlot }, 201);
        var id = booking.GetProperty("id").GetString()!;
        var seen = await trader.GetAsync($"bookings/{id}");
        Assert.Equal((id, number, "booked", "A1", "51D11111"), (seen.GetProperty("booking").GetProperty("id").GetString(),
            seen.GetProperty("booking").GetProperty("declaration").GetString(), seen.GetProperty("booking").GetProperty("state").GetString(),
            seen.GetProperty("booking").GetProperty("lane").GetString(), seen.GetProperty("booking").GetProperty("plate").GetString()));
        Assert.Equal(fixture.NextSlot, seen.GetProperty("booking").GetProperty("slotStart").GetDateTimeOffset());
        // Not checked in yet: no queue place, expected at its slot.
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("place").ValueKind);
        Assert.Equal(fixture.NextSlot, seen.GetProperty("expectedAt").GetDateTimeOffset());

        var notTheirs = await stranger.GetAsync($"bookings/{id}", 403);
        Assert.Equal("id", notTheirs.GetProperty("field").GetString());
        Assert.Contains(id, notTheirs.GetProperty("detail").GetString());
        var notTheirDeclaration = await stranger.PostAsync("bookings", new { declaration = number, slotStart = fixture.NextSlot }, 403);
        Assert.False(string.IsNullOrEmpty(notTheirDeclaration.GetProperty("field").GetString()));
        Assert.Contains("another company", notTheirDeclaration.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnInvalidBooking_IsRefusedFieldByField_InTheCallersLanguage()
    {
        using var trader = await GateClient.CreateAsync(Vn, "fruit.trader.b", "trader", SampleClearance.VnExporter);
        var offGrid = new { slotStart = fixture.NextSlot.AddMinutes(7) };

        var english = await trader.PostAsync("bookings", offGrid, 400);
        Assert.Equal(["declaration", "slotStart"], english.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("must be the start of a slot", english.GetProperty("errors").GetProperty("slotStart")[0].GetString());
        Assert.Equal("is required.", english.GetProperty("errors").GetProperty("declaration")[0].GetString());

        var vietnamese = await trader.PostAsync("bookings", offGrid, 400, language: "vi");
        Assert.Equal("Yêu cầu không hợp lệ; chưa có gì thay đổi.", vietnamese.GetProperty("title").GetString());
        Assert.Contains("phải là thời điểm bắt đầu một khung giờ", vietnamese.GetProperty("errors").GetProperty("slotStart")[0].GetString());
        Assert.Equal("là bắt buộc.", vietnamese.GetProperty("errors").GetProperty("declaration")[0].GetString());
    }

    [Fact]
    public async Task ACleanTruck_IsReleasedOnItsDeviceReadings_AndTheSameReadingSentAgainGetsTheSameAnswer()
    {
        const string plate = "12C-12345";
        using var gateOperator = GateClient.Operator(Vn);
        using var trader = await GateClient.CreateAsync(Vn, "fruit.trader.c", "trader", SampleClearance.VnExporter);
        var number = await LodgeAsync(trader, plate);
        var bookingId = (await trader.PostAsync("bookings", new { declaration = number, slotStart = fixture.NextSlot, lane = "A1" }, 201)).GetProperty("id").GetString();

        var place = await gateOperator.PostAsync("arrivals", new { plate });
        Assert.Equal((bookingId, number), (place.GetProperty("bookingId").GetString(), place.GetProperty("declaration").GetString()));
        var visit = await gateOperator.PostAsync("lanes/A1/call", null);
        var visitId = visit.GetProperty("id").GetString()!;
        Assert.Equal(("called", "A1"), (visit.GetProperty("state").GetString(), visit.GetProperty("lane").GetString()));

        var at = DateTimeOffset.UtcNow;
        var answers = new List<JsonElement>();
        foreach (var reading in CleanReadings(plate, at)) answers.Add(await gateOperator.PostAsync("device-events", reading));
        Assert.All(answers, a => Assert.Equal(("ok", visitId, number, false),
            (a.GetProperty("outcome").GetString(), a.GetProperty("visitId").GetString(), a.GetProperty("declaration").GetString(), a.GetProperty("duplicate").GetBoolean())));
        Assert.All(answers.SkipLast(1), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("barrier").ValueKind));
        var last = answers[^1];
        Assert.Equal("open", last.GetProperty("barrier").GetString());
        Assert.Equal(("auto-released", "system"), (last.GetProperty("decision").GetProperty("decision").GetString(), last.GetProperty("decision").GetProperty("actor").GetString()));
        Assert.Equal("released", (await gateOperator.GetAsync($"visits/{visitId}")).GetProperty("visit").GetProperty("state").GetString());

        // The scanner did not hear the answer and sends its reading again: the same answer, marked as a duplicate, applied once.
        var again = await gateOperator.PostAsync("device-events", CleanReadings(plate, at)[^1]);
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(Comparable(last), Comparable(again));
        Assert.Single((await gateOperator.GetAsync($"visits/{visitId}")).GetProperty("decisions").EnumerateArray());
    }

    [Fact]
    public async Task ATrader_CannotPostDeviceEvents()
    {
        using var trader = await GateClient.CreateAsync(Vn, "fruit.trader.d", "trader", SampleClearance.VnExporter);
        await trader.PostAsync("device-events", new { eventId = "d-plate", device = "lane-A1-camera", kind = "plate-read", at = DateTimeOffset.UtcNow, lane = "A1",
            plate = "12C-12345", confidence = 0.99 }, 403);
    }

    /// <summary>
    /// The readings of a truck that matches SampleClearance.DurianExport: its plate, 19,650 kg of goods on a 14 t truck
    /// (19,500 kg declared), its seal and container, and a clear scan. Event ids are fixed: the same reading at the same time is the same event.
    /// </summary>
    private static object[] CleanReadings(string plate, DateTimeOffset at) =>
        [
            new { eventId = "c-plate", device = "lane-A1-camera", kind = "plate-read", at, lane = "A1", plate, confidence = 0.98 },
            new { eventId = "c-weight", device = "lane-A1-weighbridge", kind = "weight", at, lane = "A1", weightKg = 33_650m, tareKg = 14_000m },
            new { eventId = "c-seal", device = "lane-A1-seal-reader", kind = "seal-read", at, lane = "A1", seal = "VN123456", confidence = 0.99 },
            new { eventId = "c-container", device = "lane-A1-ocr", kind = "container-read", at, lane = "A1", container = "CSQU3054383", confidence = 0.97 },
            new { eventId = "c-scan", device = "lane-A1-scanner", kind = "scan", at, lane = "A1", result = "clear" },
        ];

    private static async Task<string> LodgeAsync(GateClient trader, string plate)
    {
        using var response = await trader.Http.PostAsJsonAsync("api/v1/clearance/declarations", SampleClearance.DurianExport(plate: plate), WireJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var declaration = TestNodes.Json(text);
        // Green and released on data: the truck may go on its readings alone.
        Assert.Equal("green", declaration.GetProperty("lane").GetString());
        return declaration.GetProperty("number").GetString()!;
    }

    /// <summary>
    /// An answer as the device compares it: without the duplicate flag, and with the decision's time to the millisecond, as
    /// the node stores it (the first answer carries the clock's full precision, a repeated one the stored time).
    /// </summary>
    private static string Comparable(JsonElement answer)
    {
        var node = JsonNode.Parse(answer.GetRawText())!.AsObject();
        node.Remove("duplicate");
        if (node["decision"] is JsonObject decision)
        {
            var at = decision["decidedAt"]!.GetValue<DateTimeOffset>();
            decision["decidedAt"] = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        }
        return node.ToJsonString();
    }
}
