using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>What a client of a node's HTTP API sees: health, OpenAPI, authorisation, problem details.</summary>
public sealed class NodeHttpTests
{
    [Fact]
    public async Task Node_AnswersHealth_OpenApi_AndReferencePage()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var anonymous = new HttpClient { BaseAddress = nodes.VnApi.Http.BaseAddress };
        Assert.Equal("Healthy", await anonymous.GetStringAsync("healthz"));
        using var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/exchange/v1/transmissions", "/exchange/v1/status", "/api/v1/hydrology/observations", "/api/v1/clearance/declarations",
                     "/api/v1/clearance/advance-data/{originNumber}/import-declaration", "/api/v1/clearance/inspections", "/api/v1/clearance/trs", "/api/v1/users" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.Contains("<html", await anonymous.GetStringAsync("reference"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("fgate_exchange", await anonymous.GetStringAsync("metrics"));
    }

    [Fact]
    public async Task Api_WithoutTheOperatorToken_Is401()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var anonymous = new HttpClient { BaseAddress = nodes.VnApi.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("exchange/v1/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/hydrology/observations")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("exchange/v1/status")).StatusCode);
    }

    [Fact]
    public async Task InvalidObservations_AreRefusedWithProblemDetailsNamingEachField_AndNothingIsRecorded()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        var body = new object[]
        {
            new { station = "VN-LAOCAI", river = "Red River", observedAt = "2026-07-01T00:00:00Z", waterLevelM = 80.2 },
            new { station = "CN-HEKOU", river = "Red River", observedAt = "2026-07-01T00:00:00Z", waterLevelM = 80.2 },
            new { station = "laocai", observedAt = "2099-01-01T00:00:00Z", rainfallMm = -3 },
        };
        using var response = await nodes.VnApi.Http.PostAsJsonAsync("api/v1/hydrology/observations", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("VN stations only", errors.GetProperty("[1].station")[0].GetString());
        Assert.True(errors.TryGetProperty("[2].station", out _));
        Assert.Contains("future", errors.GetProperty("[2].observedAt")[0].GetString());
        Assert.True(errors.TryGetProperty("[2].rainfallMm", out _));
        Assert.Empty(await nodes.VnApi.ObservationsAsync());
        Assert.Equal(0, (await nodes.VnApi.StatusAsync()).Outbox[DeliveryState.Queued]);
    }

    [Fact]
    public async Task SameObservationTwice_IsA409_AndRecordedOnce()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        await nodes.VnApi.PostObservationsAsync(1);
        using var again = await nodes.VnApi.Http.PostAsJsonAsync("api/v1/hydrology/observations",
            new { station = "VN-LAOCAI", river = "Red River", observedAt = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), waterLevelM = 81.0 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await nodes.VnApi.ObservationsAsync());
    }

    [Fact]
    public async Task Transmission_FromAnUnknownSender_IsRefusedWithAReason_AndRecorded()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var stranger = SigningKey.Generate("ES256");
        var header = new TransmissionBody(Guid.CreateVersion7().ToString(), NodeId.Parse("LA-BOTEN"), NodeId.Parse("CN-YOUYIGUAN"), DateTimeOffset.UtcNow, []);
        var transmission = Jws.Sign(Jws.TransmissionType, JsonSerializer.SerializeToUtf8Bytes(header, WireJson.Options), stranger);
        using var response = await nodes.CnApi.Http.PostAsJsonAsync("exchange/v1/transmissions", new TransmissionRequest(transmission, []), WireJson.Options);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unknown-sender", problem.RootElement.GetProperty("reason").GetString());
        Assert.Equal(1, (await nodes.CnApi.StatusAsync()).Refusals["unknown-sender"]);

        using var garbage = await nodes.CnApi.Http.PostAsync("exchange/v1/transmissions", new StringContent("{\"transmission\": 5}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }
}
