using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Fleet;

/// <summary>A transport order as stored: what the API answers and what a restarted node takes up again.</summary>
public sealed record StoredTransportOrder(string Id, string Container, string FromBay, string ToBay, string State, string? Vehicle, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Transport orders in the node's database: stored before they are accepted, and each state change written as the
/// controller makes it, so that a restart loses no accepted order.
/// </summary>
public sealed class FleetOrderStore(NodeDatabase database, TimeProvider time)
{
    public Task AddAsync(TransportOrder order, CancellationToken cancellationToken = default) =>
        database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "INSERT INTO fleet_orders (id, container, from_bay, to_bay, state, vehicle, created_ms, updated_ms) VALUES (@Id, @ContainerNumber, @FromBay, @ToBay, @state, NULL, @created, @created)",
            new { order.Id, order.ContainerNumber, order.FromBay, order.ToBay, state = Name(order.State), created = order.CreatedAt.ToUnixTimeMilliseconds() }, tx.Transaction), cancellationToken);

    public Task SaveAsync(TransportOrder order) =>
        database.WriteAsync(tx => tx.Connection.ExecuteAsync("UPDATE fleet_orders SET state = @state, vehicle = @Vehicle, updated_ms = @now WHERE id = @Id",
            new { order.Id, order.Vehicle, state = Name(order.State), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx.Transaction));

    /// <summary>Orders not yet delivered, oldest first.</summary>
    public Task<IReadOnlyList<StoredTransportOrder>> OpenAsync(CancellationToken cancellationToken = default) => ListAsync("state <> 'delivered'", 100_000, cancellationToken);

    public Task<IReadOnlyList<StoredTransportOrder>> RecentAsync(int limit, CancellationToken cancellationToken = default) => ListAsync("1 = 1", limit, cancellationToken, newestFirst: true);

    private Task<IReadOnlyList<StoredTransportOrder>> ListAsync(string where, int limit, CancellationToken cancellationToken, bool newestFirst = false) =>
        database.ReadAsync<IReadOnlyList<StoredTransportOrder>>(async c => (await c.QueryAsync<(string, string, string, string, string, string?, long, long)>(
            $"SELECT id, container, from_bay, to_bay, state, vehicle, created_ms, updated_ms FROM fleet_orders WHERE {where} ORDER BY created_ms {(newestFirst ? "DESC" : "")}, id LIMIT @limit",
            new { limit })).Select(r => new StoredTransportOrder(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6,
                DateTimeOffset.FromUnixTimeMilliseconds(r.Item7), DateTimeOffset.FromUnixTimeMilliseconds(r.Item8))).ToList(), cancellationToken);

    public static string Name(TransportOrderState state) => state switch
    {
        TransportOrderState.Queued => "queued",
        TransportOrderState.Assigned => "assigned",
        TransportOrderState.PickedUp => "picked-up",
        _ => "delivered",
    };
}
