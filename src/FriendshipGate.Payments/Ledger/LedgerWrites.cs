using FriendshipGate.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// Many-row inserts and updates for the ledger writer. PostgreSQL: <see cref="RowInserts"/> and <see cref="RowUpdates"/>
/// (one multi-row statement per chunk). SQLite: one statement prepared once per batch and stepped per row with its values bound
/// by position through the native API. ADO.NET re-binds every parameter by name on each execution, and at a few thousand rows
/// per batch that binding was the larger part of the writer's time (docs/payments/ledger.md, "Benchmark").
/// </summary>
internal static class LedgerWrites
{
    public static Task InsertAsync(NodeTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        if (tx.Kind == DatabaseKind.Postgres) return tx.InsertRowsAsync(table, columns, rows, cancellationToken: cancellationToken);
        Step(tx, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})", rows);
        return Task.CompletedTask;
    }

    /// <param name="postgresTypes">PostgreSQL type of each value, key first (see <see cref="RowUpdates"/>).</param>
    public static Task UpdateAsync(NodeTransaction tx, string table, string key, IReadOnlyList<string> columns, IReadOnlyList<string> postgresTypes,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        if (tx.Kind == DatabaseKind.Postgres) return tx.UpdateRowsAsync(table, key, columns, postgresTypes, rows, cancellationToken);
        Step(tx, $"UPDATE {table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = ?{i + 2}"))} WHERE {key} = ?1", rows);
        return Task.CompletedTask;
    }

    private static void Step(NodeTransaction tx, string sql, IReadOnlyList<object?[]> rows)
    {
        var db = ((SqliteConnection)tx.Connection).Handle ?? throw new InvalidOperationException("the SQLite connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    Check(db, row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                        string text => raw.sqlite3_bind_text(statement, i + 1, text),
                        var other => throw new ArgumentException($"the ledger writes integers and text, not {other.GetType().Name}."),
                    });
                }
                var stepped = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (stepped != raw.SQLITE_DONE) Check(db, stepped);
            }
        }
    }

    private static void Check(sqlite3 db, int code)
    {
        if (code is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            throw new SqliteException($"SQLite Error {code}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", code, raw.sqlite3_extended_errcode(db));
    }
}
