using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Clearance;
using FriendshipGate.Gate;

namespace FriendshipGate.Bench;

public sealed record GateBenchmarkOptions(int Bookings, int Concurrency, int Warmup);

/// <param name="Refusals">Up to five distinct refusals the node answered (status and detail), to say why bookings were refused.</param>
/// <param name="CapacityRanOut">Every refusal was a full slot: the layout gave too few places, not the node misbehaving.</param>
/// <param name="Overbooked">Slots with more trucks booked than their capacity, read back through GET /api/v1/gate/slots.</param>
/// <param name="BookedInSlots">The slots' booked counts added up: must equal the bookings the node accepted.</param>
public sealed record GateBenchmarkResult(
    double BookingsPerSecond, double P50Ms, double P99Ms, int Bookings, int Concurrency, int Refused, bool CapacityRanOut, IReadOnlyList<string> Refusals,
    int Overbooked, long BookedInSlots, int Accepted, int Slots, int PerSlot, string Backend, int Cores);

/// <summary>
/// fgate bench gate: truck slot bookings per second through one real node's HTTP API on SQLite. Each booking locks its slot
/// row and checks capacity in one transaction; the bookings are laid out <see cref="PerSlot"/> to a slot in the order they
/// are sent, so the requests in flight race in groups for the same slot rows and fill each slot exactly to its capacity.
/// Afterwards every slot is read back to check that none holds more trucks than its capacity.
/// </summary>
public static class GateBenchmark
{
    /// <summary>Trucks per slot: with 32 requests in flight, four slot rows are raced for by eight bookings each.</summary>
    public const int PerSlot = 8;

    private const string Trader = "0101234567";

