using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Appends to the node's hash-chained evidence log inside the caller's transaction, so an entry exists
/// exactly when the change it records does.
/// </summary>
public sealed class EvidenceLog(TimeProvider time)
{
    private static readonly string[] Columns =
        ["seq", "at_ms", "kind", "message_id", "counterpart", "reason", "detail", "content_hash", "content", "prev_hash", "entry_hash"];

    /// <returns>The sequence number of the first entry appended; the others follow it one by one (0 when there were none).</returns>
    public async Task<long> AppendAsync(NodeTransaction tx, IReadOnlyList<EvidenceItem> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0) return 0;
        if (tx.Kind == DatabaseKind.Postgres)
        {
            // Several node processes may share one database: the chain's head is read and extended under a lock.
            await tx.Connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)",
                new { key = LockKeys.For(tx.Database.Schema, "evidence") }, tx.Transaction);
        }
        var head = await tx.Connection.QueryFirstOrDefaultAsync<(long Seq, string Hash)?>(
            "SELECT seq, entry_hash FROM exchange_evidence ORDER BY seq DESC LIMIT 1", transaction: tx.Transaction);
        var (seq, prev) = head ?? (0L, "");
        var at = WireJson.Truncate(time.GetUtcNow());
        var rows = new List<object?[]>(items.Count);
        foreach (var item in items)
        {
            seq++;
            var contentHash = item.ContentHash ?? Hashes.Sha256(item.Content);
            var hash = Hashes.Sha256(EvidenceEntry.ChainText(prev, seq, at, item.Kind, item.MessageId, item.Counterpart, item.Reason, item.Detail, contentHash));
            rows.Add([seq, at.ToUnixTimeMilliseconds(), item.Kind, item.MessageId, item.Counterpart, item.Reason, item.Detail, contentHash, item.Content, prev, hash]);
            prev = hash;
        }
        await tx.InsertRowsAsync("exchange_evidence", Columns, rows, cancellationToken: cancellationToken);
        return (long)rows[0][0]!;
    }

    public Task<long> AppendAsync(NodeTransaction tx, EvidenceItem item, CancellationToken cancellationToken = default) =>
        AppendAsync(tx, [item], cancellationToken);

    /// <summary>The content of one entry, e.g. a message's JWS or a receipt's leaves.</summary>
    public static Task<string> ContentAsync(System.Data.Common.DbConnection connection, long seq, System.Data.Common.DbTransaction? transaction = null) =>
        connection.QuerySingleAsync<string>("SELECT content FROM exchange_evidence WHERE seq = @seq", new { seq }, transaction);

    /// <summary>Reads entries in order, from <paramref name="afterSeq"/> on, for export.</summary>
    public static async Task<IReadOnlyList<EvidenceEntry>> ReadAsync(NodeDatabase database, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(async connection =>
        {
            var rows = await connection.QueryAsync<EvidenceRow>(
                "SELECT seq, at_ms, kind, message_id, counterpart, reason, detail, content_hash, content, prev_hash, entry_hash " +
                "FROM exchange_evidence WHERE seq > @afterSeq ORDER BY seq LIMIT @limit", new { afterSeq, limit });
            return rows.Select(r => r.ToEntry()).ToList();
        }, cancellationToken);

    private sealed record EvidenceRow(long seq, long at_ms, string kind, string? message_id, string? counterpart, string? reason,
        string? detail, string content_hash, string content, string prev_hash, string entry_hash)
    {
        public EvidenceEntry ToEntry() => new(seq, DateTimeOffset.FromUnixTimeMilliseconds(at_ms), kind, message_id, counterpart,
            reason, detail, content_hash, content, prev_hash, entry_hash);
    }
}
