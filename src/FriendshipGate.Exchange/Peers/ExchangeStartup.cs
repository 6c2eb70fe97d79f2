using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Brings a node's keys in line before it serves: its own PEM keys and the peer keys named in its configuration
/// are registered (once, with an evidence entry each); then the ring learns which keys sign.
/// </summary>
public sealed class ExchangeStartup(ExchangeOptions options, NodeDatabase database, KeyRegistry registry, SigningKeyRing ring)
{
    public async Task RunAsync(IEnumerable<VerificationKey> configuredPeerKeys, CancellationToken cancellationToken = default)
    {
        await registry.LoadAsync(cancellationToken);
        await database.WriteAsync(async tx =>
        {
            // Only on first start: later keys come from a rotation, which registers and announces them together.
            // A PEM file left by a rotation that crashed before its commit is never used.
            if (!registry.Snapshot.Values.Any(k => k.Owner == KeyOwner.Own))
                foreach (var key in ring.All.OrderBy(k => k.KeyId))
                    await registry.AddAsync(tx, options.Self, KeyOwner.Own, key.PublicKey, cancellationToken);
            foreach (var key in configuredPeerKeys.Where(k => registry.Lookup(k.KeyId) is null))
                await registry.AddAsync(tx, options.Peer, KeyOwner.Peer, key, cancellationToken);
        }, cancellationToken);
        ring.Use(registry.Snapshot.Values.Where(k => k.Owner == KeyOwner.Own));
    }
}
