using Microsoft.Data.Sqlite;

namespace FriendshipGate.Storage;

/// <summary>
/// Copies an SQLite database's write-ahead log back into the database file off the write path. SQLite's automatic
/// checkpoint runs inside whichever commit crosses the log's size limit, and with it two fsyncs: the one writer stalls
/// for tens of milliseconds several times a second under load, and every queued write waits behind it. Here the
/// writers' connections turn the automatic checkpoint off and a passive checkpoint (which never blocks writers or
/// readers) runs on its own connection after commits, one at a time and at most every <see cref="MinimumInterval"/>.
/// </summary>
internal sealed class SqliteCheckpointer(string connectionString) : IAsyncDisposable
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;
    private long lastStartedMs = long.MinValue / 2;
    private bool disposed;

    /// <summary>Called after each commit: starts a checkpoint unless one is running or one started very recently.</summary>
    public void Committed()
    {
        var now = Environment.TickCount64;
        lock (gate)
        {
            if (disposed || !running.IsCompleted || now - lastStartedMs < MinimumInterval.TotalMilliseconds) return;
            lastStartedMs = now;
            running = Task.Run(Checkpoint);
        }
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A checkpoint that could not run leaves the log as it was (still durable); the next commit tries again.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task last;
        lock (gate)
        {
            disposed = true;
            last = running;
        }
        await last;
    }
}
