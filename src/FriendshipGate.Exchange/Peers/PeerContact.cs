using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>When the peer last answered, and the last error talking to it (shown by the status endpoint).</summary>
public sealed class PeerContact(ExchangeOptions options, NodeDatabase database, TimeProvider time)
{
    private const string Upsert =
        "INSERT INTO exchange_peer_contact (peer, last_contact_ms, last_error, last_error_ms) VALUES (@peer, @contact, @error, @errorMs) " +
        "ON CONFLICT (peer) DO UPDATE SET ";

    public Task RecordSuccessAsync(NodeTransaction tx, DateTimeOffset at, CancellationToken cancellationToken) =>
        tx.Connection.ExecuteAsync(Upsert + "last_contact_ms = excluded.last_contact_ms",
            new { peer = options.Peer.Value, contact = (long?)at.ToUnixTimeMilliseconds(), error = (string?)null, errorMs = (long?)null }, tx.Transaction);

    public Task RecordErrorAsync(string error, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => tx.Connection.ExecuteAsync(Upsert + "last_error = excluded.last_error, last_error_ms = excluded.last_error_ms",
            new { peer = options.Peer.Value, contact = (long?)null, error = error.Length > 1000 ? error[..1000] : error, errorMs = (long?)time.GetUtcNow().ToUnixTimeMilliseconds() },
            tx.Transaction), cancellationToken);
}
