using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>Payload of "exchange.key-announced": a new public key of the sender, signed with one of its current keys.</summary>
public sealed record KeyAnnouncement(string Kid, string Algorithm, string Spki);

/// <summary>Payload of "exchange.key-retired": from now on, signatures by this key are refused.</summary>
public sealed record KeyRetirement(string Kid);

/// <summary>Applies the peer's key announcements and retirements to the trust list.</summary>
public sealed class KeyMessageHandlers(KeyRegistry registry)
{
    public const string Announced = "exchange.key-announced";
    public const string Retired = "exchange.key-retired";

    public IMessageHandler AnnouncedHandler => new AnnouncedHandlerImpl(registry);
    public IMessageHandler RetiredHandler => new RetiredHandlerImpl(registry);

    private sealed class AnnouncedHandlerImpl(KeyRegistry registry) : IMessageHandler
    {
        public string MessageType => Announced;
        public int SchemaVersion => 1;
        public bool AppliesImmediately => true;

        public void Validate(Envelope envelope) => Parse(envelope);

        public async Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
        {
            foreach (var envelope in envelopes)
                await registry.AddAsync(tx, envelope.Sender, KeyOwner.Peer, Parse(envelope), cancellationToken);
        }

        private static VerificationKey Parse(Envelope envelope)
        {
            var announcement = envelope.PayloadAs<KeyAnnouncement>(WireJson.Options);
            VerificationKey key;
            try
            {
                key = VerificationKey.FromBase64Url(announcement.Algorithm ?? "", announcement.Spki ?? "");
            }
            catch (FormatException e)
            {
                throw new ExchangeRefusal(RefusalReason.InvalidPayload, "spki: " + e.Message);
            }
            if (key.KeyId != announcement.Kid)
                throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"kid: '{announcement.Kid}' is not the SHA-256 of the announced key ({key.KeyId}).");
            return key;
        }
    }

    private sealed class RetiredHandlerImpl(KeyRegistry registry) : IMessageHandler
    {
        public string MessageType => Retired;
        public int SchemaVersion => 1;
        public bool AppliesImmediately => true;

        public void Validate(Envelope envelope)
        {
            var retirement = envelope.PayloadAs<KeyRetirement>(WireJson.Options);
            var key = registry.Lookup(retirement.Kid ?? "");
            if (key is null || key.NodeId != envelope.Sender)
                throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"kid: '{retirement.Kid}' is not a key of {envelope.Sender}.");
        }

        public async Task ApplyAsync(NodeTransaction tx, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
        {
            foreach (var envelope in envelopes)
                await registry.RetireAsync(tx, envelope.PayloadAs<KeyRetirement>(WireJson.Options).Kid, cancellationToken);
        }
    }
}
