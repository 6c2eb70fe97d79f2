using System.Diagnostics;
using System.Net.Http.Json;
using FriendshipGate.Clearance;

namespace FriendshipGate.Bench;

public sealed record ClearanceBenchmarkOptions(int Decisions, int Rules, int Declarations, int Concurrency, int Warmup);

public sealed record ClearanceBenchmarkResult(
    double RiskDecisionsPerSecond, int ActiveRules, IReadOnlyDictionary<string, double> LaneShares,
    double DeclarationsPerSecond, double P50Ms, double P99Ms, int Declarations, int Concurrency, string Backend, int Cores);

/// <summary>
/// fgate bench clearance: (1) risk decisions per second on one thread with 1,000 active rules, the engine alone;
/// (2) declarations per second through a real node's HTTP API on SQLite, each validated, numbered, stored with its
/// version and events, risk-assessed and queued for the other side in one transaction (the answer comes after commit).
/// </summary>
public static class ClearanceBenchmark
{
    private static readonly string[] Prefixes = ["0410", "0709", "0714", "0803", "0804", "0805", "0810", "0901", "0904", "0906", "1209", "8534", "8541", "8542", "8517"];
    private static readonly string[] Origins = ["VN", "CN", "TH", "LA", "KH", "MY"];

    public static ClearanceBenchmarkResult RunRisk(ClearanceBenchmarkOptions options, ulong seed = 7)
    {
        var random = new SplitMix64(seed);
        var rules = Enumerable.Range(0, options.Rules).Select(i => GenerateRule(i, ref random)).ToList();
        var ruleSet = new RiskRuleSet("bench", new Dictionary<string, double> { ["red"] = 0.05, ["yellow"] = 0.15, ["blue"] = 0.1 },
            new Dictionary<string, double> { ["red"] = 0.01, ["yellow"] = 0.02 }, 0.25, false, rules);
        var engine = new RiskEngine(ruleSet);
        var subjects = Enumerable.Range(0, 10_000).Select(i => GenerateSubject(i, ref random)).ToArray();
        var counts = LaneCounts.Zero;
        for (var i = 0; i < Math.Min(options.Decisions, 50_000); i++) counts = counts.Add(engine.Decide(subjects[i % subjects.Length], (ulong)i, counts).Lane);
        counts = LaneCounts.Zero;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < options.Decisions; i++)
        {
            var subject = subjects[i % subjects.Length];
            counts = counts.Add(engine.Decide(subject, RiskEngine.SeedFor(seed, subject.DeclarationId), counts).Lane);
        }
        var perSecond = Math.Round(options.Decisions / stopwatch.Elapsed.TotalSeconds);
        var shares = new[] { "green", "blue", "yellow", "red" }.ToDictionary(l => l, l => Math.Round(counts.Of(l) / (double)counts.Total, 4));
        return new ClearanceBenchmarkResult(perSecond, rules.Count, shares, 0, 0, 0, 0, 0, "none", Environment.ProcessorCount);
    }

    public static async Task<ClearanceBenchmarkResult> RunAsync(ClearanceBenchmarkOptions options, FgateExecutable fgate, Action<long>? progress, CancellationToken cancellationToken)
    {
        var risk = RunRisk(options);
        await using var pair = await NodePair.CreateAsync(fgate, cancellationToken: cancellationToken);
        var http = pair.VnApi.Http;
        // Serialized once: the load generator spends no CPU on JSON while the node is measured.
        var bodies = Enumerable.Range(0, 8).Select(i => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Declaration(i))).ToArray();
        await PostAllAsync(http, bodies, options.Warmup, options.Concurrency, null, cancellationToken);
        var latencies = new double[options.Declarations];
        var stopwatch = Stopwatch.StartNew();
        await PostAllAsync(http, bodies, options.Declarations, options.Concurrency, latencies, cancellationToken, progress);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return risk with
        {
            DeclarationsPerSecond = Math.Round(options.Declarations / seconds), P50Ms = Math.Round(Percentile(0.5), 1), P99Ms = Math.Round(Percentile(0.99), 1),
            Declarations = options.Declarations, Concurrency = options.Concurrency, Backend = "sqlite",
        };
    }

    private static async Task PostAllAsync(HttpClient http, byte[][] bodies, int count, int concurrency, double[]? latencies, CancellationToken cancellationToken,
        Action<long>? progress = null)
    {
        var next = -1;
        long done = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("api/v1/clearance/declarations", content, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"the node answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                if (latencies is not null) latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                progress?.Invoke(Interlocked.Increment(ref done));
            }
        }));
    }

    /// <summary>Valid VN exports of the pilot goods: durian under its protocol, and processors.</summary>
    private static object Declaration(int i) => new
    {
        type = "export",
        exporter = new { id = $"01012345{i:00}", name = "Công ty Xuất khẩu", country = "VN" },
        importer = new { id = "91450100MA5KXXXX1", name = "广西凭祥进出口有限公司", country = "CN" },
        items = i % 2 == 0
            ? new object[] { new { description = new { vi = "Sầu riêng tươi", zh = "鲜榴莲" }, commodityCode = "08106000", quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500, value = 54_000, currency = "USD", origin = "VN" } }
            : new object[] { new { description = new { en = "Processors" }, commodityCode = "85423100", quantity = 2_000, unit = "H87", netKg = 40, grossKg = 55, value = 180_000, currency = "USD", origin = "VN" } },
        transport = new { mode = "road", plate = "12C-12345", nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { "VN123456" } },
        documents = new
        {
            phytosanitaryCertificate = "VN-PC-2026-000123",
            certificateOfOrigin = new { kind = "formE", number = "E26VN0001" },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };

    private static RiskRule GenerateRule(int i, ref SplitMix64 random)
    {
        var prefix = Prefixes[(int)(random.Next() % (ulong)Prefixes.Length)];
        var extra = random.Next() % 100;
        var lane = (i % 10) switch { 0 => "red", < 4 => "yellow", _ => "blue" };
        var when = (i % 5) switch
        {
            0 => new RiskConditions(CommodityPrefixes: [prefix + (extra % 10)], Origins: [Origins[i % Origins.Length]]),
            1 => new RiskConditions(CommodityPrefixes: [prefix], UnitValuePerKgBelow: 0.1m + extra / 100m),
            2 => new RiskConditions(CommodityPrefixes: [prefix + $"{extra:00}"], GrossToNetRatioAbove: 1.5m),
            3 => new RiskConditions(Traders: [$"01012{i:00000}"], Flows: ["export"]),
            _ => new RiskConditions(CommodityPrefixes: [prefix], MinPriorDiscrepancies: 1 + (int)(extra % 3)),
        };
        return new RiskRule($"R{i:0000}", new FriendshipGate.Exchange.Trilingual($"Quy tắc {i}", $"规则 {i}", $"Rule {i}"), lane, true, when);
    }

    private static RiskSubject GenerateSubject(int i, ref SplitMix64 random)
    {
        var items = new List<RiskItem>();
        var count = 1 + (int)(random.Next() % 5);
        for (var n = 0; n < count; n++)
        {
            var code = Prefixes[(int)(random.Next() % (ulong)Prefixes.Length)] + $"{random.Next() % 10000:0000}";
            var net = 10 + (decimal)(random.Next() % 20000);
            items.Add(new RiskItem(code, Origins[(int)(random.Next() % (ulong)Origins.Length)], net, net * (1 + (decimal)(random.Next() % 60) / 100m),
                net * (decimal)(random.Next() % 500) / 100m, "USD", code.StartsWith('0'), code.StartsWith("08", StringComparison.Ordinal)));
        }
        return new RiskSubject($"3260{i:00000000}", "VN", "export", "road", items, [$"01012{random.Next() % 2000:00000}"], random.Next() % 10 == 0,
            new RiskHistory((int)(random.Next() % 50), (int)(random.Next() % 5), (int)(random.Next() % 3)));
    }
}
