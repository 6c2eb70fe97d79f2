using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;
using FriendshipGate.Hydrology;

namespace FriendshipGate.System.Tests;

/// <summary>Starts real node pairs for tests and reads their state through the public API.</summary>
internal static class TestNodes
{
    /// <summary>Fast retries, so a test does not wait out a production backoff after an outage.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastRetries = new Dictionary<string, string>
    {
        ["FGATE_Exchange__RetryBaseMilliseconds"] = "50",
        ["FGATE_Exchange__RetryMaxSeconds"] = "1",
    };

    public static string? Postgres(string backend)
    {
        if (backend == "sqlite") return null;
        return Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } conn ? conn
            : throw new InvalidOperationException("PG_CONN is not set: run the tests with ./test.sh, which starts PostgreSQL.");
    }

    public static Task<NodePair> StartAsync(string backend, bool start = true, string vnAlgorithm = "ES256", string cnAlgorithm = "ES256") =>
        NodePair.CreateAsync(FgateExecutable.Current(), Postgres(backend), vnAlgorithm, cnAlgorithm, FastRetries, start);

    /// <summary>Records <paramref name="count"/> observations of one VN station, in batches, through the public API.</summary>
    public static async Task PostObservationsAsync(this NodeApi api, int count, int offset = 0, int batch = 100, string station = "VN-LAOCAI")
    {
        var start = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < count; first += batch)
        {
            var body = Enumerable.Range(offset + first, Math.Min(batch, count - first)).Select(i => new
            {
                station,
                river = "Red River",
                observedAt = start.AddMinutes(i),
                waterLevelM = 80 + (i % 300) / 100.0,
            }).ToList();
            using var response = await api.Http.PostAsJsonAsync("api/v1/hydrology/observations", body);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<ExchangeStatus> StatusAsync(this NodeApi api) =>
        (await api.Http.GetFromJsonAsync<ExchangeStatus>("exchange/v1/status", WireJson.Options))!;

    public static async Task<List<StoredObservation>> ObservationsAsync(this NodeApi api, string station = "VN-LAOCAI") =>
        (await api.Http.GetFromJsonAsync<List<StoredObservation>>($"api/v1/hydrology/observations?station={station}&limit=10000", WireJson.Options))!;

    /// <summary>Waits until every message the node sent is settled (acknowledged or rejected).</summary>
    public static Task WaitSettledAsync(this NodeApi api, long expected, TimeSpan? timeout = null) =>
        WaitUntilAsync(async () =>
        {
            var status = await api.StatusAsync();
            return status.Outbox[DeliveryState.Acknowledged] + status.Outbox[DeliveryState.Rejected] >= expected;
        }, timeout ?? TimeSpan.FromSeconds(90), $"{expected} messages settled");

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(WireJson.Options))!;

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
