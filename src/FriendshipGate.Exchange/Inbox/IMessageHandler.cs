using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// A module's handler for one message type. The inbox calls <see cref="Validate"/> on each verified message,
/// then <see cref="ApplyAsync"/> once per run of consecutive messages of this type, in the inbox's transaction:
/// a message is applied exactly when it is stored.
/// </summary>
public interface IMessageHandler
{
    string MessageType { get; }

    /// <summary>Highest schema version this handler understands.</summary>
    int SchemaVersion { get; }

    /// <summary>Checks the payload without I/O.</summary>
    /// <exception cref="ExchangeRefusal">With <see cref="RefusalReason.InvalidPayload"/> and what is wrong.</exception>
    void Validate(Envelope envelope);

    Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken);

    /// <summary>True when each message must be applied before the next one is checked (key announcements and retirements).</summary>
    bool AppliesImmediately => false;
}
