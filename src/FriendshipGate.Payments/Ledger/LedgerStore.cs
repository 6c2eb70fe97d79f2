using FriendshipGate.Payments.Limits;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// The SQL around one batch: <see cref="LoadAsync"/> reads what the batch's commands touch (a handful of queries, whatever the
/// batch size); <see cref="SaveAsync"/> writes what the batch changed, each table once. Both run in the batch's transaction.
/// On PostgreSQL the payments to resolve and the accounts are locked (FOR UPDATE, in key order, so two node processes
/// never deadlock): another process's batch waits, then sees this one's balances.
/// </summary>
internal sealed class LedgerStore(PaymentsOptions options)
{
    public async Task<LedgerBatch> LoadAsync(NodeTransaction tx, IReadOnlyList<LedgerCommand> commands, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = new LedgerBatch(now, options);
        var creates = commands.OfType<CreatePayment>().Select(c => c.Request).ToList();
        var lockRows = tx.Kind == DatabaseKind.Postgres ? " ORDER BY id FOR UPDATE" : "";

        var toResolve = commands.OfType<ResolvePayment>().Select(c => c.PaymentId).ToHashSet(StringComparer.Ordinal);
        var payments = await ReadAsync(tx, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}{lockRows}", "id", toResolve, LedgerRows.Payment, cancellationToken);
        var retried = creates.Select(r => r.Idempotency).ToHashSet(StringComparer.Ordinal);
        payments.AddRange(await ReadAsync(tx, $"SELECT {LedgerRows.PaymentColumns} FROM pay_payments WHERE {{in}}", "idempotency", retried, LedgerRows.Payment, cancellationToken));
        var transfers = await ReadAsync(tx, $"SELECT {LedgerRows.TransferColumns} FROM pay_transfers WHERE {{in}}", "payment_id",
            payments.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), LedgerRows.Transfer, cancellationToken);
        foreach (var payment in LedgerRows.WithLegs(payments, transfers)) batch.Add(payment);

        var quoteIds = creates.Where(r => r.QuoteId is not null).Select(r => r.QuoteId!).ToHashSet(StringComparer.Ordinal);
        foreach (var quote in await ReadAsync(tx, $"SELECT {LedgerRows.QuoteColumns} FROM pay_quotes WHERE {{in}}", "id", quoteIds, LedgerRows.Quote, cancellationToken))
            batch.Quotes[quote.Id] = quote;
        foreach (var used in await ReadAsync(tx, "SELECT quote_id FROM pay_payments WHERE {in}", "quote_id", quoteIds, r => r.GetString(0), cancellationToken))
            batch.UsedQuotes.Add(used);

