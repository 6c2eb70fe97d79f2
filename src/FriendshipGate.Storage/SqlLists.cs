using System.Text.Json;

namespace FriendshipGate.Storage;

/// <summary>
/// "column is one of these values" with one parameter on either engine: PostgreSQL takes an array (= ANY),
/// SQLite a JSON array (json_each). One parameter, not one per value: SQLite looks named parameters up linearly.
/// </summary>
public static class SqlLists
{
    public static string In(DatabaseKind kind, string column, string parameter) => kind == DatabaseKind.Sqlite
        ? $"{column} IN (SELECT value FROM json_each({parameter}))"
        : $"{column} = ANY({parameter})";

    public static object Values<T>(DatabaseKind kind, IEnumerable<T> values) => kind == DatabaseKind.Sqlite
        ? JsonSerializer.Serialize(values)
        : values.ToArray();
}
