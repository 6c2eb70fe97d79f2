using System.Data.Common;
using FriendshipGate.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FriendshipGate.Payments.Ledger;

/// <summary>A column the ledger writer fills, with its PostgreSQL type (text or bigint: the ledger writes nothing else).</summary>
internal readonly record struct LedgerColumn(string Name, string Type)
{
    public static LedgerColumn Text(string name) => new(name, "text");

    public static LedgerColumn Bigint(string name) => new(name, "bigint");
}

/// <summary>
/// Many-row inserts and updates for the ledger writer, one statement per table and batch on either engine.
/// PostgreSQL: one array parameter per column, unnested by the server (<c>INSERT ... SELECT * FROM unnest(...)</c>), so a batch
/// of 500 payments is 22 parameters to bind, not 11,000. SQLite: one statement prepared per batch and stepped per row with its
/// values bound by position through the native API; ADO.NET re-binds every parameter by name on each execution, and at a few
/// thousand rows per batch that binding was the larger part of the writer's time (docs/payments/ledger.md, "Benchmark").
/// </summary>
internal static class LedgerWrites
{
    public static async Task InsertAsync(NodeTransaction tx, string table, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (tx.Kind == DatabaseKind.Sqlite)
            Step(tx, $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})", rows);
        else
            await ExecuteArraysAsync(tx, $"INSERT INTO {table} ({names}) SELECT * FROM unnest({Arrays(columns)})", columns, rows, cancellationToken);
    }

    /// <summary>Updates rows by their key: the first column, matched; the others, set.</summary>
    public static async Task UpdateAsync(NodeTransaction tx, string table, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var key = columns[0].Name;
        if (tx.Kind == DatabaseKind.Sqlite)
            Step(tx, $"UPDATE {table} SET {string.Join(", ", columns.Skip(1).Select((c, i) => $"{c.Name} = ?{i + 2}"))} WHERE {key} = ?1", rows);
        else
            await ExecuteArraysAsync(tx,
                $"UPDATE {table} SET {string.Join(", ", columns.Skip(1).Select(c => $"{c.Name} = v.{c.Name}"))} " +
                $"FROM unnest({Arrays(columns)}) AS v({string.Join(", ", columns.Select(c => c.Name))}) WHERE {table}.{key} = v.{key}",
                columns, rows, cancellationToken);
    }

    private static string Arrays(IReadOnlyList<LedgerColumn> columns) => string.Join(", ", columns.Select((c, i) => $"@a{i}::{c.Type}[]"));

    private static async Task ExecuteArraysAsync(NodeTransaction tx, string sql, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection.CreateCommand();
        command.Transaction = tx.Transaction;
        command.CommandText = sql;
        for (var c = 0; c < columns.Count; c++)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = "@a" + c;
            parameter.Value = columns[c].Type == "bigint"
                ? rows.Select(row => (long?)row[c]).ToArray()
                : rows.Select(row => (string?)row[c]).ToArray();
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
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
