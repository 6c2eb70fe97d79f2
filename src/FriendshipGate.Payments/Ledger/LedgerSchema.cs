using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// The Payments module's tables: accounts (with the payer's running day total for the limits), FX quotes, payments, settlements.
/// A payment row holds its one or two transfer legs (payer → payee; or payer → fx_in and fx_out → payee), because they are
/// reserved, posted and voided together: one row per payment is one write per payment in a batch.
/// </summary>
internal static class LedgerSchema
{
    public static readonly Migration[] Migrations =
    [
        new("payments", 1, """
            CREATE TABLE pay_accounts (
                id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                participant TEXT NOT NULL,
                kind TEXT NOT NULL,
                currency TEXT NOT NULL,
                lower_limit BIGINT NULL,
                debits_pending BIGINT NOT NULL,
                debits_posted BIGINT NOT NULL,
                credits_pending BIGINT NOT NULL,
                credits_posted BIGINT NOT NULL,
                limit_day TEXT NULL,
                day_paid BIGINT NOT NULL,
                day_static_qr BIGINT NOT NULL,
                created_ms BIGINT NOT NULL);
            CREATE INDEX ix_pay_accounts_owner ON pay_accounts (owner);
            CREATE TABLE pay_quotes (
                id TEXT PRIMARY KEY,
                source_currency TEXT NOT NULL,
                source_minor BIGINT NOT NULL,
                target_currency TEXT NOT NULL,
                target_minor BIGINT NOT NULL,
                mid_micros BIGINT NOT NULL,
                rate_micros BIGINT NOT NULL,
                spread_bp BIGINT NOT NULL,
                requester TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL);
            CREATE TABLE pay_payments (
                id TEXT PRIMARY KEY,
                idempotency TEXT NOT NULL UNIQUE,
                fingerprint TEXT NOT NULL,
                kind TEXT NOT NULL,
                state TEXT NOT NULL,
                payer TEXT NOT NULL,
                payee TEXT NOT NULL,
                fx_in TEXT NULL,
                fx_out TEXT NULL,
                debit_currency TEXT NOT NULL,
                debit_minor BIGINT NOT NULL,
                credit_currency TEXT NOT NULL,
                credit_minor BIGINT NOT NULL,
                quote_id TEXT NULL UNIQUE,
                qr TEXT NULL,
                strong_auth BIGINT NOT NULL,
                limit_day TEXT NULL,
                requester TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                timeout_ms BIGINT NULL,
                resolved_ms BIGINT NULL,
                reason TEXT NULL,
                settlement_id TEXT NULL);
            CREATE INDEX ix_pay_payments_reserved ON pay_payments (timeout_ms) WHERE state = 'reserved';
            CREATE INDEX ix_pay_payments_unsettled ON pay_payments (state) WHERE settlement_id IS NULL;
            CREATE TABLE pay_settlements (
                id TEXT PRIMARY KEY,
                cutoff_ms BIGINT NOT NULL,
                previous_cutoff_ms BIGINT NULL,
                created_by TEXT NOT NULL,
                transfers BIGINT NOT NULL,
                balanced BIGINT NOT NULL,
                checks TEXT NOT NULL);
            CREATE TABLE pay_settlement_positions (
                settlement_id TEXT NOT NULL,
                scheme TEXT NOT NULL,
                currency TEXT NOT NULL,
                participant TEXT NOT NULL,
                debits BIGINT NOT NULL,
                credits BIGINT NOT NULL,
                PRIMARY KEY (settlement_id, scheme, participant));
            """),
        // Counts the ledger writers' batches on PostgreSQL, where several node processes may take turns writing: a writer
        // whose last batch is not the one before this one knows another process wrote in between (LedgerStore).
        new("payments", 2, """
            CREATE TABLE pay_ledger_version (
                id BIGINT PRIMARY KEY,
                version BIGINT NOT NULL);
            INSERT INTO pay_ledger_version (id, version) VALUES (1, 0);
            """),
    ];
}