    // A fresh node has the default 30-minute slots; the export lanes are the outbound ones, A1 and A2.
    private static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);
    private static readonly string[] Lanes = ["A1", "A2"];

    public static async Task<GateBenchmarkResult> RunAsync(GateBenchmarkOptions options, FgateExecutable fgate, Action<long>? progress, CancellationToken cancellationToken)
    {
        // One node is enough: bookings stay on their side. Its peer is configured but never started.
        await using var pair = await NodePair.CreateAsync(fgate, start: false, cancellationToken: cancellationToken);
        await pair.Vn.StartAsync(cancellationToken);
        var operatorHttp = pair.VnApi.Http;
        using var trader = await CreateTraderAsync(operatorHttp, cancellationToken);

        var total = options.Warmup + options.Bookings;
        var slots = (total + PerSlot - 1) / PerSlot;
        // Slots start an hour ahead, so none is over or missed (no-show) while the benchmark runs.
        var first = SlotGrid.SlotOf(DateTimeOffset.UtcNow, SlotLength) + 2 * SlotLength;
        var end = await OpenCapacityAsync(operatorHttp, first, slots, cancellationToken);

        var numbers = await LodgeAsync(trader, total, options.Concurrency, cancellationToken);
        // Serialized before timing: the load generator spends no CPU on JSON while the node is measured.
        var bodies = Enumerable.Range(0, total).Select(i =>
        {
            var slot = i / PerSlot;
            return JsonSerializer.SerializeToUtf8Bytes(new
            {
                declaration = numbers[i], lane = Lanes[slot % Lanes.Length], slotStart = first + SlotLength * (slot / Lanes.Length),
            });
        }).ToArray();

        var refusals = new RefusalLog();
        await BookAllAsync(trader, bodies[..options.Warmup], options.Concurrency, null, refusals, null, cancellationToken);
        var latencies = new double[options.Bookings];
        var stopwatch = Stopwatch.StartNew();
        await BookAllAsync(trader, bodies[options.Warmup..], options.Concurrency, latencies, refusals, progress, cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        var read = await ReadSlotsAsync(operatorHttp, first, end, cancellationToken);
        Array.Sort(latencies);
        return new GateBenchmarkResult(
            Math.Round(options.Bookings / seconds), Math.Round(TimeReleaseStudy.Percentile(latencies, 0.5), 1), Math.Round(TimeReleaseStudy.Percentile(latencies, 0.99), 1),
            options.Bookings, options.Concurrency, refusals.Count, refusals.Count > 0 && refusals.AllFull, refusals.Distinct,
            read.Count(s => s.Booked > s.Capacity), read.Sum(s => (long)s.Booked), total - refusals.Count, slots, PerSlot, "sqlite", Environment.ProcessorCount);
    }

    private static async Task<HttpClient> CreateTraderAsync(HttpClient operatorHttp, CancellationToken cancellationToken)
    {
        using var response = await operatorHttp.PostAsJsonAsync("api/v1/users", new { name = "bench.trader", role = "trader", company = Trader }, cancellationToken);
        await EnsureAsync(response, "creating the trader", cancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = operatorHttp.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Opens <see cref="PerSlot"/> places in <paramref name="slots"/> slots, alternating between the lanes; returns where they end.</summary>
    private static async Task<DateTimeOffset> OpenCapacityAsync(HttpClient operatorHttp, DateTimeOffset first, int slots, CancellationToken cancellationToken)
    {
        var end = first + SlotLength * ((slots + Lanes.Length - 1) / Lanes.Length);
        // The node takes at most 31 days of slots per request.
        for (var from = first; from < end; from += TimeSpan.FromDays(30))
        {
            var to = from + TimeSpan.FromDays(30) < end ? from + TimeSpan.FromDays(30) : end;
            foreach (var lane in Lanes)
            {
                using var response = await operatorHttp.PutAsJsonAsync("api/v1/gate/capacity", new { lane, from, to, perSlot = PerSlot, perishableReserved = 0 }, cancellationToken);
                await EnsureAsync(response, $"setting capacity on lane {lane}", cancellationToken);
            }
        }
        return end;
    }

    private static async Task<string[]> LodgeAsync(HttpClient trader, int count, int concurrency, CancellationToken cancellationToken)
    {
        var numbers = new string[count];
        await InParallelAsync(count, concurrency, async i =>
        {
            using var response = await trader.PostAsJsonAsync("api/v1/clearance/declarations", Declaration(i), cancellationToken);
            await EnsureAsync(response, "lodging a declaration", cancellationToken);
            numbers[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("number").GetString()!;
        });
        return numbers;
    }

    private static Task BookAllAsync(HttpClient trader, byte[][] bodies, int concurrency, double[]? latencies, RefusalLog refusals, Action<long>? progress,
        CancellationToken cancellationToken)
    {
        long done = 0;
        return InParallelAsync(bodies.Length, concurrency, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await trader.PostAsync("api/v1/gate/bookings", content, cancellationToken);
            if (latencies is not null) latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created) refusals.Add((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            progress?.Invoke(Interlocked.Increment(ref done));
        });
    }

    /// <summary>Runs <paramref name="step"/> for 0..count-1 in order of start, with <paramref name="concurrency"/> at a time.</summary>
    private static Task InParallelAsync(int count, int concurrency, Func<int, Task> step)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await step(i);
        }));
    }

    private sealed record SlotRead(string Lane, DateTimeOffset Start, int Capacity, int Booked);

    private static async Task<IReadOnlyList<SlotRead>> ReadSlotsAsync(HttpClient operatorHttp, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var read = new List<SlotRead>();
        // The node answers a window per request; a day at a time keeps each answer small.
        for (var day = from; day < to; day += TimeSpan.FromDays(1))
        {
            var until = day + TimeSpan.FromDays(1) < to ? day + TimeSpan.FromDays(1) : to;
            var slots = await operatorHttp.GetFromJsonAsync<List<SlotRead>>($"api/v1/gate/slots?from={Iso(day)}&to={Iso(until)}",
                new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken);
            read.AddRange(slots!);
        }
        return read;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: the node answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>The trader's fresh durian exports, each with its own truck and certificates, as a real day's bookings would be.</summary>
    private static object Declaration(int i) => new
    {
        type = "export",
        exporter = new { id = Trader, name = "Công ty TNHH Trái cây Đắk Lắk", country = "VN" },
        importer = new { id = "91450100MA5KXXXX1", name = "广西凭祥果品有限公司", country = "CN" },
        items = new[]
        {
            new { description = new { vi = "Sầu riêng tươi", zh = "鲜榴莲" }, commodityCode = "08106000", quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500,
                value = 54_000, currency = "USD", origin = "VN" },
        },
        transport = new { mode = "road", plate = $"12C-{i % 100_000:00000}", nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { $"VN{i:000000}" } },
        documents = new
        {
            phytosanitaryCertificate = $"VN-PC-2026-{i:000000}",
            certificateOfOrigin = new { kind = "formE", number = $"E26VN{i:00000}" },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };

    /// <summary>Refused bookings: how many, a few distinct reasons, and whether each was a full slot.</summary>
    private sealed class RefusalLog
    {
        private readonly List<string> distinct = [];
        private int count;
        private bool allFull = true;

        public int Count => count;
        public bool AllFull => allFull;
        public IReadOnlyList<string> Distinct { get { lock (distinct) return [.. distinct]; } }

        public void Add(int status, string body)
        {
            var detail = ProblemDetail(body);
            lock (distinct)
            {
                count++;
                allFull &= status == 409 && detail.Contains("is full", StringComparison.Ordinal);
                var line = $"{status}: {detail}";
                if (distinct.Count < 5 && !distinct.Contains(line)) distinct.Add(line);
            }
        }

        private static string ProblemDetail(string body)
        {
            try { return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body; }
            catch (JsonException) { return body.Length > 200 ? body[..200] : body; }
        }
    }
}
