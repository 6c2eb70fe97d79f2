using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Rotates this node's signing key without downtime: the new key is announced over the exchange, signed with the
/// current key; both are valid until the old one is retired, which is announced the same way. Messages travel in
/// order, so everything signed with the old key reaches the peer before its retirement does.
/// </summary>
public sealed class KeyRotation(ExchangeOptions options, NodeDatabase database, SigningKeyRing ring, KeyRegistry registry, ExchangeOutbox outbox)
{
    public async Task<SigningKey> RotateAsync(string? algorithm = null, CancellationToken cancellationToken = default)
    {
        var key = ring.Create(algorithm ?? ring.Active.Algorithm);
        await database.WriteAsync(async tx =>
        {
            // Enqueued (and so signed) before the new key is added to the ring: the old key vouches for the new one.
            await outbox.EnqueueAsync(tx, new OutgoingMessage(KeyMessageHandlers.Announced, 1, "key/" + key.KeyId,
                new KeyAnnouncement(key.KeyId, key.Algorithm, key.PublicKey.SubjectPublicKeyInfoBase64Url)), cancellationToken);
            await registry.AddAsync(tx, options.Self, KeyOwner.Own, key.PublicKey, cancellationToken);
            tx.OnCommitted(UseRegistry);
        }, cancellationToken);
        return key;
    }

    /// <exception cref="InvalidOperationException">The key is unknown, not ours, or the only one left.</exception>
    public async Task RetireAsync(string kid, CancellationToken cancellationToken = default)
    {
        var known = registry.Lookup(kid);
        if (known is null || known.Owner != KeyOwner.Own) throw new InvalidOperationException($"{kid} is not one of this node's keys.");
        if (known.IsRetired) return;
        if (ring.Active.KeyId == kid) throw new InvalidOperationException($"{kid} is the key that signs now: rotate to a new key first.");
        await database.WriteAsync(async tx =>
        {
            await outbox.EnqueueAsync(tx, new OutgoingMessage(KeyMessageHandlers.Retired, 1, "key/" + kid, new KeyRetirement(kid)), cancellationToken);
            await registry.RetireAsync(tx, kid, cancellationToken);
            tx.OnCommitted(UseRegistry);
        }, cancellationToken);
    }

    private void UseRegistry() => ring.Use(registry.Snapshot.Values.Where(k => k.Owner == KeyOwner.Own));
}
