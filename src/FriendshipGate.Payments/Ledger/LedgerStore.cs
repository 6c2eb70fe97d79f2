using FriendshipGate.Payments.Fees;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// The SQL around one batch: <see cref="LoadAsync"/> reads what the batch's commands touch (four queries, whatever the batch
/// size); <see cref="SaveAsync"/> writes what the batch changed, each table once: a row per new quote and payment, an update
/// per payment resolved and per account touched (a hot merchant paid 500 times in the batch is written once). Both run in the
/// batch's transaction. On PostgreSQL a transaction-level advisory lock makes the writers of several node processes take turns:
/// another process's batch waits for this one to commit, then reads its balances.
/// Fees paid or cancelled in a batch are written in its transaction too, and told to <see cref="IFeeReferences"/> there, so the
/// module that owns their references records them in the same commit.
/// </summary>
internal sealed class LedgerStore(PaymentsOptions options, IFeeReferences? feeReferences = null)
{
    private static readonly LedgerColumn[] PaymentColumns =
    [
        Text("id"), Text("idempotency"), Text("fingerprint"), Text("kind"), Text("state"), Text("payer"), Text("payee"), Text("fx_in"), Text("fx_out"),
        Text("debit_currency"), Bigint("debit_minor"), Text("credit_currency"), Bigint("credit_minor"), Text("quote_id"), Text("qr"), Bigint("strong_auth"),
        Text("limit_day"), Text("requester"), Bigint("created_ms"), Bigint("timeout_ms"), Bigint("resolved_ms"), Text("reason"),
    ];

    private static readonly LedgerColumn[] QuoteColumns =
    [
        Text("id"), Text("source_currency"), Bigint("source_minor"), Text("target_currency"), Bigint("target_minor"), Bigint("mid_micros"),
        Bigint("rate_micros"), Bigint("spread_bp"), Text("requester"), Bigint("created_ms"), Bigint("expires_ms"),
    ];

    private static readonly LedgerColumn[] ResolvedColumns = [Text("id"), Text("state"), Bigint("resolved_ms"), Text("reason")];

    private static readonly LedgerColumn[] BalanceColumns =
    [
        Text("id"), Bigint("debits_pending"), Bigint("debits_posted"), Bigint("credits_pending"), Bigint("credits_posted"), Text("limit_day"),
        Bigint("day_paid"), Bigint("day_static_qr"),
    ];

    private static LedgerColumn Text(string name) => LedgerColumn.Text(name);

    private static LedgerColumn Bigint(string name) => LedgerColumn.Bigint(name);

