using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Fx;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>The details of a new account, checked.</summary>
public sealed record AccountSpec(string Id, string Owner, string Participant, string Kind, Currency Currency, long? LowerLimit);

/// <summary>
/// The ledger as the API and the tools use it: payments, posts, voids and quotes go through the group-committing
/// <see cref="LedgerWriter"/>; reads go straight to the database (WAL readers do not wait for the writer).
/// </summary>
public sealed class PaymentLedger(NodeDatabase database, LedgerWriter writer, FxQuoteDesk quotes, TimeProvider time)
{
    private const string InsertAccount =
        "INSERT INTO pay_accounts (id, owner, participant, kind, currency, lower_limit, debits_pending, debits_posted, credits_pending, credits_posted, " +
        "day_paid, day_static_qr, created_ms) VALUES (@Id, @Owner, @Participant, @Kind, @Currency, @LowerLimit, 0, 0, 0, 0, 0, 0, @At) ON CONFLICT (id) DO NOTHING";

    public Task<LedgerOutcome> PayAsync(PaymentRequest request, CancellationToken cancellationToken = default) =>
        writer.SubmitAsync(new CreatePayment(request), cancellationToken);

    public Task<LedgerOutcome> PostAsync(string paymentId, PaymentsCaller caller, CancellationToken cancellationToken = default) =>
        writer.SubmitAsync(new ResolvePayment(paymentId, ResolvePayment.Post, caller), cancellationToken);

    public Task<LedgerOutcome> VoidAsync(string paymentId, PaymentsCaller caller, string? reason = null, CancellationToken cancellationToken = default) =>
        writer.SubmitAsync(new ResolvePayment(paymentId, ResolvePayment.Void, caller, reason), cancellationToken);

    /// <summary>Makes a quote and stores it (durably, before answering): a payment names it by its id.</summary>
    public async Task<LedgerOutcome> QuoteAsync(Currency source, Currency target, Money amount, PaymentsCaller caller, CancellationToken cancellationToken = default)
    {
        var quote = quotes.Quote(source, target, amount, caller.Name, out var refusal);
        if (quote is null) return LedgerOutcome.Refused(refusal!);
        return await writer.SubmitAsync(new SaveQuote(quote), cancellationToken);
    }

    /// <summary>
    /// Opens an account with zero balances; opening the same account again with the same details answers the existing one.
    /// </summary>
    public async Task<(Account? Account, PaymentRefusal? Refusal)> OpenAsync(AccountSpec spec, CancellationToken cancellationToken = default)
    {
        var at = WireJson.Truncate(time.GetUtcNow());
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            InsertAccount,
            new { spec.Id, spec.Owner, spec.Participant, spec.Kind, Currency = spec.Currency.Code, spec.LowerLimit, At = at.ToUnixTimeMilliseconds() },
            tx.Transaction), cancellationToken);
        var account = (await AccountAsync(spec.Id, cancellationToken))!;
        var same = account.Owner == spec.Owner && account.Participant == spec.Participant && account.Kind == spec.Kind
                   && account.Currency == spec.Currency && account.LowerLimit == spec.LowerLimit;
        return same ? (account, null) : (null, PaymentRefusal.AccountExists(spec.Id));
    }

    /// <summary>Creates the schemes' settlement accounts and the FX provider's liquidity accounts if this ledger has none yet.</summary>
    public Task EnsureSystemAccountsAsync(string fxProvider, CancellationToken cancellationToken = default) => database.WriteAsync(async tx =>
    {
        foreach (var account in SystemAccounts.Create(fxProvider, WireJson.Truncate(time.GetUtcNow())))
            await tx.Connection.ExecuteAsync(
                InsertAccount,
                new { account.Id, account.Owner, account.Participant, account.Kind, Currency = account.Currency.Code, account.LowerLimit, At = account.CreatedAt.ToUnixTimeMilliseconds() },
                tx.Transaction);
    }, cancellationToken);

    public Task<Account?> AccountAsync(string id, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
        (await LedgerRows.ReadInAsync(c, null, database.Kind, $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts WHERE {{in}}", "id", [id], LedgerRows.Account, cancellationToken))
        .SingleOrDefault(), cancellationToken);

    /// <summary>The accounts <paramref name="owner"/> holds (every account when null), by id; at most <paramref name="limit"/>.</summary>
    public Task<List<Account>> AccountsAsync(string? owner, int limit, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
    {
        await using var command = c.CreateCommand();
        command.CommandText = $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts {(owner is null ? "" : "WHERE owner = @owner ")}ORDER BY id LIMIT {limit}";
        if (owner is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@owner";
            parameter.Value = owner;
            command.Parameters.Add(parameter);
        }
        var accounts = new List<Account>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) accounts.Add(LedgerRows.Account(reader));
        return accounts;
    }, cancellationToken);

    public Task<Payment?> PaymentAsync(string id, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
    {
        var payments = await LedgerRows.ReadInAsync(c, null, database.Kind, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}", "id", [id], LedgerRows.Payment, cancellationToken);
        return payments.SingleOrDefault();
    }, cancellationToken);

    /// <summary>
    /// Payments newest first, at most <paramref name="limit"/>: all of them, or those from or to accounts <paramref name="owner"/>
    /// holds; only those in <paramref name="state"/> when given.
    /// </summary>
    public Task<List<Payment>> PaymentsAsync(string? owner, string? state, int limit, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
    {
        var columns = string.Join(", ", LedgerRows.PaymentColumns.Split(", ").Select(column => "p." + column));
        var where = new List<string>();
        if (owner is not null) where.Add("(EXISTS (SELECT 1 FROM pay_accounts a WHERE a.id = p.payer AND a.owner = @owner) OR EXISTS (SELECT 1 FROM pay_accounts a WHERE a.id = p.payee AND a.owner = @owner))");
        if (state is not null) where.Add("p.state = @state");
        await using var command = c.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM pay_payments p {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY p.id DESC LIMIT {limit}";
        foreach (var (name, value) in new[] { ("@owner", owner), ("@state", state) })
        {
            if (value is null) continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        var payments = new List<Payment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) payments.Add(LedgerRows.Payment(reader));
        return payments;
    }, cancellationToken);

    /// <summary>
    /// Voids every reservation whose time has run out (at most <paramref name="limit"/> per call); the writer checks each
    /// again in its batch, so a payment posted meanwhile stays posted. Returns how many were voided.
    /// </summary>
    public async Task<int> ExpireDueAsync(int limit = 10_000, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await database.ReadAsync(c => c.QueryAsync<string>(
            $"SELECT id FROM pay_payments WHERE state = 'reserved' AND timeout_ms <= @now ORDER BY timeout_ms LIMIT {limit}", new { now }), cancellationToken);
        var outcomes = await Task.WhenAll(due.Select(id => writer.SubmitAsync(new ResolvePayment(id, ResolvePayment.Expire, PaymentsCaller.System), cancellationToken)));
        return outcomes.Count(o => o.Payment?.State == PaymentState.Expired);
    }
}
