using System.Globalization;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Hydrology;

/// <summary>
/// Records this side's observations and shares each with the peer in the same transaction; stores the peer's.
/// </summary>
public sealed class ObservationLedger(NodeDatabase database, ExchangeOutbox outbox, ExchangeOptions options, TimeProvider time)
{
    public const string MessageType = "hydrology.observation";
    public const int SchemaVersion = 1;

    private static readonly string[] Columns =
        ["station", "river", "origin", "observed_ms", "water_level_m", "discharge_m3s", "rainfall_mm", "message_id", "recorded_ms"];

    /// <summary>Stores and shares observations; returns the message id of each, or the keys of those already recorded.</summary>
    public async Task<(IReadOnlyList<MessageId> MessageIds, IReadOnlyList<int> AlreadyRecorded)> RecordAsync(
        IReadOnlyList<Observation> observations, CancellationToken cancellationToken = default) =>
        await database.WriteAsync(async tx =>
        {
            var existing = await ExistingAsync(tx, observations);
            var clashes = observations.Select((o, i) => (o, i)).Where(x => existing.Contains((x.o.Station.Value, x.o.ObservedAt.ToUnixTimeMilliseconds())))
                .Select(x => x.i).ToList();
            if (clashes.Count > 0) return ((IReadOnlyList<MessageId>)[], (IReadOnlyList<int>)clashes);
            var ids = await outbox.EnqueueAsync(tx, observations.Select(o =>
                new OutgoingMessage(MessageType, SchemaVersion, $"station/{o.Station}/{o.ObservedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}", o)).ToList(), cancellationToken);
            await InsertAsync(tx, observations, options.Self.Side, ids, cancellationToken);
            return (ids, (IReadOnlyList<int>)[]);
        }, cancellationToken);

    internal async Task InsertAsync(NodeTransaction tx, IReadOnlyList<Observation> observations, string origin, IReadOnlyList<MessageId> messageIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await tx.InsertRowsAsync("hydrology_observations", Columns, observations.Select((o, i) => new object?[]
        {
            o.Station.Value, o.River, origin, o.ObservedAt.ToUnixTimeMilliseconds(), o.WaterLevelM, o.DischargeM3s, o.RainfallMm, messageIds[i].ToString(), now,
        }).ToList(), "ON CONFLICT (station, observed_ms) DO NOTHING", cancellationToken);
    }

    private static async Task<HashSet<(string, long)>> ExistingAsync(NodeTransaction tx, IReadOnlyList<Observation> observations)
    {
        var stations = observations.Select(o => o.Station.Value).Distinct().ToList();
        var from = observations.Min(o => o.ObservedAt.ToUnixTimeMilliseconds());
        var to = observations.Max(o => o.ObservedAt.ToUnixTimeMilliseconds());
        var rows = await tx.Connection.QueryAsync<(string, long)>(
            "SELECT station, observed_ms FROM hydrology_observations WHERE " + SqlLists.In(tx.Kind, "station", "@stations") +
            " AND observed_ms >= @from AND observed_ms <= @to",
            new { stations = SqlLists.Values(tx.Kind, stations), from, to }, tx.Transaction);
        return rows.ToHashSet();
    }

    public async Task<IReadOnlyList<StoredObservation>> ListAsync(string? station, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>(
            "SELECT station, river, origin, observed_ms, water_level_m, discharge_m3s, rainfall_mm, message_id, recorded_ms FROM hydrology_observations " +
            "WHERE (@station IS NULL OR station = @station) AND observed_ms >= @from AND observed_ms <= @to ORDER BY observed_ms DESC, station LIMIT @limit",
            new { station, from = from?.ToUnixTimeMilliseconds() ?? long.MinValue, to = to?.ToUnixTimeMilliseconds() ?? long.MaxValue, limit }), cancellationToken))
        .Select(r => r.ToStored()).ToList();

    private sealed record Row(string station, string river, string origin, long observed_ms, double? water_level_m, double? discharge_m3s,
        double? rainfall_mm, string message_id, long recorded_ms)
    {
        public StoredObservation ToStored() => new(station, river, origin, DateTimeOffset.FromUnixTimeMilliseconds(observed_ms),
            water_level_m, discharge_m3s, rainfall_mm, message_id, DateTimeOffset.FromUnixTimeMilliseconds(recorded_ms));
    }
}
