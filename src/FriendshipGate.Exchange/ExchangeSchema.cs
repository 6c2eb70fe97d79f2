using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

internal static class ExchangeSchema
{
    public static readonly Migration[] Migrations =
    [
        new("exchange", 1, """
            CREATE TABLE exchange_outbox (
                seq {id},
                message_id TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                subject TEXT NOT NULL,
                jws TEXT NOT NULL,
                hash TEXT NOT NULL,
                state TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                sent_ms BIGINT NULL,
                acked_ms BIGINT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                reason TEXT NULL,
                receipt_id TEXT NULL,
                leaf_index BIGINT NULL,
                audit_path TEXT NULL);
            CREATE INDEX ix_exchange_outbox_pending ON exchange_outbox (seq) WHERE state IN ('queued', 'sent');
            CREATE TABLE exchange_inbox (
                message_id TEXT PRIMARY KEY,
                sender TEXT NOT NULL,
                type TEXT NOT NULL,
                hash TEXT NOT NULL,
                created_ms BIGINT NOT NULL,
                received_ms BIGINT NOT NULL,
                receipt_id TEXT NOT NULL,
                leaf_index BIGINT NOT NULL,
                audit_path TEXT NOT NULL);
            CREATE TABLE exchange_receipts (
                receipt_id TEXT PRIMARY KEY,
                direction TEXT NOT NULL,
                jws TEXT NOT NULL,
                issued_ms BIGINT NOT NULL);
            CREATE TABLE exchange_evidence (
                seq BIGINT PRIMARY KEY,
                at_ms BIGINT NOT NULL,
                kind TEXT NOT NULL,
                message_id TEXT NULL,
                counterpart TEXT NULL,
                reason TEXT NULL,
                detail TEXT NULL,
                content_hash TEXT NOT NULL,
                content TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                entry_hash TEXT NOT NULL);
            CREATE INDEX ix_exchange_evidence_kind ON exchange_evidence (kind, reason);
            CREATE TABLE exchange_keys (
                kid TEXT PRIMARY KEY,
                node_id TEXT NOT NULL,
                owner TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                spki TEXT NOT NULL,
                state TEXT NOT NULL,
                added_ms BIGINT NOT NULL,
                retired_ms BIGINT NULL);
            CREATE TABLE exchange_peer_contact (
                peer TEXT PRIMARY KEY,
                last_contact_ms BIGINT NULL,
                last_error TEXT NULL,
                last_error_ms BIGINT NULL);
            """),
        // Settled and received messages are counted as they settle or arrive: counting the tables, which only grow,
        // made every status read (the command center's, every second) scan them whole.
        new("exchange", 2, """
            CREATE TABLE exchange_counters (
                name TEXT PRIMARY KEY,
                value BIGINT NOT NULL);
            INSERT INTO exchange_counters (name, value) SELECT 'acknowledged', COUNT(*) FROM exchange_outbox WHERE state = 'acknowledged';
            INSERT INTO exchange_counters (name, value) SELECT 'rejected', COUNT(*) FROM exchange_outbox WHERE state = 'rejected';
            INSERT INTO exchange_counters (name, value) SELECT 'received', COUNT(*) FROM exchange_inbox;
            """),
        // Each signed message is stored once, in its message-sent evidence entry: the outbox row, updated twice on its way
        // (sent, then settled), points to it instead of carrying the JWS, which made every update rewrite a kilobyte.
        // Proofs are read from the receipt's evidence entry (its leaves, or the path when it holds only some) instead of
        // an audit path stored per message; rows settled or received before keep the path they have.
        new("exchange", 3, """
            ALTER TABLE exchange_outbox ADD COLUMN evidence_seq BIGINT NULL;
            ALTER TABLE exchange_outbox ADD COLUMN proof_seq BIGINT NULL;
            CREATE INDEX ix_exchange_evidence_sent ON exchange_evidence (message_id) WHERE kind = 'message-sent';
            UPDATE exchange_outbox SET evidence_seq = (SELECT MIN(e.seq) FROM exchange_evidence e
                WHERE e.kind = 'message-sent' AND e.message_id = exchange_outbox.message_id);
            DROP INDEX ix_exchange_evidence_sent;
            ALTER TABLE exchange_outbox DROP COLUMN jws;
            ALTER TABLE exchange_inbox ADD COLUMN receipt_seq BIGINT NULL;
            """),
    ];
}
