using Microsoft.Data.Sqlite;

namespace FriendshipGate.Storage;

/// <summary>
/// Copies an SQLite database's write-ahead log back into the database file off the write path. SQLite's automatic
/// checkpoint runs inside whichever commit crosses the log's size limit, and with it two fsyncs: the one writer stalls
/// for tens of milliseconds several times a second under load, and every queued write waits behind it. Here the
/// writers' connections turn the automatic checkpoint off and a passive checkpoint (which never blocks writers or
/// readers) runs on its own connection after commits, one at a time and at most every <see cref="MinimumInterval"/>.
/// </summary>
/// <remarks>
/// A passive checkpoint alone lets the log grow without end under steady writes: SQLite starts the log again from its
/// beginning only when a writer finds every frame copied, and with commits arriving during every checkpoint it never
/// does (a benchmark's log reached 585 MB, every write extending the file). So once the log is longer than
/// <see cref="RestartFrames"/>, the frames written while the last passive round ran are copied with the writers held
/// back (<paramref name="holdWriters"/> runs its argument while no write transaction is open); the next commit then
/// starts the log again at its beginning and writes over pages the file already has.
/// </remarks>
internal sealed class SqliteCheckpointer(string connectionString, Func<Action, Task> holdWriters) : IAsyncDisposable
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Log length (4 KiB pages) above which the log is made to start again: 16 MiB.</summary>
    public const long RestartFrames = 4096;

    /// <summary>
    /// A round that found at most this many frames added (8 MiB) leads to the held copy, which then has about as many to
    /// copy: a few milliseconds. Only when writers keep ahead of every round is one round's work copied held.
    /// </summary>
    public const long HeldCopyFrames = 2048;

    private const int MaxRounds = 8;

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
            // Its own thread, not the thread pool's queue: with busy pool threads a queued checkpoint waited up to 0.8 s
            // while a busy writer added 60,000 frames to the log (a checkpoint starts at most ten times a second).
            running = Task.Factory.StartNew(CheckpointAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            connection.Open();
            // A round copies the log as it was when the round began; what writers add meanwhile is left for the next.
            // Rounds follow each other until one finds few frames added during the one before; the rest, about as
            // few, is then copied with the writers held back. If writers keep ahead of the rounds, the rest of the
            // round (about one round's work) is copied held as soon as the log is several times its limit: when the
            // disk is slow a round takes long, and waiting for more rounds let the log grow by all of them. A round
            // kept from part of the log by a reader (a checkpoint copies only what every reader has seen) never
            // leads to a hold: the rest could be long.
            var (previous, _) = Passive(connection);
            for (var round = 1; previous > RestartFrames && round <= MaxRounds; round++)
            {
                var (logFrames, copiedFrames) = Passive(connection);
                if (logFrames < previous) return; // the log started again meanwhile
                var fewAdded = logFrames - previous <= HeldCopyFrames;
                var outrun = logFrames > 4 * RestartFrames;
                if ((fewAdded || outrun) && copiedFrames == logFrames)
                {
                    await holdWriters(() => Passive(connection));
                    return;
                }
                previous = logFrames;
            }
        }
        catch (SqliteException)
        {
            // A checkpoint that could not run leaves the log as it was (still durable); the next commit tries again.
        }
    }

    private static (long LogFrames, long CopiedFrames) Passive(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(1), reader.GetInt64(2));
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
