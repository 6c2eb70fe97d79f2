using System.Data.Common;
using System.Text;

namespace FriendshipGate.Storage;

/// <summary>
/// Inserts many rows fast on either engine. PostgreSQL: multi-row INSERT, one round trip per chunk. SQLite: one
/// prepared single-row statement run per row (SQLite looks named parameters up linearly, so a multi-row statement
/// with hundreds of parameters is quadratic; a re-executed prepared statement is not).
/// </summary>
public static class RowInserts
{
    // SQLite allows 32,766 parameters per statement, PostgreSQL 65,535.
    private const int MaxParameters = 30_000;

    /// <param name="suffix">Appended to each statement, e.g. "ON CONFLICT (id) DO NOTHING".</param>
    /// <returns>The number of rows inserted.</returns>
    public static async Task<int> InsertRowsAsync(
        this NodeTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows,
        string suffix = "", CancellationToken cancellationToken = default)
    {
        if (tx.Kind == DatabaseKind.Sqlite) return await InsertPreparedAsync(tx, table, columns, rows, suffix, cancellationToken);
        var inserted = 0;
        var perChunk = Math.Max(1, MaxParameters / columns.Count);
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var count = Math.Min(perChunk, rows.Count - start);
            await using var command = tx.Connection.CreateCommand();
            command.Transaction = tx.Transaction;
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                if (row.Length != columns.Count) throw new ArgumentException($"row {start + r} has {row.Length} values for {columns.Count} columns.");
                for (var c = 0; c < row.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    AddParameter(command, name, row[c]);
                }
                sql.Append(')');
            }
            sql.Append(' ').Append(suffix);
            command.CommandText = sql.ToString();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return inserted;
    }

    private static Task<int> InsertPreparedAsync(
        NodeTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string suffix, CancellationToken cancellationToken) =>
        PreparedRows.ExecuteAsync(tx,
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => PreparedRows.Parameter(c)))}) {suffix}",
            columns.Count, rows, cancellationToken);

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // An untyped NULL: PostgreSQL takes the column's type.
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
