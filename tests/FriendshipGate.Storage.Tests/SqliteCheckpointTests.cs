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

    [Fact]
    public async Task Under_back_to_back_commits_the_log_starts_again_instead_of_growing_without_end()
    {
        using var directory = new TempDirectory();
        var path = directory.File("node.db");
        await using var database = NodeDatabase.Sqlite(path);
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)", transaction: tx.Transaction));

        // 320 MiB in 81,920 commits with no pause between them: every passive checkpoint finds new commits behind it,
        // so only the held copy lets the log start again. Without it the log file grew with the data, to 1.5-2.6
        // times it (each row takes about two pages of log); with it, to 50-70 MB whatever the amount (the file's
        // size is the log's longest ever), also with another process loading both cores. When the checkpoint waited
        // in the thread pool's queue it reached 270-440 MB under such load.
        const int commits = 81_920;
        const int bytes = 4096;
        long largestLog = 0;
        for (var i = 0; i < commits; i++)
        {
            await database.WriteAsync(tx => tx.Connection.ExecuteAsync("INSERT INTO blobs (id, body) VALUES (@i, randomblob(@n))", new { i, n = bytes }, tx.Transaction));
            if (i % 1024 == 0) largestLog = Math.Max(largestLog, LogBytes(path));
        }
        largestLog = Math.Max(largestLog, LogBytes(path));

        Assert.Equal(commits, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM blobs")));
        const long written = (long)commits * bytes;
        Assert.True(largestLog < written / 2, $"the log reached {largestLog:N0} bytes for {written:N0} bytes written.");
    }

    private static long LogBytes(string databasePath)
    {
        var log = new FileInfo(databasePath + "-wal");
        return log.Exists ? log.Length : 0;
    }
}
