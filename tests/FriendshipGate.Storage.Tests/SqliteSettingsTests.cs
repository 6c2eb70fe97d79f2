using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Storage.Tests;

/// <summary>The connection settings hold on every connection the pool hands out, however often it is reused.</summary>
public sealed class SqliteSettingsTests
{
    private static Task<(long ForeignKeys, long Synchronous, long CacheSize, long TempStore, long AutoCheckpoint)> SettingsAsync(NodeDatabase database) =>
        database.ReadAsync(async c => (await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), await c.ExecuteScalarAsync<long>("PRAGMA synchronous"),
            await c.ExecuteScalarAsync<long>("PRAGMA cache_size"), await c.ExecuteScalarAsync<long>("PRAGMA temp_store"),
            await c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint")));

    [Fact]
    public async Task A_reused_connection_keeps_its_settings()
    {
        using var directory = new TempDirectory();
        await using var database = NodeDatabase.Sqlite(directory.File("node.db"));
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync("CREATE TABLE t (id INTEGER PRIMARY KEY)", transaction: tx.Transaction));
        for (var i = 0; i < 20; i++)
        {
            await database.WriteAsync(tx => tx.Connection.ExecuteAsync("INSERT INTO t (id) VALUES (@i)", new { i }, tx.Transaction));
            // NORMAL is 1, MEMORY is 2.
            Assert.Equal((1L, 1L, -65536L, 2L, 0L), await SettingsAsync(database));
        }
    }

    [Fact]
    public async Task Two_databases_of_one_file_each_get_their_own_synchronous_setting_on_shared_pooled_connections()
    {
        using var directory = new TempDirectory();
        var path = directory.File("node.db");
        await using var normal = NodeDatabase.Sqlite(path);
        await using var full = NodeDatabase.Sqlite(path, synchronousFull: true);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(1, (await SettingsAsync(normal)).Synchronous);
            Assert.Equal(2, (await SettingsAsync(full)).Synchronous);
        }
    }
}
