using System.Text.Json;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// The export format: JSON Lines; line 1 a header, then one entry per line in sequence order.
/// Self-contained: the key entries in the chain carry every public key needed to check the signatures.
/// </summary>
public static class EvidenceExport
{
    public const string Format = "fgate-evidence-v1";

    public sealed record Header(string Format, string Node, DateTimeOffset ExportedAt, long Entries);

    public static async Task<long> WriteAsync(NodeDatabase database, NodeId node, TextWriter output, TimeProvider time, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var count = await database.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM exchange_evidence"), cancellationToken);
        await output.WriteLineAsync(JsonSerializer.Serialize(new Header(Format, node.Value, time.GetUtcNow(), count), WireJson.Options));
        long after = 0, written = 0;
        while (true)
        {
            var page = await EvidenceLog.ReadAsync(database, after, 5_000, cancellationToken);
            if (page.Count == 0) break;
            foreach (var entry in page) await output.WriteLineAsync(JsonSerializer.Serialize(entry, WireJson.Options));
            after = page[^1].Seq;
            written += page.Count;
            progress?.Invoke(written);
        }
        return written;
    }
}
