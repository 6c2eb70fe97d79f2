namespace FriendshipGate.Exchange;

/// <summary>Why a message or a transmission was refused; the wire form is kebab-case (see the protocol document).</summary>
public enum RefusalReason
{
    MalformedTransmission,
    MalformedEnvelope,
    UnknownSender,
    WrongReceiver,
    SenderMismatch,
    UnknownKey,
    RetiredKey,
    BadSignature,
    PayloadHashMismatch,
    NotInTransmission,
    OutsideClockWindow,
    TooOld,
    Duplicate,
    MessageIdConflict,
    UnknownMessageType,
    UnsupportedSchemaVersion,
    InvalidPayload,
}

public static class RefusalReasons
{
    public static string Code(this RefusalReason reason) => reason switch
    {
        RefusalReason.MalformedTransmission => "malformed-transmission",
        RefusalReason.MalformedEnvelope => "malformed-envelope",
        RefusalReason.UnknownSender => "unknown-sender",
        RefusalReason.WrongReceiver => "wrong-receiver",
        RefusalReason.SenderMismatch => "sender-mismatch",
        RefusalReason.UnknownKey => "unknown-key",
        RefusalReason.RetiredKey => "retired-key",
        RefusalReason.BadSignature => "bad-signature",
        RefusalReason.PayloadHashMismatch => "payload-hash-mismatch",
        RefusalReason.NotInTransmission => "not-in-transmission",
        RefusalReason.OutsideClockWindow => "outside-clock-window",
        RefusalReason.TooOld => "too-old",
        RefusalReason.Duplicate => "duplicate",
        RefusalReason.MessageIdConflict => "message-id-conflict",
        RefusalReason.UnknownMessageType => "unknown-message-type",
        RefusalReason.UnsupportedSchemaVersion => "unsupported-schema-version",
        RefusalReason.InvalidPayload => "invalid-payload",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

/// <summary>Thrown when a message or transmission fails a check; carries the reason recorded in evidence.</summary>
public sealed class ExchangeRefusal(RefusalReason reason, string detail) : Exception($"{reason.Code()}: {detail}")
{
    public RefusalReason Reason { get; } = reason;
    public string Detail { get; } = detail;
}
