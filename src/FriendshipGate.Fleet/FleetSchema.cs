using FriendshipGate.Storage;

namespace FriendshipGate.Fleet;

internal static class FleetSchema
{
    public static readonly Migration[] Migrations =
    [
        new("fleet", 1, """
            CREATE TABLE fleet_orders (
                id TEXT PRIMARY KEY,
                container TEXT NOT NULL,
                from_bay TEXT NOT NULL,
                to_bay TEXT NOT NULL,
                state TEXT NOT NULL,
                vehicle TEXT NULL,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL);
            CREATE INDEX ix_fleet_orders_state ON fleet_orders (state, created_ms);
            """),
    ];
}
