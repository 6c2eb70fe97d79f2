using System.Data.Common;
using FriendshipGate.Payments.Fx;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// Reading the ledger's rows, by hand rather than through Dapper's reflection: the writer reads a few thousand rows per batch.
/// Lists of keys are one parameter on either engine (<see cref="SqlLists"/>).
/// </summary>
internal static class LedgerRows
{
    public const string AccountColumns =
        "id, owner, participant, kind, currency, lower_limit, debits_pending, debits_posted, credits_pending, credits_posted, created_ms, " +
        "limit_day, day_paid, day_static_qr";

    public const string PaymentColumns =
        "id, idempotency, fingerprint, kind, state, payer, payee, fx_in, fx_out, debit_currency, debit_minor, credit_currency, credit_minor, " +
        "quote_id, qr, strong_auth, limit_day, requester, created_ms, timeout_ms, resolved_ms, reason";

    public const string QuoteColumns =
        "id, source_currency, source_minor, target_currency, target_minor, mid_micros, rate_micros, spread_bp, requester, created_ms, expires_ms";

    public static Account Account(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Currency.Parse(r.GetString(4)), r.IsDBNull(5) ? null : r.GetInt64(5),
        r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), Time(r.GetInt64(10)), Text(r, 11), r.GetInt64(12), r.GetInt64(13));

    public static Payment Payment(DbDataReader r)
    {
        var state = r.GetString(4);
        var debit = Money.OfMinor(Currency.Parse(r.GetString(9)), r.GetInt64(10));
        var credit = Money.OfMinor(Currency.Parse(r.GetString(11)), r.GetInt64(12));
        var legs = Legs(r.GetString(5), r.GetString(6), Text(r, 7), Text(r, 8), debit, credit, TransferState.Of(state));
        return new Payment(r.GetString(0), r.GetString(3), state, r.GetString(5), r.GetString(6), debit, credit,
            Text(r, 13), Text(r, 14), r.GetInt64(15) != 0, r.GetString(17), Time(r.GetInt64(18)), OptionalTime(r, 19), OptionalTime(r, 20), Text(r, 21), legs)
        {
            Idempotency = r.GetString(1),
            Fingerprint = r.GetString(2),
            LimitDay = Text(r, 16),
        };
    }

    /// <summary>A payment's transfer legs from its row: payer → payee, or payer → fx_in and fx_out → payee.</summary>
    public static IReadOnlyList<TransferLeg> Legs(string payer, string payee, string? fxIn, string? fxOut, Money debit, Money credit, string state) =>
        fxIn is null || fxOut is null
            ? [new TransferLeg(1, payer, payee, debit, state)]
            : [new TransferLeg(1, payer, fxIn, debit, state), new TransferLeg(2, fxOut, payee, credit, state)];

    public static FxQuote Quote(DbDataReader r) => new(
        r.GetString(0), Money.OfMinor(Currency.Parse(r.GetString(1)), r.GetInt64(2)), Money.OfMinor(Currency.Parse(r.GetString(3)), r.GetInt64(4)),
        FxRate.FromMicros(r.GetInt64(5)), FxRate.FromMicros(r.GetInt64(6)), (int)r.GetInt64(7), r.GetString(8), Time(r.GetInt64(9)), Time(r.GetInt64(10)));

    /// <summary>Runs <paramref name="sql"/> with its <c>{in}</c> token replaced by "column is one of <paramref name="keys"/>".</summary>
    public static async Task<List<T>> ReadInAsync<T>(DbConnection connection, DbTransaction? transaction, DatabaseKind kind, string sql, string column,
        IReadOnlyCollection<string> keys, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (keys.Count == 0) return rows;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.Replace("{in}", SqlLists.In(kind, column, "@keys"), StringComparison.Ordinal);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@keys";
        parameter.Value = SqlLists.Values(kind, keys);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? OptionalTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : Time(r.GetInt64(i));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
