using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>One item of the other side's export as this side sees it: its own candidate codes, or none when unmapped.</summary>
public sealed record AdvanceItem(int Number, string OriginCode, string Status, string? MappingType, IReadOnlyList<NationalCode> Candidates);

/// <summary>The other side's export declaration, received once as advance data for this side's import declaration.</summary>
public sealed record AdvanceData(
    string OriginNumber, string OriginSide, int Version, DeclarationContent Content, IReadOnlyList<AdvanceItem> Items, string ImporterCompany,
    DateTimeOffset ReceivedAt, string? ImportNumber);

/// <summary>Keeps the advance data the other side shares; the newest version of each declaration wins.</summary>
public sealed class AdvanceDataStore(NodeDatabase database, GoodsCrosswalk crosswalk, TimeProvider time)
{
    internal async Task StoreAsync(NodeTransaction tx, SharedDeclaration shared, MessageId messageId, CancellationToken cancellationToken)
    {
        var items = shared.Content.Items.Select(i =>
        {
            var lookup = crosswalk.Lookup(i.CommodityCode);
            return new AdvanceItem(i.Number, i.CommodityCode, lookup.Status, lookup.MappingType, lookup.Candidates);
        }).ToList();
        var args = new
        {
            number = shared.Number, side = shared.Side, version = (long)shared.Version, content = JsonSerializer.Serialize(shared.Content, WireJson.Options),
            candidates = JsonSerializer.Serialize(items, WireJson.Options), importer = shared.Content.Importer.Id, message = messageId.ToString(),
            now = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        // An older version arriving late (it cannot, messages are in order, but a re-sent one might) never overwrites a newer one.
        await tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_advance_data (origin_number, origin_side, version, content, candidates, importer_company, message_id, received_ms) " +
            "VALUES (@number, @side, @version, @content, @candidates, @importer, @message, @now) ON CONFLICT (origin_number) DO UPDATE SET " +
            "version = excluded.version, content = excluded.content, candidates = excluded.candidates, importer_company = excluded.importer_company, " +
            "message_id = excluded.message_id, received_ms = excluded.received_ms WHERE clearance_advance_data.version < excluded.version", args, tx.Transaction);
    }

    public Task<AdvanceData?> FindAsync(string originNumber, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => (await c.QueryAsync<Row>(SelectSql + "WHERE origin_number = @originNumber", new { originNumber })).Select(r => r.ToData()).SingleOrDefault());

    internal static async Task<AdvanceData?> FindAsync(NodeTransaction tx, string originNumber) =>
        (await tx.Connection.QueryAsync<Row>(SelectSql + "WHERE origin_number = @originNumber", new { originNumber }, tx.Transaction)).Select(r => r.ToData()).SingleOrDefault();

    public async Task<IReadOnlyList<AdvanceData>> ListAsync(string? importerCompany, bool pendingOnly, int limit, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(async c => (IReadOnlyList<AdvanceData>)(await c.QueryAsync<Row>(SelectSql +
            "WHERE (@importer IS NULL OR importer_company = @importer) AND (@pending = 0 OR import_number IS NULL) ORDER BY received_ms DESC LIMIT @limit",
            new { importer = importerCompany, pending = pendingOnly ? 1L : 0L, limit })).Select(r => r.ToData()).ToList());

    internal static Task LinkAsync(NodeTransaction tx, string originNumber, string importNumber) =>
        tx.Connection.ExecuteAsync("UPDATE clearance_advance_data SET import_number = @importNumber WHERE origin_number = @originNumber",
            new { originNumber, importNumber }, tx.Transaction);

    private const string SelectSql =
        "SELECT origin_number, origin_side, version, content, candidates, importer_company, received_ms, import_number FROM clearance_advance_data ";

    private sealed record Row(string origin_number, string origin_side, long version, string content, string candidates, string importer_company,
        long received_ms, string? import_number)
    {
        public AdvanceData ToData() => new(origin_number, origin_side, (int)version, JsonSerializer.Deserialize<DeclarationContent>(content, WireJson.Options)!,
            JsonSerializer.Deserialize<List<AdvanceItem>>(candidates, WireJson.Options)!, importer_company, DateTimeOffset.FromUnixTimeMilliseconds(received_ms), import_number);
    }
}
