using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

internal static class ClearanceSchema
{
    public static readonly Migration[] Migrations =
    [
        new("clearance", 1, """
            CREATE TABLE clearance_declarations (
                id {id},
                number TEXT NOT NULL UNIQUE,
                side TEXT NOT NULL,
                type TEXT NOT NULL,
                kind TEXT NOT NULL,
                owner_company TEXT NOT NULL,
                state TEXT NOT NULL,
                version BIGINT NOT NULL,
                lane TEXT NULL,
                perishable BIGINT NOT NULL,
                aeo BIGINT NOT NULL,
                advance_ref TEXT NULL,
                lodged_ms BIGINT NOT NULL,
                arrived_ms BIGINT NULL,
                released_ms BIGINT NULL,
                complete_by_ms BIGINT NULL,
                updated_ms BIGINT NOT NULL);
            CREATE INDEX ix_clearance_declarations_owner ON clearance_declarations (owner_company, lodged_ms);
            CREATE INDEX ix_clearance_declarations_state ON clearance_declarations (state, lodged_ms);
            CREATE INDEX ix_clearance_declarations_advance ON clearance_declarations (advance_ref);
            CREATE INDEX ix_clearance_declarations_lodged ON clearance_declarations (lodged_ms);
            CREATE TABLE clearance_declaration_versions (
                number TEXT NOT NULL,
                version BIGINT NOT NULL,
                change TEXT NOT NULL,
                content TEXT NOT NULL,
                reason TEXT NULL,
                actor TEXT NOT NULL,
                recorded_ms BIGINT NOT NULL,
                PRIMARY KEY (number, version));
            CREATE TABLE clearance_events (
                id {id},
                number TEXT NOT NULL,
                side TEXT NOT NULL,
                state TEXT NOT NULL,
                at_ms BIGINT NOT NULL,
                actor TEXT NOT NULL,
                detail TEXT NULL);
            CREATE INDEX ix_clearance_events_number ON clearance_events (number, at_ms);
            CREATE TABLE clearance_counters (
                side TEXT NOT NULL,
                year BIGINT NOT NULL,
                type TEXT NOT NULL,
                last BIGINT NOT NULL,
                PRIMARY KEY (side, year, type));
            CREATE TABLE clearance_advance_data (
                origin_number TEXT PRIMARY KEY,
                origin_side TEXT NOT NULL,
                version BIGINT NOT NULL,
                content TEXT NOT NULL,
                candidates TEXT NOT NULL,
                importer_company TEXT NOT NULL,
                message_id TEXT NOT NULL,
                received_ms BIGINT NOT NULL,
                import_number TEXT NULL);
            CREATE TABLE clearance_peer_links (
                number TEXT PRIMARY KEY,
                linked_number TEXT NOT NULL);
            CREATE INDEX ix_clearance_peer_links_linked ON clearance_peer_links (linked_number);
            CREATE TABLE clearance_aeo_register (
                aeo_id TEXT PRIMARY KEY,
                side TEXT NOT NULL,
                company_id TEXT NOT NULL,
                company_name TEXT NOT NULL,
                status TEXT NOT NULL,
                since_ms BIGINT NOT NULL,
                reason TEXT NULL);
            CREATE TABLE clearance_inspections (
                id TEXT PRIMARY KEY,
                consignment TEXT NOT NULL,
                requested_side TEXT NOT NULL,
                slot_ms BIGINT NOT NULL,
                place TEXT NOT NULL,
                status TEXT NOT NULL,
                outcome TEXT NULL,
                findings TEXT NULL,
                recorded_side TEXT NULL,
                recorded_by TEXT NULL,
                recorded_ms BIGINT NULL,
                merged_into TEXT NULL,
                created_ms BIGINT NOT NULL);
            CREATE INDEX ix_clearance_inspections_consignment ON clearance_inspections (consignment);
            CREATE TABLE clearance_risk_decisions (
                number TEXT PRIMARY KEY,
                lane TEXT NOT NULL,
                rule_set_version TEXT NOT NULL,
                seed TEXT NOT NULL,
                subject TEXT NOT NULL,
                reasons TEXT NOT NULL,
                counts_before TEXT NOT NULL,
                decided_ms BIGINT NOT NULL);
            CREATE TABLE clearance_risk_counts (
                lane TEXT PRIMARY KEY,
                decisions BIGINT NOT NULL);
            CREATE TABLE clearance_trader_history (
                company TEXT PRIMARY KEY,
                declarations BIGINT NOT NULL,
                red BIGINT NOT NULL,
                discrepancies BIGINT NOT NULL);
            INSERT INTO clearance_risk_counts (lane, decisions) VALUES ('green', 0), ('blue', 0), ('yellow', 0), ('red', 0);
            """),
        // The command center reads open declarations by lane, releases per hour and waiting advance data every second:
        // without these, each read scanned the declarations and the advance data whole, however many years they hold.
        new("clearance", 2, """
            CREATE INDEX ix_clearance_declarations_open ON clearance_declarations (lane)
                WHERE lane IS NOT NULL AND released_ms IS NULL AND state <> 'cancelled';
            CREATE INDEX ix_clearance_declarations_released ON clearance_declarations (released_ms) WHERE released_ms IS NOT NULL;
            CREATE INDEX ix_clearance_advance_waiting ON clearance_advance_data (origin_number) WHERE import_number IS NULL;
            """),
    ];
}
