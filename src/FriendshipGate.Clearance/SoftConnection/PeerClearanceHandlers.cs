using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>Stores the other side's export declarations as advance data, once each (the inbox applies a message exactly once).</summary>
public sealed class SharedDeclarationHandler(AdvanceDataStore store) : PeerMessageHandler<SharedDeclaration>(ClearanceMessages.DeclarationShared)
{
    protected override Task ApplyAsync(NodeTransaction tx, SharedDeclaration shared, Envelope envelope, CancellationToken cancellationToken) =>
        store.StoreAsync(tx, shared, envelope.Id, cancellationToken);

    protected override SharedDeclaration Read(Envelope envelope)
    {
        var shared = PeerPayload.Read<SharedDeclaration>(envelope);
        if (shared.Number is null || shared.Side is null || shared.Content?.Items is null || shared.Content.Transport is null || shared.Content.Documents is null
            || shared.Content.Exporter is null || shared.Content.Importer is null)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "a shared declaration needs number, side and content with parties, items, transport and documents.");
        if (shared.Side != envelope.Sender.Side) throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"declaration {shared.Number} is said to be {shared.Side}'s but comes from {envelope.Sender}.");
        if (shared.Content.Type != DeclarationType.Export) throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"declaration {shared.Number} is an {shared.Content.Type}; only exports are shared as advance data.");
        if (shared.Version < 1 || shared.Content.Items is not { Count: > 0 }) throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"declaration {shared.Number} has no version or no items.");
        return shared;
    }
}

/// <summary>Records the states the other side's declarations reach, so both sides see the whole journey (and its times).</summary>
public sealed class StatusChangeHandler() : PeerMessageHandler<StatusChange>(ClearanceMessages.StatusChanged)
{
    protected override async Task ApplyAsync(NodeTransaction tx, StatusChange change, Envelope envelope, CancellationToken cancellationToken)
    {
        foreach (var step in change.Steps)
            await tx.Connection.ExecuteAsync(
                "INSERT INTO clearance_events (number, side, state, at_ms, actor, detail) VALUES (@Number, @Side, @State, @at, @actor, @Detail)",
                new { change.Number, change.Side, step.State, at = step.At.ToUnixTimeMilliseconds(), actor = envelope.Sender.Value, step.Detail }, tx.Transaction);
        // The other side's import made from this side's export: remember the link so each side sees the whole journey.
        if (change.LinkedNumber is { } linked)
            await tx.Connection.ExecuteAsync("INSERT INTO clearance_peer_links (number, linked_number) VALUES (@number, @linked) ON CONFLICT (number) DO NOTHING",
                new { number = change.Number, linked }, tx.Transaction);
    }

    protected override StatusChange Read(Envelope envelope)
    {
        var change = PeerPayload.Read<StatusChange>(envelope);
        if (change.Number is null || change.Side is null || change.Type is null || change.Steps is not { Count: > 0 } || change.Steps.Any(s => s?.State is null))
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "a status change needs number, side, type and at least one step with a state and a time.");
        if (change.Side != envelope.Sender.Side) throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"declaration {change.Number} is said to be {change.Side}'s but comes from {envelope.Sender}.");
        if (change.Steps.FirstOrDefault(s => !ClearanceState.All.Contains(s.State)) is { } unknown)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"'{unknown.State}' is not a declaration state.");
        return change;
    }
}

/// <summary>
/// A clearance message from the other side, handled one payload at a time: <see cref="Read"/> checks it without I/O
/// (also when the inbox validates), <see cref="ApplyAsync(NodeTransaction, T, Envelope, CancellationToken)"/> applies it.
/// </summary>
public abstract class PeerMessageHandler<T>(string messageType) : IMessageHandler
{
    public string MessageType => messageType;
    public int SchemaVersion => ClearanceMessages.SchemaVersion;

    public void Validate(Envelope envelope) => Read(envelope);

    public async Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
    {
        foreach (var envelope in envelopes) await ApplyAsync(tx, Read(envelope), envelope, cancellationToken);
    }

    /// <exception cref="ExchangeRefusal">With <see cref="RefusalReason.InvalidPayload"/> and what is wrong.</exception>
    protected abstract T Read(Envelope envelope);

    protected abstract Task ApplyAsync(NodeTransaction tx, T payload, Envelope envelope, CancellationToken cancellationToken);
}

internal static class PeerPayload
{
    // A null where the schema has none refuses the message, rather than failing later (missing fields are checked by each handler).
    private static readonly JsonSerializerOptions Strict = new(WireJson.Options) { RespectNullableAnnotations = true };

    public static T Read<T>(Envelope envelope)
    {
        try
        {
            return envelope.PayloadAs<T>(Strict) ?? throw new ExchangeRefusal(RefusalReason.InvalidPayload, "the payload is empty.");
        }
        catch (JsonException e)
        {
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, e.Message);
        }
    }
}
