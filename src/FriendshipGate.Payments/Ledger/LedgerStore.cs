using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// The SQL around one batch: <see cref="LoadAsync"/> reads what the batch's commands touch (four queries, whatever the batch
/// size); <see cref="SaveAsync"/> writes what the batch changed, each table once: a row per new quote and payment, an update
/// per payment resolved and per account touched (a hot merchant paid 500 times in the batch is written once). Both run in the
/// batch's transaction. On PostgreSQL the payments to resolve and the accounts are locked (FOR UPDATE, in key order, so two
/// node processes never deadlock): another process's batch waits, then reads this one's balances.
/// </summary>
internal sealed class LedgerStore(PaymentsOptions options)
{
    private static readonly string[] PaymentInsertColumns =
    [
        "id", "idempotency", "fingerprint", "kind", "state", "payer", "payee", "fx_in", "fx_out", "debit_currency", "debit_minor", "credit_currency",
        "credit_minor", "quote_id", "qr", "strong_auth", "limit_day", "requester", "created_ms", "timeout_ms", "resolved_ms", "reason",
    ];

    public async Task<LedgerBatch> LoadAsync(NodeTransaction tx, IReadOnlyList<LedgerCommand> commands, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new LedgerBatch(now, options);
        var creates = new List<PaymentRequest>(commands.Count);
        var toResolve = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
            if (command is CreatePayment create) creates.Add(create.Request);
            else if (command is ResolvePayment resolve) toResolve.Add(resolve.PaymentId);
        var lockRows = tx.Kind == DatabaseKind.Postgres ? " ORDER BY id FOR UPDATE" : "";

        var retried = creates.Select(r => r.Idempotency).ToHashSet(StringComparer.Ordinal);
        var quoteIds = creates.Where(r => r.QuoteId is not null).Select(r => r.QuoteId!).ToHashSet(StringComparer.Ordinal);
        // Payments to resolve (locked), retries by their idempotency key, and payments already made with the quotes named.
        foreach (var payment in await ReadAsync(tx, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}{lockRows}", "id", toResolve, LedgerRows.Payment, cancellationToken))
            batch.Add(payment);
        foreach (var payment in await ReadAsync(tx, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}", "idempotency", retried, LedgerRows.Payment, cancellationToken))
            batch.Add(payment);
        if (quoteIds.Count > 0)
        {
            foreach (var quote in await ReadAsync(tx, $"SELECT {LedgerRows.QuoteColumns} FROM pay_quotes WHERE {{in}}", "id", quoteIds, LedgerRows.Quote, cancellationToken))
                batch.Quotes[quote.Id] = quote;
            foreach (var used in await ReadAsync(tx, "SELECT quote_id FROM pay_payments WHERE {in}", "quote_id", quoteIds, r => r.GetString(0), cancellationToken))
                batch.UsedQuotes.Add(used);
        }

        var accountIds = SystemAccounts.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var request in creates)
        {
            accountIds.Add(request.Payee);
            if (request.Payer is { } payer) accountIds.Add(payer);
        }
        foreach (var payment in batch.Payments.Values)
            foreach (var leg in payment.Legs) { accountIds.Add(leg.DebitAccount); accountIds.Add(leg.CreditAccount); }
        if (tx.Kind == DatabaseKind.Sqlite)
        {
            // SQLite has one writer, this one: the balances it committed last are the database's, so only accounts it has not
            // seen yet are read.
            accountIds.RemoveWhere(id =>
            {
                if (!committed.TryGetValue(id, out var known)) return false;
                batch.Add(known);
                return true;
            });
        }
        foreach (var account in await ReadAsync(tx, $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts WHERE {{in}}{lockRows}", "id", accountIds, LedgerRows.Account, cancellationToken))
        {
            batch.Add(account);
            if (tx.Kind == DatabaseKind.Sqlite) committed[account.Id] = account;
        }
        return batch;
    }

    /// <summary>
    /// SQLite only: each account as of the last commit, so that a hot account is read once, not once per batch. Entries change
    /// only after a commit (<see cref="SaveAsync"/>), so a batch that fails leaves them as the database has them. PostgreSQL
    /// reads (and locks) every batch's accounts instead, because other node processes may write the same database.
    /// </summary>
    private readonly Dictionary<string, Account> committed = new(StringComparer.Ordinal);

    /// <summary>
    /// Forgets every account after a failed batch: had the failure come after the commit reached the disk (an error in the
    /// commit itself), the entries could be stale, so the next batch reads them again.
    /// </summary>
    public void ForgetCommitted() => committed.Clear();

    public async Task SaveAsync(NodeTransaction tx, LedgerBatch batch, CancellationToken cancellationToken)
    {
        await LedgerWrites.InsertAsync(tx, "pay_quotes",
            ["id", "source_currency", "source_minor", "target_currency", "target_minor", "mid_micros", "rate_micros", "spread_bp", "requester", "created_ms", "expires_ms"],
            batch.NewQuotes.Select(q => new object?[]
            {
                q.Id, q.Source.Currency.Code, q.Source.Minor, q.Target.Currency.Code, q.Target.Minor, q.MidRate.Micros, q.Rate.Micros,
                (long)q.SpreadBasisPoints, q.Requester, Ms(q.CreatedAt), Ms(q.ExpiresAt),
            }).ToList(), cancellationToken);
        await LedgerWrites.InsertAsync(tx, "pay_payments", PaymentInsertColumns, batch.Created.Select(id =>
        {
            var p = batch.Payments[id];
            var (fxIn, fxOut) = p.Legs.Count == 2 ? (p.Legs[0].CreditAccount, p.Legs[1].DebitAccount) : (null, null);
            return new object?[]
            {
                p.Id, p.Idempotency, p.Fingerprint, p.Kind, p.State, p.Payer, p.Payee, fxIn, fxOut, p.Debit.Currency.Code, p.Debit.Minor,
                p.Credit.Currency.Code, p.Credit.Minor, p.QuoteId, p.Qr, p.StrongAuthentication ? 1L : 0L, p.LimitDay, p.Requester, Ms(p.CreatedAt),
                Ms(p.TimeoutAt), Ms(p.ResolvedAt), p.Reason,
            };
        }).ToList(), cancellationToken);
        await LedgerWrites.UpdateAsync(tx, "pay_payments", "id", ["state", "resolved_ms", "reason"], ["text", "text", "bigint", "text"],
            batch.Resolved.Select(id => batch.Payments[id]).Select(p => new object?[] { p.Id, p.State, Ms(p.ResolvedAt), p.Reason }).ToList(), cancellationToken);
        var changed = batch.Accounts.Values.Where(a => a.Changed).ToList();
        if (tx.Kind == DatabaseKind.Sqlite)
            tx.OnCommitted(() =>
            {
                foreach (var account in changed) committed[account.Id] = account.ToAccount();
            });
        await LedgerWrites.UpdateAsync(tx, "pay_accounts", "id",
            ["debits_pending", "debits_posted", "credits_pending", "credits_posted", "limit_day", "day_paid", "day_static_qr"],
            ["text", "bigint", "bigint", "bigint", "bigint", "text", "bigint", "bigint"],
            changed.Select(a => new object?[] { a.Id, a.DebitsPending, a.DebitsPosted, a.CreditsPending, a.CreditsPosted, a.LimitDay, a.DayPaid, a.DayStaticQr }).ToList(),
            cancellationToken);
    }

    private static Task<List<T>> ReadAsync<T>(NodeTransaction tx, string sql, string column, IReadOnlyCollection<string> keys,
        Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken) =>
        LedgerRows.ReadInAsync(tx.Connection, tx.Transaction, tx.Kind, sql, column, keys, map, cancellationToken);

    private static object? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();
}
