using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FriendshipGate.Storage;

/// <summary>Which SQL engine holds a node's data.</summary>
public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// A node's database: SQLite (embedded, WAL) by default, PostgreSQL in production.
/// Every write runs through <see cref="WriteAsync{T}"/> so that a business change, its outgoing message
/// and its evidence entry commit together.
/// </summary>
public sealed class NodeDatabase : IAsyncDisposable
{
    private readonly string connectionString;
    // SQLite allows one writer; queueing writers in-process is cheaper than letting them spin on SQLITE_BUSY.
    private readonly SemaphoreSlim sqliteWriter = new(1, 1);

    private readonly string sqlitePragmas;
    private readonly SqliteCheckpointer? checkpointer;

    private NodeDatabase(DatabaseKind kind, string connectionString, string schema, string sqliteSynchronous = "NORMAL")
    {
        // A 64 MiB page cache and memory-mapped reads keep the hot indexes out of read() system calls; commits never
        // checkpoint the log themselves (SqliteCheckpointer does, off the write path).
        sqlitePragmas = $"PRAGMA synchronous={sqliteSynchronous}; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;";
        Kind = kind;
        this.connectionString = connectionString;
        Schema = schema;
        if (kind == DatabaseKind.Sqlite) checkpointer = new SqliteCheckpointer(connectionString, HoldWritersAsync);
    }

    public DatabaseKind Kind { get; }

    /// <summary>PostgreSQL schema holding this node's tables (one node per schema); "main" for SQLite.</summary>
    public string Schema { get; }

    /// <summary>Opens (and creates if needed) an SQLite database file in WAL mode.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="synchronousFull">FULL fsyncs every commit (survives power loss); NORMAL survives a killed process.</param>
    public static NodeDatabase Sqlite(string path, bool synchronousFull = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 };
        var db = new NodeDatabase(DatabaseKind.Sqlite, builder.ConnectionString, "main", synchronousFull ? "FULL" : "NORMAL");
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        return db;
    }

    /// <summary>Uses a PostgreSQL database; the node's tables live in <paramref name="schema"/>.</summary>
    public static NodeDatabase Postgres(string connectionString, string schema)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$"))
            throw new ArgumentException($"PostgreSQL schema '{schema}' must be lower-case letters, digits and underscores.", nameof(schema));
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        return new NodeDatabase(DatabaseKind.Postgres, builder.ConnectionString, schema);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite
            ? new SqliteConnection(connectionString)
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (Kind == DatabaseKind.Sqlite && connection is SqliteConnection { Handle: { } handle }
            && !(ConfiguredHandles.TryGetValue(handle, out var applied) && applied == sqlitePragmas))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sqlitePragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            ConfiguredHandles.AddOrUpdate(handle, sqlitePragmas);
        }
        return connection;
    }

    // These settings belong to the SQLite connection, and a pooled connection keeps them: they are run once per physical
    // connection (as Microsoft.Data.Sqlite runs its own "Foreign Keys" setting), not at every open. Six statements at
    // every open cost about 30 µs, and a write transaction or query opens a connection each time. The text applied is
    // remembered, so a connection that another NodeDatabase of the same file configured otherwise is set again. Code that
    // changes one of these settings on a connection must set it back before closing the connection.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> ConfiguredHandles = [];

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    public async Task<T> WriteAsync<T>(Func<NodeTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Kind == DatabaseKind.Sqlite) await sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(
                Kind == DatabaseKind.Postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, cancellationToken);
            var nodeTransaction = new NodeTransaction(this, connection, transaction);
            var result = await work(nodeTransaction);
            foreach (var committing in nodeTransaction.BeforeCommit) await committing();
            await transaction.CommitAsync(cancellationToken);
            checkpointer?.Committed();
            foreach (var action in nodeTransaction.AfterCommit) action();
            return result;
        }
        finally
        {
            if (Kind == DatabaseKind.Sqlite) sqliteWriter.Release();
        }
    }

    private async Task HoldWritersAsync(Action work)
    {
        await sqliteWriter.WaitAsync();
        try { work(); }
        finally { sqliteWriter.Release(); }
    }

    public Task WriteAsync(Func<NodeTransaction, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync<bool>(async tx => { await work(tx); return true; }, cancellationToken);

    /// <summary>Runs a read-only query on its own connection.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await query(connection);
    }

    /// <summary>Applies each module's migrations that this database has not seen yet, in order.</summary>
    public Task MigrateAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken = default) =>
        Migrator.MigrateAsync(this, migrations, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (checkpointer is not null) await checkpointer.DisposeAsync();
        if (Kind == DatabaseKind.Sqlite) SqliteConnection.ClearAllPools();
        sqliteWriter.Dispose();
    }
}
