using System.Collections.Immutable;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Every public key this node knows (its own and its peer's), with their states, as stored in exchange_keys.
/// Reads are lock-free snapshots; changes are written in the caller's transaction and published after commit.
/// </summary>
public sealed class KeyRegistry(NodeDatabase database, EvidenceLog evidence, TimeProvider time)
{
    private ImmutableDictionary<string, KnownKey> keys = ImmutableDictionary<string, KnownKey>.Empty;
    // Changes made inside a transaction not yet committed, visible to later messages of the same inbox batch.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<NodeTransaction, Dictionary<string, KnownKey>> uncommitted = [];

    /// <summary>The key as this transaction sees it: its own uncommitted changes first, then the committed state.</summary>
    public KnownKey? Lookup(string kid, NodeTransaction? tx = null) =>
        tx is not null && uncommitted.TryGetValue(tx, out var pending) && pending.TryGetValue(kid, out var changed)
            ? changed
            : keys.GetValueOrDefault(kid);

    private void Publish(NodeTransaction tx, KnownKey known)
    {
        uncommitted.GetOrCreateValue(tx)[known.KeyId] = known;
        tx.OnCommitted(() => ImmutableInterlocked.Update(ref keys, k => k.SetItem(known.KeyId, known)));
    }

    public ImmutableDictionary<string, KnownKey> Snapshot => keys;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(c => c.QueryAsync<KeyRow>(
            "SELECT kid, node_id, owner, algorithm, spki, state, added_ms FROM exchange_keys"), cancellationToken);
        keys = rows.ToImmutableDictionary(r => r.kid, r => r.ToKnownKey());
    }

    /// <summary>Adds a key unless known; records it in evidence. Returns false when it was already known.</summary>
    public async Task<bool> AddAsync(NodeTransaction tx, NodeId nodeId, string owner, VerificationKey key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var inserted = await tx.Connection.ExecuteAsync(
            "INSERT INTO exchange_keys (kid, node_id, owner, algorithm, spki, state, added_ms) " +
            "VALUES (@kid, @node, @owner, @alg, @spki, @state, @now) ON CONFLICT (kid) DO NOTHING",
            new { kid = key.KeyId, node = nodeId.Value, owner, alg = key.Algorithm, spki = key.SubjectPublicKeyInfoBase64Url, state = KeyState.Active, now = now.ToUnixTimeMilliseconds() },
            tx.Transaction);
        if (inserted == 0) return false;
        await evidence.AppendAsync(tx, new EvidenceItem(owner == KeyOwner.Own ? EvidenceKind.OwnKey : EvidenceKind.PeerKey,
            KeyContent(key), Counterpart: nodeId.Value, Detail: KeyState.Active), cancellationToken);
        Publish(tx, new KnownKey(nodeId, owner, key, KeyState.Active, now));
        return true;
    }

    /// <summary>Marks a key retired: signatures by it are refused from now on.</summary>
    public async Task RetireAsync(NodeTransaction tx, string kid, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var row = await tx.Connection.QueryFirstOrDefaultAsync<KeyRow>(
            "SELECT kid, node_id, owner, algorithm, spki, state, added_ms FROM exchange_keys WHERE kid = @kid", new { kid }, tx.Transaction)
            ?? throw new InvalidOperationException($"key {kid} is not known.");
        if (row.state == KeyState.Retired) return;
        await tx.Connection.ExecuteAsync("UPDATE exchange_keys SET state = @state, retired_ms = @now WHERE kid = @kid",
            new { kid, state = KeyState.Retired, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
        var known = row.ToKnownKey() with { State = KeyState.Retired };
        await evidence.AppendAsync(tx, new EvidenceItem(row.owner == KeyOwner.Own ? EvidenceKind.OwnKey : EvidenceKind.PeerKey,
            KeyContent(known.Key), Counterpart: row.node_id, Detail: KeyState.Retired), cancellationToken);
        Publish(tx, known);
    }

    /// <summary>The evidence content of a key entry: JSON with its id, algorithm and SubjectPublicKeyInfo.</summary>
    public static string KeyContent(VerificationKey key) =>
        $"{{\"kid\":\"{key.KeyId}\",\"alg\":\"{key.Algorithm}\",\"spki\":\"{key.SubjectPublicKeyInfoBase64Url}\"}}";

    private sealed record KeyRow(string kid, string node_id, string owner, string algorithm, string spki, string state, long added_ms)
    {
        public KnownKey ToKnownKey() => new(NodeId.Parse(node_id), owner, VerificationKey.FromBase64Url(algorithm, spki), state,
            DateTimeOffset.FromUnixTimeMilliseconds(added_ms));
    }
}