    public async Task<LedgerBatch> LoadAsync(NodeTransaction tx, IReadOnlyList<LedgerCommand> commands, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new LedgerBatch(now, options);
        var creates = new List<PaymentRequest>(commands.Count);
        var toResolve = new HashSet<string>(StringComparer.Ordinal);
        var feeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
            switch (command)
            {
                case CreatePayment create: creates.Add(create.Request); break;
                case ResolvePayment resolve: toResolve.Add(resolve.PaymentId); break;
                case PayFee pay: creates.Add(pay.Request); feeIds.Add(pay.Scan.FeeId); break;
                case CancelFee cancel: feeIds.Add(cancel.FeeId); break;
            }
        if (tx.Kind == DatabaseKind.Postgres)
        {
            // One ledger writer at a time per database, whichever node process it runs in (SQLite has one writer anyway): once
            // the lock is held, every read below sees the previous batch's commit, and no row needs locking one by one.
            await Dapper.SqlMapper.ExecuteAsync(tx.Connection, "SELECT pg_advisory_xact_lock(@key)", new { key = LockKeys.For(tx.Database.Schema, "payments-ledger") }, tx.Transaction);
            var version = await Dapper.SqlMapper.ExecuteScalarAsync<long>(tx.Connection, "UPDATE pay_ledger_version SET version = version + 1 WHERE id = 1 RETURNING version", transaction: tx.Transaction);
            // Another process wrote since this writer's last commit: what it remembers may be stale.
            if (version - 1 != committedVersion) committed.Clear();
            tx.OnCommitted(() => committedVersion = version);
        }

        var retried = creates.Select(r => r.Idempotency).ToHashSet(StringComparer.Ordinal);
        var quoteIds = creates.Where(r => r.QuoteId is not null).Select(r => r.QuoteId!).ToHashSet(StringComparer.Ordinal);
        // Payments to resolve, retries by their idempotency key, and payments already made with the quotes named.
        foreach (var payment in await ReadAsync(tx, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}", "id", toResolve, LedgerRows.Payment, cancellationToken))
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

        // Fees are read afresh every batch (after the lock on PostgreSQL): their state is what stops a second payment.
        foreach (var fee in await ReadAsync(tx, $"SELECT {FeeRows.Columns} FROM pay_fees WHERE {{in}}", "id", feeIds, FeeRows.Read, cancellationToken))
            batch.Fees[fee.Id] = fee;

        var accountIds = SystemAccounts.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var request in creates)
        {
            accountIds.Add(request.Payee);
            if (request.Payer is { } payer) accountIds.Add(payer);
        }
        foreach (var payment in batch.Payments.Values)
            foreach (var leg in payment.Legs) { accountIds.Add(leg.DebitAccount); accountIds.Add(leg.CreditAccount); }
        // This writer wrote the last batch (SQLite has no other; on PostgreSQL the version says so): the balances it committed
        // last are the database's, so only accounts it has not seen yet are read.
        accountIds.RemoveWhere(id =>
        {
            if (!committed.TryGetValue(id, out var known)) return false;
            batch.Add(known);
            return true;
        });
        foreach (var account in await ReadAsync(tx, $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts WHERE {{in}}", "id", accountIds, LedgerRows.Account, cancellationToken))
        {
            batch.Add(account);
            committed[account.Id] = account;
        }
        return batch;
    }

    /// <summary>
    /// Each account as of the last commit, so that a hot account is read once, not once per batch. Entries change only after a
    /// commit (<see cref="SaveAsync"/>), so a batch that fails leaves them as the database has them; on PostgreSQL they are
    /// dropped whenever another node process has written a batch since this writer's last (<see cref="committedVersion"/>).
    /// </summary>
    private readonly Dictionary<string, Account> committed = new(StringComparer.Ordinal);

    /// <summary>PostgreSQL: the ledger version of this writer's last committed batch.</summary>
    private long committedVersion = -1;

    /// <summary>
    /// Forgets every account after a failed batch: had the failure come after the commit reached the disk (an error in the
    /// commit itself), the entries could be stale, so the next batch reads them again.
    /// </summary>
    public void ForgetCommitted()
    {
        committed.Clear();
        committedVersion = -1;
    }

    public async Task SaveAsync(NodeTransaction tx, LedgerBatch batch, CancellationToken cancellationToken)
    {
        await LedgerWrites.InsertAsync(tx, "pay_quotes", QuoteColumns, batch.NewQuotes.Select(q => new object?[]
        {
            q.Id, q.Source.Currency.Code, q.Source.Minor, q.Target.Currency.Code, q.Target.Minor, q.MidRate.Micros, q.Rate.Micros,
            (long)q.SpreadBasisPoints, q.Requester, Ms(q.CreatedAt), Ms(q.ExpiresAt),
        }).ToList(), cancellationToken);
        await LedgerWrites.InsertAsync(tx, "pay_payments", PaymentColumns, batch.Created.Select(id =>
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
        await LedgerWrites.UpdateAsync(tx, "pay_payments", ResolvedColumns,
            batch.Resolved.Select(id => batch.Payments[id]).Select(p => new object?[] { p.Id, p.State, Ms(p.ResolvedAt), p.Reason }).ToList(), cancellationToken);
        if (batch.ChangedFees.Count > 0)
        {
            var fees = batch.ChangedFees.Select(id => batch.Fees[id]).ToList();
            await LedgerWrites.UpdateAsync(tx, "pay_fees", FeeRows.Changed, fees.Select(FeeRows.ChangedValues).ToList(), cancellationToken);
            if (feeReferences is not null) await feeReferences.OnChangedAsync(tx, fees, cancellationToken);
        }
        var changed = batch.Accounts.Values.Where(a => a.Changed).ToList();
        tx.OnCommitted(() =>
        {
            foreach (var account in changed) committed[account.Id] = account.ToAccount();
        });
        await LedgerWrites.UpdateAsync(tx, "pay_accounts", BalanceColumns,
            changed.Select(a => new object?[] { a.Id, a.DebitsPending, a.DebitsPosted, a.CreditsPending, a.CreditsPosted, a.LimitDay, a.DayPaid, a.DayStaticQr }).ToList(),
            cancellationToken);
    }

    private static Task<List<T>> ReadAsync<T>(NodeTransaction tx, string sql, string column, IReadOnlyCollection<string> keys,
        Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken) =>
        LedgerRows.ReadInAsync(tx.Connection, tx.Transaction, tx.Kind, sql, column, keys, map, cancellationToken);

    private static object? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();
}