        var accountIds = SystemAccounts.Ids.ToHashSet(StringComparer.Ordinal);
        foreach (var request in creates)
        {
            accountIds.Add(request.Payee);
            if (request.Payer is { } payer) accountIds.Add(payer);
        }
        foreach (var payment in batch.Payments.Values)
        {
            accountIds.Add(payment.Payer);
            accountIds.Add(payment.Payee);
            foreach (var leg in payment.Legs) { accountIds.Add(leg.DebitAccount); accountIds.Add(leg.CreditAccount); }
        }
        foreach (var account in await ReadAsync(tx, $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts WHERE {{in}}{lockRows}", "id", accountIds, LedgerRows.Account, cancellationToken))
            batch.Add(account);

        var dailyKeys = batch.Payments.Values.Where(p => p.LimitKey is not null).Select(p => p.LimitKey!).ToHashSet(StringComparer.Ordinal);
        foreach (var request in creates.Where(r => r.Kind == PaymentKind.Payment))
            if (request.Payer is { } payer && batch.Accounts.TryGetValue(payer, out var account))
                dailyKeys.Add(DailyTotal.KeyOf(account.Owner, account.Currency, now));
        foreach (var total in await ReadAsync(tx, "SELECT id, total_minor, static_qr_minor FROM pay_daily_totals WHERE {in}", "id", dailyKeys,
                     r => new DailyTotal(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken))
            batch.Daily[total.Key] = total;
        return batch;
    }

    public async Task SaveAsync(NodeTransaction tx, LedgerBatch batch, CancellationToken cancellationToken)
    {
        if (batch.NewQuotes.Count > 0)
            await tx.InsertRowsAsync("pay_quotes",
                ["id", "source_currency", "source_minor", "target_currency", "target_minor", "mid_micros", "rate_micros", "spread_bp", "requester", "created_ms", "expires_ms"],
                batch.NewQuotes.Select(q => new object?[]
                {
                    q.Id, q.Source.Currency.Code, q.Source.Minor, q.Target.Currency.Code, q.Target.Minor, q.MidRate.Micros, q.Rate.Micros,
                    (long)q.SpreadBasisPoints, q.Requester, Ms(q.CreatedAt), Ms(q.ExpiresAt),
                }).ToList(), cancellationToken: cancellationToken);
        if (batch.Created.Count > 0)
        {
            var created = batch.Created.Select(id => batch.Payments[id]).ToList();
            await tx.InsertRowsAsync("pay_payments",
                ["id", "idempotency", "fingerprint", "kind", "state", "payer", "payee", "debit_currency", "debit_minor", "credit_currency", "credit_minor",
                 "quote_id", "qr", "strong_auth", "limit_key", "requester", "created_ms", "timeout_ms", "resolved_ms", "reason"],
                created.Select(p => new object?[]
                {
                    p.Id, p.Idempotency, p.Fingerprint, p.Kind, p.State, p.Payer, p.Payee, p.Debit.Currency.Code, p.Debit.Minor, p.Credit.Currency.Code,
                    p.Credit.Minor, p.QuoteId, p.Qr, p.StrongAuthentication ? 1L : 0L, p.LimitKey, p.Requester, Ms(p.CreatedAt), Ms(p.TimeoutAt),
                    Ms(p.ResolvedAt), p.Reason,
                }).ToList(), cancellationToken: cancellationToken);
            await tx.InsertRowsAsync("pay_transfers",
                ["payment_id", "leg", "debit_account", "credit_account", "currency", "amount", "state", "created_ms", "resolved_ms"],
                created.SelectMany(p => p.Legs.Select(l => new object?[]
                {
                    p.Id, (long)l.Leg, l.DebitAccount, l.CreditAccount, l.Amount.Currency.Code, l.Amount.Minor, l.State, Ms(p.CreatedAt), Ms(p.ResolvedAt),
                })).ToList(), cancellationToken: cancellationToken);
        }
        if (batch.Resolved.Count > 0)
        {
            var resolved = batch.Resolved.Select(id => batch.Payments[id]).ToList();
            await tx.UpdateRowsAsync("pay_payments", "id", ["state", "resolved_ms", "reason"], ["text", "text", "bigint", "text"],
                resolved.Select(p => new object?[] { p.Id, p.State, Ms(p.ResolvedAt), p.Reason }).ToList(), cancellationToken);
            await tx.UpdateRowsAsync("pay_transfers", "payment_id", ["state", "resolved_ms"], ["text", "text", "bigint"],
                resolved.Select(p => new object?[] { p.Id, p.Legs[0].State, Ms(p.ResolvedAt) }).ToList(), cancellationToken);
        }
        var changed = batch.Accounts.Values.Where(a => a.Changed).ToList();
        if (changed.Count > 0)
            await tx.UpdateRowsAsync("pay_accounts", "id", ["debits_pending", "debits_posted", "credits_pending", "credits_posted"],
                ["text", "bigint", "bigint", "bigint", "bigint"],
                changed.Select(a => new object?[] { a.Id, a.DebitsPending, a.DebitsPosted, a.CreditsPending, a.CreditsPosted }).ToList(), cancellationToken);
        if (batch.DailyChanges.Count > 0)
            await tx.InsertRowsAsync("pay_daily_totals", ["id", "total_minor", "static_qr_minor"],
                batch.DailyChanges.Values.Select(d => new object?[] { d.Key, d.TotalMinor, d.StaticQrMinor }).ToList(),
                "ON CONFLICT (id) DO UPDATE SET total_minor = pay_daily_totals.total_minor + excluded.total_minor, " +
                "static_qr_minor = pay_daily_totals.static_qr_minor + excluded.static_qr_minor", cancellationToken);
    }

    private static Task<List<T>> ReadAsync<T>(NodeTransaction tx, string sql, string column, IReadOnlyCollection<string> keys,
        Func<System.Data.Common.DbDataReader, T> map, CancellationToken cancellationToken) =>
        LedgerRows.ReadInAsync(tx.Connection, tx.Transaction, tx.Kind, sql, column, keys, map, cancellationToken);

    private static object? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();
}
