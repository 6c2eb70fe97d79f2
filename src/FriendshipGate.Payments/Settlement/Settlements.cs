using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Settlement;

/// <summary>
/// Settlement cut-offs. A cut-off takes, in one transaction, every posted transfer not yet settled (marking it with the
/// settlement's id, so none is settled twice or missed: a transfer posted during the cut-off falls in the next one), nets
/// it per scheme and participant, and stores the positions; then it checks the whole ledger and records the check.
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
                command.CommandText = "UPDATE pay_transfers SET settlement_id = @id WHERE state = 'posted' AND settlement_id IS NULL RETURNING debit_account, credit_account, amount";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@id";
                parameter.Value = id;
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var amount = reader.GetInt64(2);
                    var debit = perAccount.GetValueOrDefault(reader.GetString(0));
                    perAccount[reader.GetString(0)] = (checked(debit.Debits + amount), debit.Credits);
                    var credit = perAccount.GetValueOrDefault(reader.GetString(1));
                    perAccount[reader.GetString(1)] = (credit.Debits, checked(credit.Credits + amount));
                    count++;
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
