using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// Numbers declarations per side, as each administration does: Viet Nam 12 digits (type digit 1 import, 3 export, 5 transit;
/// 2-digit year; 9-digit serial), China 18 digits (4-digit customs office, year, 0 export / 1 import / 2 transit, 9-digit serial).
/// </summary>
public static class DeclarationNumbers
{
    public static async Task<string> NextAsync(NodeTransaction tx, string side, string type, string customsOffice, DateTimeOffset now)
    {
        var serial = await tx.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO clearance_counters (side, year, type, last) VALUES (@side, @year, @type, 1) " +
            "ON CONFLICT (side, year, type) DO UPDATE SET last = clearance_counters.last + 1 RETURNING last",
            new { side, year = (long)now.Year, type }, tx.Transaction);
        return Format(side, type, customsOffice, now.Year, serial);
    }

    public static string Format(string side, string type, string customsOffice, int year, long serial) => side == "VN"
        ? $"{(type == DeclarationType.Import ? 1 : type == DeclarationType.Export ? 3 : 5)}{year % 100:00}{serial:000000000}"
        : $"{customsOffice}{year:0000}{(type == DeclarationType.Export ? 0 : type == DeclarationType.Import ? 1 : 2)}{serial:000000000}";
}
