using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Running counts of settled outgoing messages (acknowledged, rejected) and of received ones, kept in the transactions
/// that settle or store them, so the status is read in constant time however long the node has run.
/// </summary>
internal static class ExchangeCounters
{
    public const string Acknowledged = DeliveryState.Acknowledged, Rejected = DeliveryState.Rejected, Received = "received";

    public static Task AddAsync(NodeTransaction tx, string name, long count) => count == 0 ? Task.CompletedTask :
        tx.Connection.ExecuteAsync("UPDATE exchange_counters SET value = value + @count WHERE name = @name", new { name, count }, tx.Transaction);

    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(System.Data.Common.DbConnection connection) =>
        (await connection.QueryAsync<(string Name, long Value)>("SELECT name, value FROM exchange_counters")).ToDictionary(r => r.Name, r => r.Value);
}
