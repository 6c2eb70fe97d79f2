using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Settlement;

/// <summary>
/// Settlement cut-offs. A cut-off takes, in one transaction, every posted payment not yet settled (marking it with the
/// settlement's id, so none is settled twice or missed: a transfer posted during the cut-off falls in the next one), nets
/// its transfer legs per scheme and participant, and stores the positions; then it checks the whole ledger and records the check.
/// Reservations still pending at the cut-off settle in the window in which they are posted.
/// </summary>
public sealed class Settlements(NodeDatabase database, TimeProvider time)
{
    public async Task<SettlementReport> CutOffAsync(string createdBy, CancellationToken cancellationToken = default)
    {
        var at = WireJson.Truncate(time.GetUtcNow());
        var id = Guid.CreateVersion7(at).ToString();
        var (previous, transfers, positions) = await database.WriteAsync(async tx =>
        {
            var previousMs = await tx.Connection.ExecuteScalarAsync<long?>("SELECT MAX(cutoff_ms) FROM pay_settlements", transaction: tx.Transaction);
            var perAccount = new Dictionary<string, (long Debits, long Credits)>(StringComparer.Ordinal);
            long count = 0;
            await using (var command = tx.Connection.CreateCommand())
            {
                command.Transaction = tx.Transaction;
                command.CommandText = "UPDATE pay_payments SET settlement_id = @id WHERE state = 'posted' AND settlement_id IS NULL " +
                                      "RETURNING payer, payee, fx_in, fx_out, debit_currency, debit_minor, credit_currency, credit_minor";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@id";
                parameter.Value = id;
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var debit = Money.OfMinor(Currency.Parse(reader.GetString(4)), reader.GetInt64(5));
                    var credit = Money.OfMinor(Currency.Parse(reader.GetString(6)), reader.GetInt64(7));
                    foreach (var leg in LedgerRows.Legs(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                                 reader.IsDBNull(3) ? null : reader.GetString(3), debit, credit, TransferState.Posted))
                    {
                        var from = perAccount.GetValueOrDefault(leg.DebitAccount);
                        perAccount[leg.DebitAccount] = (checked(from.Debits + leg.Amount.Minor), from.Credits);
                        var to = perAccount.GetValueOrDefault(leg.CreditAccount);
                        perAccount[leg.CreditAccount] = (to.Debits, checked(to.Credits + leg.Amount.Minor));
                        count++;
                    }
                }
            }
            var accounts = (await LedgerRows.ReadInAsync(tx.Connection, tx.Transaction, tx.Kind, $"SELECT {LedgerRows.AccountColumns} FROM pay_accounts WHERE {{in}}",
                "id", perAccount.Keys, LedgerRows.Account, cancellationToken)).ToDictionary(a => a.Id);
            var netted = perAccount.GroupBy(a => (accounts[a.Key].Scheme, accounts[a.Key].Currency.Code, accounts[a.Key].Participant))
                .Select(g => new SettlementPosition(g.Key.Scheme, g.Key.Code, g.Key.Participant, g.Sum(a => a.Value.Debits), g.Sum(a => a.Value.Credits)))
                .OrderBy(p => p.Scheme, StringComparer.Ordinal).ThenBy(p => p.Participant, StringComparer.Ordinal).ToList();
            await tx.Connection.ExecuteAsync(
                "INSERT INTO pay_settlements (id, cutoff_ms, previous_cutoff_ms, created_by, transfers, balanced, checks) VALUES (@id, @at, @previousMs, @createdBy, @count, 0, '{}')",
                new { id, at = at.ToUnixTimeMilliseconds(), previousMs, createdBy, count }, tx.Transaction);
            await tx.InsertRowsAsync("pay_settlement_positions", ["settlement_id", "scheme", "currency", "participant", "debits", "credits"],
                netted.Select(p => new object?[] { id, p.Scheme, p.Currency, p.Participant, p.Debits, p.Credits }).ToList(), cancellationToken: cancellationToken);
            return (previousMs, count, netted);
        }, cancellationToken);
        var check = await LedgerAudit.CheckAsync(database, cancellationToken);
        var report = new SettlementReport(id, at, previous is { } ms ? LedgerRows.Time(ms) : null, createdBy, transfers, positions, check);
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync("UPDATE pay_settlements SET balanced = @balanced, checks = @checks WHERE id = @id",
            new { id, balanced = report.Balanced ? 1L : 0L, checks = JsonSerializer.Serialize(check, WireJson.Options) }, tx.Transaction), cancellationToken);
        return report;
    }

    public Task<SettlementReport?> GetAsync(string id, CancellationToken cancellationToken = default) => database.ReadAsync(async c =>
    {
        var row = await c.QuerySingleOrDefaultAsync<(string Id, long CutoffMs, long? PreviousMs, string CreatedBy, long Transfers, string Checks)>(
            "SELECT id, cutoff_ms, previous_cutoff_ms, created_by, transfers, checks FROM pay_settlements WHERE id = @id", new { id });
        if (row.Id is null) return null;
        var positions = (await c.QueryAsync<(string Scheme, string Currency, string Participant, long Debits, long Credits)>(
                "SELECT scheme, currency, participant, debits, credits FROM pay_settlement_positions WHERE settlement_id = @id", new { id }))
            .Select(p => new SettlementPosition(p.Scheme, p.Currency, p.Participant, p.Debits, p.Credits))
            // Sorted here, not in SQL: PostgreSQL's collation and SQLite's byte order disagree.
            .OrderBy(p => p.Scheme, StringComparer.Ordinal).ThenBy(p => p.Participant, StringComparer.Ordinal).ToList();
        var check = JsonSerializer.Deserialize<LedgerCheck>(row.Checks, WireJson.Options) ?? new LedgerCheck([], [], []);
        return new SettlementReport(row.Id, LedgerRows.Time(row.CutoffMs), row.PreviousMs is { } p ? LedgerRows.Time(p) : null, row.CreatedBy, row.Transfers,
            positions, new LedgerCheck(check.Currencies ?? [], check.Mismatched ?? [], check.BelowLimit ?? []));
    }, cancellationToken);
}
