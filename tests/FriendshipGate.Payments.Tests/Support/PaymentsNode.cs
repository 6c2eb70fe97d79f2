using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Settlement;
using FriendshipGate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FriendshipGate.Payments.Tests;

/// <summary>
/// The Payments module wired as the node wires it, on a real SQLite file or a fresh PostgreSQL schema, with a manual clock.
/// Accounts are opened and funded through the ledger itself, so every test starts from a zero-sum ledger.
/// </summary>
internal sealed class PaymentsNode : IAsyncDisposable
{
    public static readonly PaymentsCaller Operator = new("vn.operator", NodeRoles.Operator, null);

    private readonly TempDirectory directory = new();
    private readonly ServiceProvider services;
    private readonly string? postgresSchema;
    private int keys;

    private PaymentsNode(string backend, PaymentsOptions options)
    {
        if (backend == "postgres")
        {
            postgresSchema = "t_pay_" + Guid.NewGuid().ToString("N")[..12];
            Database = NodeDatabase.Postgres(Backends.PostgresConnection(), postgresSchema);
        }
        else Database = NodeDatabase.Sqlite(directory.File("node.db"));
        Options = options;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Database);
        collection.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<IFeeReferences>(References);
        collection.AddPayments(options);
        services = collection.BuildServiceProvider();
    }

    /// <summary>08:00 UTC (15:00 in Viet Nam, 16:00 in China): far from either scheme's midnight.</summary>
    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
    public NodeDatabase Database { get; }
    public PaymentsOptions Options { get; }
    public PaymentLedger Ledger => services.GetRequiredService<PaymentLedger>();
    public Settlements Settlements => services.GetRequiredService<Settlements>();
    public LedgerWriter Writer => services.GetRequiredService<LedgerWriter>();
    public FeeDesk Fees => services.GetRequiredService<FeeDesk>();

    /// <summary>What the module owning fee references (the Gate, on a node) sees: bookings to charge, and each fee as it changes.</summary>
    public FakeReferences References { get; } = new();

    public static async Task<PaymentsNode> StartAsync(string backend, PaymentsOptions? options = null)
    {
        var node = new PaymentsNode(backend, options ?? new PaymentsOptions());
        await node.Database.MigrateAsync(PaymentsApi.Migrations);
        await node.services.GetRequiredService<PaymentsStartup>().RunAsync();
        return node;
    }

    public static PaymentsCaller TraderOf(string company) => new("trader-" + company, NodeRoles.Trader, company);

    public string NewKey() => "key-" + Interlocked.Increment(ref keys);

    /// <summary>Opens a wallet or merchant account and, if <paramref name="funds"/> is given, funds it from its scheme.</summary>
    public async Task<Account> OpenAsync(string id, Currency currency, decimal? funds = null, string? owner = null, string kind = AccountKind.Wallet, long lowerLimit = 0)
    {
        var (account, refusal) = await Ledger.OpenAsync(new AccountSpec(id, owner ?? id, owner ?? id, kind, currency, lowerLimit));
        Assert.Null(refusal);
        if (funds is { } major) await FundAsync(id, Amount(currency, major));
        return account!;
    }

    public async Task<Payment> FundAsync(string id, Money amount)
    {
        var outcome = await Ledger.PayAsync(new PaymentRequest(PaymentKind.Funding, null, id, amount, null, null, false, true, NewKey(), Operator));
        Assert.Null(outcome.Refusal);
        return outcome.Payment!;
    }

    public Task<LedgerOutcome> PayAsync(string payer, string payee, Money? amount, string? quote = null, bool post = false, string? qr = null,
        bool strong = false, string? key = null, PaymentsCaller? caller = null) =>
        Ledger.PayAsync(new PaymentRequest(PaymentKind.Payment, payer, payee, amount, quote, qr, strong, post, key ?? NewKey(), caller ?? Operator));

    public async Task<long> BalanceAsync(string id) => (await Ledger.AccountAsync(id))!.Balance;

    public async Task<long> AvailableAsync(string id) => (await Ledger.AccountAsync(id))!.Available;

    public Task<LedgerCheck> CheckAsync() => LedgerAudit.CheckAsync(Database);

    public Task<long> CountAsync(string sql, object? parameters = null) => Database.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, parameters));

    public static Money Amount(Currency currency, decimal major) =>
        Money.FromMajor(currency, major, out var problem) ?? throw new ArgumentException(problem?.En);

    public static Money Vnd(decimal major) => Amount(Currency.Vnd, major);

    public static Money Cny(decimal major) => Amount(Currency.Cny, major);

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
/// The engines the ledger tests run on: SQLite always; PostgreSQL when PG_CONN is set, and always in CI (CI=true), where a
/// missing server fails the test instead of passing for green.
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
