using FriendshipGate.Storage;

namespace FriendshipGate.Exchange.Tests;

/// <summary>A module's handler test double for "test.note" messages: records what was applied in a committed transaction.</summary>
internal sealed class RecordingHandler : IMessageHandler
{
    public const string Type = "test.note";

    private readonly List<Envelope> applied = [];

    public string MessageType => Type;
    public int SchemaVersion => 1;

    public IReadOnlyList<Envelope> Applied { get { lock (applied) return applied.ToList(); } }

    public int TimesApplied(MessageId id) => Applied.Count(e => e.Id == id);

    public void Validate(Envelope envelope)
    {
        if (!envelope.Payload.TryGetProperty("text", out var text) || text.ValueKind != System.Text.Json.JsonValueKind.String)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "text: a string is required.");
    }

    public Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
    {
        var batch = envelopes.ToList();
        tx.OnCommitted(() => { lock (applied) applied.AddRange(batch); });
        return Task.CompletedTask;
    }
}
