using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Bench;

/// <param name="Warmup">Messages sent and settled before measuring, so both nodes run JIT-compiled steady-state code.</param>
public sealed record ExchangeBenchmarkOptions(int Messages, string Backend, int Rate, int Batch, string? Postgres, int Warmup = 20_000);

public sealed record ExchangeBenchmarkResult(
    string Backend, int Messages, int OfferedRate, double MessagesPerSecond, double P50Ms, double P99Ms, double MaxMs,
    long ReceivedByPeer, double Seconds, int Cores, double P99QueuedMs, double P99InFlightMs, double VnCpuUsPerMessage, double CnCpuUsPerMessage);

/// <summary>
/// fgate bench exchange: VN records river observations through its public API (in batches, optionally paced);
/// each is signed, queued, sent to CN, verified, stored, applied and acknowledged by a signed receipt that VN verifies.
/// Throughput = messages / (last receipt − first acceptance); latency per message = receipt verified − accepted,
/// both read from VN's outbox. A warm-up run first brings both processes to steady state (JIT-compiled code, warm caches):
/// a node is a long-running server, and its steady state is what the figures describe.
/// </summary>
public static class ExchangeBenchmark
{
    private static readonly string[] Stations = ["VN-LAOCAI", "VN-LANGSON", "VN-CAOBANG", "VN-HAGIANG"];

    public static async Task<ExchangeBenchmarkResult> RunAsync(ExchangeBenchmarkOptions options, FgateExecutable fgate, Action<long>? progress, CancellationToken cancellationToken)
    {
        await using var pair = await NodePair.CreateAsync(fgate, options.Backend == "postgres" ? options.Postgres : null, cancellationToken: cancellationToken);
        // One observation per second of the past, never in the future, unique across warm-up and measured run.
        var start = DateTimeOffset.UtcNow.AddSeconds(-(options.Warmup + options.Messages) - 3600);
        if (options.Warmup > 0)
        {
            await ProduceAsync(pair.VnApi.Http, options with { Messages = options.Warmup, Rate = 0 }, start, 0, cancellationToken);
            await WaitSettledAsync(pair.VnApi.Http, options.Warmup, null, cancellationToken);
        }
        var warmedUp = (await ReadOutboxAsync(pair.VnApi.Http, 0, cancellationToken)).Select(m => m.Seq).DefaultIfEmpty(0).Max();
        // CPU per message says what the nodes cost whatever else the machine runs; latency depends on what is left over.
        var (vnCpu, cnCpu) = (pair.Vn.ProcessorTime, pair.Cn.ProcessorTime);
        var stopwatch = Stopwatch.StartNew();
        await ProduceAsync(pair.VnApi.Http, options, start, options.Warmup, cancellationToken);
        await WaitSettledAsync(pair.VnApi.Http, options.Warmup + options.Messages, n => progress?.Invoke(n - options.Warmup), cancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        (vnCpu, cnCpu) = (pair.Vn.ProcessorTime - vnCpu, pair.Cn.ProcessorTime - cnCpu);
        var messages = await ReadOutboxAsync(pair.VnApi.Http, warmedUp, cancellationToken);
        var acknowledged = messages.Count(m => m.State == DeliveryState.Acknowledged);
        var received = (await pair.CnApi.Http.GetFromJsonAsync<ExchangeStatus>("exchange/v1/status", WireJson.Options, cancellationToken))!.Received - options.Warmup;
        var latencies = messages.Where(m => m.AcknowledgedAt is not null).Select(m => (m.AcknowledgedAt!.Value - m.CreatedAt).TotalMilliseconds).Order().ToArray();
        // Where the time goes: waiting in VN's outbox (accepted → picked into a transmission) and in flight (→ receipt verified).
        var queued = messages.Where(m => m.SentAt is not null).Select(m => (m.SentAt!.Value - m.CreatedAt).TotalMilliseconds).Order().ToArray();
        var inFlight = messages.Where(m => m.SentAt is not null && m.AcknowledgedAt is not null)
            .Select(m => (m.AcknowledgedAt!.Value - m.SentAt!.Value).TotalMilliseconds).Order().ToArray();
        var first = messages.Min(m => m.CreatedAt);
        var last = messages.Max(m => m.AcknowledgedAt ?? m.CreatedAt);
        var span = Math.Max(0.001, (last - first).TotalSeconds);
        return new ExchangeBenchmarkResult(options.Backend, options.Messages, options.Rate, Math.Round(acknowledged / span, 0),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length > 0 ? latencies[^1] : 0, received, Math.Round(seconds, 1), Environment.ProcessorCount,
            Percentile(queued, 0.99), Percentile(inFlight, 0.99),
            Math.Round(vnCpu.TotalMicroseconds / options.Messages, 1), Math.Round(cnCpu.TotalMicroseconds / options.Messages, 1));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>
    /// Posts batches of observations; paced (open loop, up to 16 requests in flight) when a rate is given. Every body is
    /// serialized before the first request, so the load generator spends no CPU on JSON while the nodes are measured.
    /// </summary>
    private static async Task ProduceAsync(HttpClient http, ExchangeBenchmarkOptions options, DateTimeOffset start, int offset, CancellationToken cancellationToken)
    {
        var batches = (options.Messages + options.Batch - 1) / options.Batch;
        var bodies = Enumerable.Range(0, batches).Select(b =>
        {
            var first = b * options.Batch;
            var count = Math.Min(options.Batch, options.Messages - first);
            return JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(offset + first, count).Select(i => new
            {
                station = Stations[i % Stations.Length],
                river = "Red River",
                observedAt = start.AddSeconds(i),
                waterLevelM = 80 + (i % 500) / 100.0,
                dischargeM3s = 300 + i % 1000,
                rainfallMm = (i % 50) / 2.0,
            }).ToList(), WireJson.Options);
        }).ToList();
        using var inFlight = new SemaphoreSlim(options.Rate > 0 ? 16 : 4);
        var tasks = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var b = 0; b < batches; b++)
        {
            if (options.Rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)b * options.Batch / options.Rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            await inFlight.WaitAsync(cancellationToken);
            var body = bodies[b];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    using var response = await http.PostAsync("api/v1/hydrology/observations", content, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"the node refused a batch: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }
        await Task.WhenAll(tasks);
    }

    private static async Task<long> WaitSettledAsync(HttpClient http, int expected, Action<long>? progress, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var status = await http.GetFromJsonAsync<ExchangeStatus>("exchange/v1/status", WireJson.Options, cancellationToken);
            var settled = status!.Outbox[DeliveryState.Acknowledged] + status.Outbox[DeliveryState.Rejected];
            progress?.Invoke(settled);
            if (settled >= expected) return status.Outbox[DeliveryState.Acknowledged];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"only {settled} of {expected} messages were settled after 10 minutes.");
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<List<OutgoingMessageState>> ReadOutboxAsync(HttpClient http, long after, CancellationToken cancellationToken)
    {
        var all = new List<OutgoingMessageState>();
        while (true)
        {
            var page = await http.GetFromJsonAsync<List<OutgoingMessageState>>($"exchange/v1/messages?after={after}&limit=10000", WireJson.Options, cancellationToken);
            if (page is null || page.Count == 0) return all;
            all.AddRange(page);
            after = page[^1].Seq;
        }
    }
}
