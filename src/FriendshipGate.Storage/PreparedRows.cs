namespace FriendshipGate.Storage;

/// <summary>
/// Runs one single-row statement once per row, reusing the prepared statement and its parameters
/// (<c>@p0</c>, <c>@p1</c>, ... bound from each row's values in order). SQLite's fast path for many rows.
/// </summary>
internal static class PreparedRows
{
    public static string Parameter(int index) => "@p" + index;

    public static async Task<int> ExecuteAsync(NodeTransaction tx, string sql, int width, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        await using var command = tx.Connection.CreateCommand();
        command.Transaction = tx.Transaction;
        command.CommandText = sql;
        var parameters = Enumerable.Range(0, width).Select(i =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Parameter(i);
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var affected = 0;
        foreach (var row in rows)
        {
            if (row.Length != width) throw new ArgumentException($"a row has {row.Length} values for {width} parameters.");
            for (var c = 0; c < width; c++) parameters[c].Value = row[c] ?? DBNull.Value;
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return affected;
    }
}
