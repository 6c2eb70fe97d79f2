using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FriendshipGate.Gate.Tests;

/// <summary>
/// One VN node's Clearance and Gate wired as NodeHost wires them, on a real SQLite file or a fresh PostgreSQL schema, with a
/// manual clock. Fresh durian goes to the lane the test asks for; other goods go green.
/// </summary>
internal sealed class GateNode : IAsyncDisposable
{
    public const string Trader = SampleClearance.VnExporter;

    private readonly TempDirectory directory = new();
    private readonly ServiceProvider services;
    private readonly string? postgresSchema;
    private int lodged;

    private GateNode(string backend, ManualTime time, string durianLane, Func<GateOptions, GateOptions>? configure)
    {
        Time = time;
        if (backend == "postgres")
        {
            postgresSchema = "t_gate_" + Guid.NewGuid().ToString("N")[..12];
            Database = NodeDatabase.Postgres(Backends.PostgresConnection(), postgresSchema);
        }
        else Database = NodeDatabase.Sqlite(directory.File("node.db"));
        var self = NodeId.Parse("VN-HUUNGHI");
        using (var own = SigningKey.Generate(SignatureAlgorithm.ES256)) SigningKeyRing.WritePem(directory.File("keys"), own);
        var rules = SampleClearance.DurianRules(durianLane == "green" ? "yellow" : durianLane, "durian", "sầu riêng", "榴莲", "durian");
        // Green: the same file with its one rule switched off, so nothing selects a lane but green.
        File.WriteAllText(directory.File("rules.json"), durianLane == "green" ? rules.Replace("\"enabled\": true", "\"enabled\": false") : rules);
        Options = (configure ?? (o => o))(new GateOptions { Side = "VN" });
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        collection.AddExchange(new ExchangeOptions { Self = self, Peer = NodeId.Parse("CN-YOUYIGUAN"), PeerUrl = new Uri("http://peer.invalid/") },
            Database, directory.File("keys"));
        collection.AddClearance(new ClearanceOptions { Side = "VN", RiskRulesFile = directory.File("rules.json") });
        collection.AddGate(Options);
        services = collection.BuildServiceProvider();
    }

    public ManualTime Time { get; }
    public NodeDatabase Database { get; }
    public GateOptions Options { get; }

    public Bookings Bookings => services.GetRequiredService<Bookings>();
    public YardQueue Queue => services.GetRequiredService<YardQueue>();
    public NoShowRule NoShows => services.GetRequiredService<NoShowRule>();
    public DeviceEvents Devices => services.GetRequiredService<DeviceEvents>();
    public GateAlerts Alerts => services.GetRequiredService<GateAlerts>();
    public ClearanceDecisions Decisions => services.GetRequiredService<ClearanceDecisions>();
    public BookingFees Fees => services.GetRequiredService<BookingFees>();

    public static readonly Actor Operator = new("vn.operator", NodeRoles.Operator, "VN", null);
    public static readonly Actor Officer = new("vn.officer", NodeRoles.Officer, "VN", null);
    public static Actor TraderOf(string company = Trader) => new("trader-" + company, NodeRoles.Trader, "VN", company);

    public static async Task<GateNode> StartAsync(string backend, string durianLane = "green", Func<GateOptions, GateOptions>? configure = null)
    {
        // 08:00 UTC on a slot boundary, so that the test's slots are whole.
        var node = new GateNode(backend, new ManualTime(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero)), durianLane, configure);
        await node.Database.MigrateAsync([.. ExchangeServices.Migrations, .. ClearanceApi.Migrations, .. GateApi.Migrations]);
        await node.services.GetRequiredService<ExchangeStartup>().RunAsync([]);
        return node;
    }

    /// <summary>Lodges a durian export (perishable) or, with <paramref name="perishable"/> false, desiccated coconut; returns its number.</summary>
    public async Task<StoredDeclaration> LodgeAsync(string plate = "12C-12345", bool perishable = true, string seal = "VN123456", string company = Trader)
    {
        var n = Interlocked.Increment(ref lodged);
        var json = JsonSerializer.SerializeToNode(SampleClearance.DurianExport(exporter: company, plate: plate, seal: seal,
            phytosanitaryCertificate: $"VN-PC-2026-{n:000000}", certificateOfOrigin: $"E26VN{n:00000}"), WireJson.Options)!;
        if (!perishable) json["items"]![0]!["commodityCode"] = "85423100";
        var input = json.Deserialize<DeclarationInput>(WireJson.Options)!;
        var errors = new ValidationErrors();
        var declarations = services.GetRequiredService<DeclarationService>();
        var content = await declarations.ValidateAsync(input, errors) ?? throw new InvalidOperationException(errors.ToString());
        return await declarations.SubmitAsync(content, TraderOf(company));
    }

    public Task<StoredDeclaration?> DeclarationAsync(string number) =>
        Database.ReadAsync(c => DeclarationTimeline.LoadAsync(c, null, number));

    /// <summary>Opens <paramref name="perSlot"/> places on <paramref name="lane"/> for the next <paramref name="hours"/> hours.</summary>
    public Task<IReadOnlyList<Slot>> OpenAsync(string lane = "A1", int perSlot = 10, int perishableReserved = 0, int? carrierQuota = null, int hours = 4) =>
        Bookings.SetCapacityAsync(new CapacityInput(lane, Time.GetUtcNow(), Time.GetUtcNow().AddHours(hours), perSlot, perishableReserved, carrierQuota), Operator);

    public DateTimeOffset Slot(int index) => Time.GetUtcNow() + Options.SlotLength * index;

    public Task<long> CountAsync(string sql, object? parameters = null) => Database.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, parameters));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
        if (postgresSchema is not null)
        {
            await using var connection = new NpgsqlConnection(Backends.PostgresConnection());
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP SCHEMA IF EXISTS {postgresSchema} CASCADE");
        }
        directory.Dispose();
    }
}

/// <summary>
/// The engines the database tests run on: SQLite always; PostgreSQL when PG_CONN is set, and always in CI (CI=true),
/// where a missing server fails the test instead of passing for green.
/// </summary>
public static class Backends
{
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                data.Add("postgres");
            return data;
        }
    }

    public static string PostgresConnection() => Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } conn ? conn
        : throw new InvalidOperationException("PG_CONN is not set but CI=true: start PostgreSQL and export PG_CONN (see test.sh).");
}
