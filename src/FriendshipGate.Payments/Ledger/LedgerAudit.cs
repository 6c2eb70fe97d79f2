using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>One currency's totals over every account: balances must sum to zero and pending debits equal pending credits.</summary>
public sealed record CurrencyTotals(string Currency, long BalanceSum, long PendingDebits, long PendingCredits)
{
    public bool Balanced => BalanceSum == 0 && PendingDebits == PendingCredits;
}

/// <summary>
/// What the ledger check found: per currency totals; accounts whose stored balances differ from the sum of their transfers;
/// accounts below their lower limit. <see cref="Balanced"/> when all three are clean.
/// </summary>
public sealed record LedgerCheck(IReadOnlyList<CurrencyTotals> Currencies, IReadOnlyList<string> Mismatched, IReadOnlyList<string> BelowLimit)
{
    public bool Balanced => Currencies.All(c => c.Balanced) && Mismatched.Count == 0 && BelowLimit.Count == 0;
}

/// <summary>
/// Checks the ledger from its rows: double entry makes every currency's balances sum to zero, each account's stored balances
/// must be what its transfer legs add up to, and no account may be below its lower limit. Run at start (after a crash) and at
/// every settlement cut-off.
/// </summary>
public static class LedgerAudit
{
    public static Task<LedgerCheck> CheckAsync(NodeDatabase database, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
    {
        // One snapshot for all three queries, so a batch committing meanwhile cannot look like a mismatch. SQLite: a deferred
        // transaction is a WAL read snapshot that does not take the write lock; PostgreSQL: repeatable read.
        await using var snapshot = c is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var totals = (await c.QueryAsync<(string Currency, long Balance, long DebitsPending, long CreditsPending)>(
            "SELECT currency, CAST(SUM(credits_posted - debits_posted) AS BIGINT), CAST(SUM(debits_pending) AS BIGINT), CAST(SUM(credits_pending) AS BIGINT) " +
            "FROM pay_accounts GROUP BY currency ORDER BY currency", transaction: snapshot)).Select(t => new CurrencyTotals(t.Currency, t.Balance, t.DebitsPending, t.CreditsPending)).ToList();
        // Each payment row holds its legs: payer → (fx_in or payee) for debit_minor; then fx_out → payee for credit_minor.
        var fromTransfers = (await c.QueryAsync<(string Account, long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted)>("""
            SELECT account, CAST(SUM(dp) AS BIGINT), CAST(SUM(dpo) AS BIGINT), CAST(SUM(cp) AS BIGINT), CAST(SUM(cpo) AS BIGINT) FROM (
                SELECT payer AS account, CASE WHEN state = 'reserved' THEN debit_minor ELSE 0 END AS dp,
                       CASE WHEN state = 'posted' THEN debit_minor ELSE 0 END AS dpo, 0 AS cp, 0 AS cpo FROM pay_payments
                UNION ALL
                SELECT COALESCE(fx_in, payee), 0, 0, CASE WHEN state = 'reserved' THEN debit_minor ELSE 0 END,
                       CASE WHEN state = 'posted' THEN debit_minor ELSE 0 END FROM pay_payments
                UNION ALL
                SELECT fx_out, CASE WHEN state = 'reserved' THEN credit_minor ELSE 0 END, CASE WHEN state = 'posted' THEN credit_minor ELSE 0 END, 0, 0
                FROM pay_payments WHERE fx_out IS NOT NULL
                UNION ALL
                SELECT payee, 0, 0, CASE WHEN state = 'reserved' THEN credit_minor ELSE 0 END, CASE WHEN state = 'posted' THEN credit_minor ELSE 0 END
                FROM pay_payments WHERE fx_in IS NOT NULL
            ) legs GROUP BY account
            """, transaction: snapshot)).ToDictionary(r => r.Account);
        var mismatched = new List<string>();
        var below = new List<string>();
        foreach (var a in await c.QueryAsync<(string Id, long? LowerLimit, long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted)>(
                     "SELECT id, lower_limit, debits_pending, debits_posted, credits_pending, credits_posted FROM pay_accounts ORDER BY id", transaction: snapshot))
        {
            var sums = fromTransfers.GetValueOrDefault(a.Id);
            if ((a.DebitsPending, a.DebitsPosted, a.CreditsPending, a.CreditsPosted) != (sums.DebitsPending, sums.DebitsPosted, sums.CreditsPending, sums.CreditsPosted))
                mismatched.Add(a.Id);
            if (a.LowerLimit is { } limit && checked(a.CreditsPosted - a.DebitsPosted - a.DebitsPending) < limit) below.Add(a.Id);
        }
        return new LedgerCheck(totals, mismatched, below);
    }, cancellationToken);
}
