using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Storage.Tests;

public sealed class SqliteCheckpointTests
{
    private const int Rows = 400;
    private const int RowBytes = 16 * 1024;

    [Fact]
    public async Task Commits_leave_the_log_to_the_background_checkpoint_which_copies_it_into_the_database()
    {
        using var directory = new TempDirectory();
        var path = directory.File("node.db");
        await using (var database = NodeDatabase.Sqlite(path))
        {
            await database.WriteAsync(tx => tx.Connection.ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)", transaction: tx.Transaction));
            // 6.4 MB in 400 commits: far past the 1,000-page log that would make a commit checkpoint by itself.
            for (var i = 0; i < Rows; i++)
                await database.WriteAsync(tx => tx.Connection.ExecuteAsync("INSERT INTO blobs (id, body) VALUES (@i, randomblob(@n))", new { i, n = RowBytes }, tx.Transaction));
            Assert.Equal(0, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint")));

            // The checkpointer runs after commits, one at a time: keep committing small changes until it has copied the log.
            var copied = false;
            for (var attempt = 0; attempt < 600 && !copied; attempt++)
            {
                await database.WriteAsync(tx => tx.Connection.ExecuteAsync("UPDATE blobs SET id = id WHERE id = 0", transaction: tx.Transaction));
                copied = new FileInfo(path).Length >= (long)Rows * RowBytes;
                if (!copied) await Task.Delay(10);
            }
            Assert.True(copied, $"the database file holds {new FileInfo(path).Length:N0} bytes; the log was never copied back.");
            Assert.Equal(Rows, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM blobs")));
        }

        // Everything committed is there when the file is opened again.
        await using var reopened = NodeDatabase.Sqlite(path);
        Assert.Equal(Rows, await reopened.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM blobs")));
    }
}
