using System.Data.Common;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Fees;

/// <summary>The pay_fees table: its migration, how a row reads into a <see cref="Fee"/>, and the columns the ledger writer changes.</summary>
internal static class FeeRows
{
    public static readonly Migration Migration = new("payments", 3, """
        CREATE TABLE pay_fees (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            currency TEXT NOT NULL,
            minor BIGINT NOT NULL,
            payee TEXT NOT NULL,
            reference TEXT NOT NULL,
            debtor TEXT NOT NULL,
            state TEXT NOT NULL,
            payload TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            issued_ms BIGINT NOT NULL,
            expires_ms BIGINT NOT NULL,
            paid_ms BIGINT NULL,
            payment_id TEXT NULL UNIQUE,
            payer TEXT NULL,
            cancelled_ms BIGINT NULL,
            reason TEXT NULL);
        CREATE INDEX ix_pay_fees_reference ON pay_fees (reference, issued_ms);
        CREATE INDEX ix_pay_fees_debtor ON pay_fees (debtor, issued_ms);
        """);

    public const string Columns =
        "id, kind, currency, minor, payee, reference, debtor, state, payload, issued_by, issued_ms, expires_ms, paid_ms, payment_id, payer, cancelled_ms, reason";

    /// <summary>What paying or cancelling changes; the key first (<see cref="LedgerWrites.UpdateAsync"/>).</summary>
    public static readonly LedgerColumn[] Changed =
    [
        LedgerColumn.Text("id"), LedgerColumn.Text("state"), LedgerColumn.Bigint("paid_ms"), LedgerColumn.Text("payment_id"), LedgerColumn.Text("payer"),
        LedgerColumn.Bigint("cancelled_ms"), LedgerColumn.Text("reason"),
    ];

    public static object?[] ChangedValues(Fee f) => [f.Id, f.StoredState, Ms(f.PaidAt), f.PaymentId, f.Payer, Ms(f.CancelledAt), f.Reason];

    public static object?[] Values(Fee f) =>
    [
        f.Id, f.Kind, f.Amount.Currency.Code, f.Amount.Minor, f.Payee, f.Reference, f.Debtor, f.StoredState, f.Payload, f.IssuedBy,
        f.IssuedAt.ToUnixTimeMilliseconds(), f.ExpiresAt.ToUnixTimeMilliseconds(), Ms(f.PaidAt), f.PaymentId, f.Payer, Ms(f.CancelledAt), f.Reason,
    ];

    public static Fee Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Money.OfMinor(Currency.Parse(r.GetString(2)), r.GetInt64(3)), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetString(7), r.GetString(8), r.GetString(9), LedgerRows.Time(r.GetInt64(10)), LedgerRows.Time(r.GetInt64(11)), Time(r, 12), Text(r, 13),
        Text(r, 14), Time(r, 15), Text(r, 16));

    private static object? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : LedgerRows.Time(r.GetInt64(i));

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
