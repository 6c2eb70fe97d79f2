using FriendshipGate.Storage;

namespace FriendshipGate.Gate;

internal static class GateSchema
{
    public static readonly Migration[] Migrations =
    [
        new("gate", 1, """
            CREATE TABLE gate_slots (
                lane TEXT NOT NULL,
                start_ms BIGINT NOT NULL,
                end_ms BIGINT NOT NULL,
                direction TEXT NOT NULL,
                capacity BIGINT NOT NULL,
                perishable_reserved BIGINT NOT NULL,
                carrier_quota BIGINT NULL,
                booked BIGINT NOT NULL,
                booked_perishable BIGINT NOT NULL,
                PRIMARY KEY (lane, start_ms));
            CREATE TABLE gate_bookings (
                id TEXT PRIMARY KEY,
                declaration TEXT NOT NULL,
                active_declaration TEXT NULL UNIQUE,
                company TEXT NOT NULL,
                carrier TEXT NOT NULL,
                plate TEXT NOT NULL,
                perishable BIGINT NOT NULL,
                lane TEXT NOT NULL,
                direction TEXT NOT NULL,
                slot_start_ms BIGINT NOT NULL,
                state TEXT NOT NULL,
                driver_code TEXT NOT NULL,
                driver_phone TEXT NULL,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL);
            CREATE INDEX ix_gate_bookings_slot ON gate_bookings (lane, slot_start_ms, state);
            CREATE INDEX ix_gate_bookings_plate ON gate_bookings (plate, state);
            CREATE INDEX ix_gate_bookings_company ON gate_bookings (company, created_ms);
            CREATE INDEX ix_gate_bookings_state ON gate_bookings (state, slot_start_ms);
            CREATE TABLE gate_carriers (
                carrier TEXT PRIMARY KEY,
                kept BIGINT NOT NULL,
                missed BIGINT NOT NULL);
            CREATE TABLE gate_visits (
                id TEXT PRIMARY KEY,
                plate TEXT NOT NULL,
                declaration TEXT NOT NULL,
                booking_id TEXT NULL,
                direction TEXT NOT NULL,
                priority BIGINT NOT NULL,
                state TEXT NOT NULL,
                lane TEXT NULL,
                joined_ms BIGINT NOT NULL,
                called_ms BIGINT NULL,
                held BIGINT NOT NULL,
                released_ms BIGINT NULL,
                passed_ms BIGINT NULL);
            CREATE INDEX ix_gate_visits_state ON gate_visits (state, direction);
            CREATE INDEX ix_gate_visits_plate ON gate_visits (plate, state);
            CREATE INDEX ix_gate_visits_declaration ON gate_visits (declaration);
            CREATE UNIQUE INDEX ux_gate_visits_active_plate ON gate_visits (plate) WHERE state IN ('waiting', 'called', 'released');
            CREATE UNIQUE INDEX ux_gate_visits_lane ON gate_visits (lane) WHERE state IN ('called', 'released');
            CREATE TABLE gate_device_events (
                event_id TEXT PRIMARY KEY,
                device TEXT NOT NULL,
                kind TEXT NOT NULL,
                lane TEXT NULL,
                at_ms BIGINT NOT NULL,
                received_ms BIGINT NOT NULL,
                reading TEXT NOT NULL,
                value TEXT NULL,
                visit_id TEXT NULL,
                booking_id TEXT NULL,
                declaration TEXT NULL,
                outcome TEXT NOT NULL,
                detail TEXT NOT NULL,
                answer TEXT NULL);
            CREATE INDEX ix_gate_device_events_visit ON gate_device_events (visit_id, at_ms);
            CREATE TABLE gate_alerts (
                id {id},
                visit_id TEXT NULL,
                declaration TEXT NULL,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL,
                raised_ms BIGINT NOT NULL,
                state TEXT NOT NULL,
                resolution TEXT NULL,
                resolved_by TEXT NULL,
                resolved_ms BIGINT NULL);
            CREATE INDEX ix_gate_alerts_state ON gate_alerts (state, raised_ms);
            CREATE INDEX ix_gate_alerts_visit ON gate_alerts (visit_id);
            CREATE TABLE gate_decisions (
                id {id},
                visit_id TEXT NOT NULL,
                declaration TEXT NOT NULL,
                decision TEXT NOT NULL,
                actor TEXT NOT NULL,
                reasons TEXT NOT NULL,
                decided_ms BIGINT NOT NULL);
            CREATE INDEX ix_gate_decisions_visit ON gate_decisions (visit_id);
            """),
        // The fees on each booking as Payments reports them (Fees/BookingFees.cs): whether one is still due is what the
        // booking's views show and what automatic release waits for.
        new("gate", 2, """
            CREATE TABLE gate_booking_fees (
                fee_id TEXT PRIMARY KEY,
                booking_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                currency TEXT NOT NULL,
                value TEXT NOT NULL,
                minor BIGINT NOT NULL,
                state TEXT NOT NULL,
                issued_ms BIGINT NOT NULL,
                expires_ms BIGINT NOT NULL,
                paid_ms BIGINT NULL,
                payment_id TEXT NULL);
            CREATE INDEX ix_gate_booking_fees_booking ON gate_booking_fees (booking_id, state);
            """),
    ];
}
