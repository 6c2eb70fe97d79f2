using FriendshipGate.Storage;
using Npgsql;

namespace FriendshipGate.Exchange.Tests;

/// <summary>A migrated, empty node database of one engine, removed on dispose.</summary>
internal abstract class TestStore : IAsyncDisposable
{
    public required NodeDatabase Database { get; init; }

    public abstract ValueTask DisposeAsync();

    /// <summary>An SQLite file in its own temp directory.</summary>
    public static async Task<TestStore> SqliteAsync()
    {
        var directory = new TempDirectory();
        var store = new SqliteStore(directory) { Database = NodeDatabase.Sqlite(directory.File("node.db")) };
        await store.Database.MigrateAsync(ExchangeServices.Migrations);
        return store;
    }

    /// <summary>A fresh schema "t_…" in the PG_CONN database, dropped on dispose.</summary>
    public static async Task<TestStore> PostgresAsync()
    {
        var connectionString = PostgresEnvironment.RequireConnectionString();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        var store = new PostgresStore(connectionString, schema) { Database = NodeDatabase.Postgres(connectionString, schema) };
        await store.Database.MigrateAsync(ExchangeServices.Migrations);
        return store;
    }

    private sealed class SqliteStore(TempDirectory directory) : TestStore
    {
        public override async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            directory.Dispose();
        }
    }

    private sealed class PostgresStore(string connectionString, string schema) : TestStore
    {
        public override async ValueTask DisposeAsync()
        {
            // Each schema has its own pool (the search path is part of the connection string): close it, or the idle
            // connections of every test add up towards max_connections.
            await using (var pooled = (NpgsqlConnection)await Database.OpenAsync())
                NpgsqlConnection.ClearPool(pooled);
            await Database.DisposeAsync();
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
