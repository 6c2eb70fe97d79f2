using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Hydrology;

/// <summary>Stores the peer's observations as they arrive over the exchange and raises alerts above warning levels.</summary>
public sealed class PeerObservationHandler(ObservationLedger ledger, FloodAlerts alerts, StationCatalog catalog, TimeProvider time) : IMessageHandler
{
    // Validate reads each payload; ApplyAsync, called right after in the same batch, reuses what it read.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Envelope, Observation> validated = [];

    public string MessageType => ObservationLedger.MessageType;
    public int SchemaVersion => ObservationLedger.SchemaVersion;

    public void Validate(Envelope envelope) => validated.AddOrUpdate(envelope, Read(envelope));

    public async Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
    {
        var observations = envelopes.Select(e => validated.TryGetValue(e, out var o) ? o : Read(e)).ToList();
        var origin = envelopes[0].Sender.Side;
        await ledger.InsertAsync(tx, observations, origin, envelopes.Select(e => e.Id).ToList(), cancellationToken);
        await alerts.RaiseAsync(tx, observations, origin, envelopes.Select(e => e.Id).ToList(), cancellationToken);
    }

    private Observation Read(Envelope envelope)
    {
        ObservationInput input;
        try
        {
            input = envelope.PayloadAs<ObservationInput>(WireJson.Options);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, e.Message);
        }
        var errors = new Dictionary<string, List<string>>();
        return ObservationRules.Check(input, envelope.Sender.Side, catalog, time.GetUtcNow(), "", errors)
            ?? throw new ExchangeRefusal(RefusalReason.InvalidPayload,
                string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }
}
