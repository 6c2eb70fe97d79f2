using System.Globalization;

namespace FriendshipGate.Exchange;

/// <summary>Kinds of evidence entries. Every message and receipt sent, received or refused gets one.</summary>
public static class EvidenceKind
{
    public const string OwnKey = "key-own";
    public const string PeerKey = "key-peer";
    public const string MessageSent = "message-sent";
    public const string MessageReceived = "message-received";
    public const string MessageRefused = "message-refused";
    public const string TransmissionRefused = "transmission-refused";
    public const string ReceiptIssued = "receipt-issued";
    public const string ReceiptReceived = "receipt-received";
    public const string ReceiptRefused = "receipt-refused";
}

/// <summary>What a module asks the evidence log to record; the log adds sequence, time and hashes.</summary>
public sealed record EvidenceItem(string Kind, string Content, string? MessageId = null, string? Counterpart = null, string? Reason = null, string? Detail = null)
{
    // The chain text joins fields with line feeds; detail may quote what a peer sent, so it carries no control characters.
    public string? Detail { get; init; } = Detail is null ? null : string.Concat(Detail.Select(c => char.IsControl(c) ? ' ' : c));

    /// <summary>
    /// The SHA-256 of <see cref="Content"/>'s UTF-8 bytes when the caller has it already (a message's hash is exactly that
    /// for its ASCII JWS), so the log does not hash a kilobyte per message a second time.
    /// </summary>
    public string? ContentHash { get; init; }
}

/// <summary>
/// One link of the hash chain. <see cref="EntryHash"/> = SHA-256 over <see cref="ChainText"/>, which starts with the
/// previous entry's hash, so changing or removing any entry breaks every hash after it.
/// </summary>
public sealed record EvidenceEntry(
    long Seq,
    DateTimeOffset At,
    string Kind,
    string? MessageId,
    string? Counterpart,
    string? Reason,
    string? Detail,
    string ContentHash,
    string Content,
    string PrevHash,
    string EntryHash)
{
    /// <summary>The exact text hashed for an entry (see docs/protocol/exchange-v1.md, "Evidence log").</summary>
    public static string ChainText(string prevHash, long seq, DateTimeOffset at, string kind, string? messageId,
        string? counterpart, string? reason, string? detail, string contentHash) =>
        string.Join('\n', prevHash, seq.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            kind, messageId ?? "", counterpart ?? "", reason ?? "", detail ?? "", contentHash);

    public string ComputeHash() =>
        Hashes.Sha256(ChainText(PrevHash, Seq, At, Kind, MessageId, Counterpart, Reason, Detail, ContentHash));
}
