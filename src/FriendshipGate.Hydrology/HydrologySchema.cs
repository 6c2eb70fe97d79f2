using FriendshipGate.Storage;

namespace FriendshipGate.Hydrology;

internal static class HydrologySchema
{
    public static readonly Migration[] Migrations =
    [
        new("hydrology", 1, """
            CREATE TABLE hydrology_observations (
                id {id},
                station TEXT NOT NULL,
                river TEXT NOT NULL,
                origin TEXT NOT NULL,
                observed_ms BIGINT NOT NULL,
                water_level_m DOUBLE PRECISION NULL,
                discharge_m3s DOUBLE PRECISION NULL,
                rainfall_mm DOUBLE PRECISION NULL,
                message_id TEXT NOT NULL,
                recorded_ms BIGINT NOT NULL,
                UNIQUE (station, observed_ms));
            CREATE INDEX ix_hydrology_observations_time ON hydrology_observations (observed_ms);
            CREATE TABLE hydrology_alerts (
                id {id},
                station TEXT NOT NULL,
                origin TEXT NOT NULL,
                observed_ms BIGINT NOT NULL,
                water_level_m DOUBLE PRECISION NOT NULL,
                warning_level BIGINT NOT NULL,
                warning_level_m DOUBLE PRECISION NOT NULL,
                message_id TEXT NOT NULL,
                raised_ms BIGINT NOT NULL);
            """),
    ];
}
