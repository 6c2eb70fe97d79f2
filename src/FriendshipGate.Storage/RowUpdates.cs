using System.Text;

namespace FriendshipGate.Storage;

/// <summary>
/// Updates many rows by key. PostgreSQL: one statement per chunk, <c>UPDATE t SET ... FROM (VALUES ...) AS v WHERE
/// t.key = v.column1</c>. SQLite: one prepared single-row UPDATE run per row (see <see cref="RowInserts"/> for why).
/// </summary>
public static class RowUpdates
{
    private const int MaxParameters = 30_000;

    /// <param name="keyColumn">Matched against the first value of each row.</param>
    /// <param name="setColumns">Set from the following values, in order.</param>
    /// <param name="postgresTypes">PostgreSQL type of each value (key first) for the VALUES list, e.g. "bigint", "text".</param>
    /// <param name="onlyWhere">A condition on the table's own columns (unqualified) that a row must also meet to be updated.</param>
    /// <returns>How many rows were updated.</returns>
    public static async Task<int> UpdateRowsAsync(
        this NodeTransaction tx, string table, string keyColumn, IReadOnlyList<string> setColumns, IReadOnlyList<string> postgresTypes,
        IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default, string? onlyWhere = null)
    {
        if (rows.Count == 0) return 0;
        if (tx.Kind == DatabaseKind.Sqlite) return await UpdatePreparedAsync(tx, table, keyColumn, setColumns, rows, onlyWhere, cancellationToken);
        var width = setColumns.Count + 1;
        var perChunk = Math.Max(1, MaxParameters / width);
        var updated = 0;
        for (var start = 0; start < rows.Count; start += perChunk)
        {
            var count = Math.Min(perChunk, rows.Count - start);
            await using var command = tx.Connection.CreateCommand();
            command.Transaction = tx.Transaction;
            var sql = new StringBuilder($"UPDATE {table} SET ");
            sql.AppendJoin(", ", setColumns.Select((c, i) => $"{c} = v.column{i + 2}"));
            sql.Append(" FROM (VALUES ");
            for (var r = 0; r < count; r++)
            {
                if (r > 0) sql.Append(", ");
                sql.Append('(');
                for (var c = 0; c < width; c++)
                {
                    var name = $"@u{r}_{c}";
                    // PostgreSQL cannot infer a VALUES column's type from a NULL parameter: cast the first row.
                    sql.Append(c == 0 ? "" : ", ").Append(r == 0 && tx.Kind == DatabaseKind.Postgres ? $"CAST({name} AS {postgresTypes[c]})" : name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = rows[start + r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                sql.Append(')');
            }
            sql.Append($") AS v WHERE {table}.{keyColumn} = v.column1");
            // The VALUES list has only columnN names, so the table's own columns are unambiguous unqualified.
            if (onlyWhere is not null) sql.Append($" AND ({onlyWhere})");
            command.CommandText = sql.ToString();
            updated += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return updated;
    }

    private static Task<int> UpdatePreparedAsync(
        NodeTransaction tx, string table, string keyColumn, IReadOnlyList<string> setColumns, IReadOnlyList<object?[]> rows, string? onlyWhere,
        CancellationToken cancellationToken) =>
        PreparedRows.ExecuteAsync(tx,
            $"UPDATE {table} SET {string.Join(", ", setColumns.Select((c, i) => $"{c} = {PreparedRows.Parameter(i + 1)}"))} WHERE {keyColumn} = {PreparedRows.Parameter(0)}"
                + (onlyWhere is null ? "" : $" AND ({onlyWhere})"),
            setColumns.Count + 1, rows, cancellationToken);
}
