using System.Security.Cryptography;
using System.Text;

namespace FriendshipGate.Payments.Ledger;

/// <summary>How the payer scanned: a static code printed at the stall, or a dynamic one made for this payment.</summary>
public static class QrKind
{
    public const string Static = "static", Dynamic = "dynamic";
}

/// <summary>
/// A checked request for a payment (or a funding). <see cref="Amount"/> is what the payee receives; with a quote it may be
/// left out (the quote fixes both sides). <see cref="PostNow"/> posts at once instead of reserving for a later post or void.
/// </summary>
/// <param name="FeeId">The gate fee this payment pays, if any: part of the fingerprint, so one key cannot pay two fees.</param>
public sealed record PaymentRequest(
    string Kind, string? Payer, string Payee, Money? Amount, string? QuoteId, string? Qr, bool StrongAuthentication, bool PostNow,
    string IdempotencyKey, PaymentsCaller Caller, string? FeeId = null)
{
    /// <summary>The idempotency scope: a key is the caller's own; two callers may use the same key for different payments.</summary>
    public string Idempotency { get; } = Caller.Name + "\n" + IdempotencyKey;

    /// <summary>
    /// A hash of what the request asks for (not who asks or with which key), computed once, by the caller's thread rather than
    /// the ledger's writer. A retry with the same key must carry the same fingerprint; otherwise it is refused rather than
    /// answered with a payment that is not what it asked for.
    /// </summary>
    public string Fingerprint { get; } = Hash(Kind, Payer, Payee, Amount, QuoteId, Qr, StrongAuthentication, PostNow, FeeId);

    private static string Hash(string kind, string? payer, string payee, Money? amount, string? quote, string? qr, bool strong, bool postNow, string? fee)
    {
        var canonical = string.Join("\n", kind, payer ?? "", payee, amount is { } a ? $"{a.Currency.Code} {a.Minor}" : "", quote ?? "", qr ?? "",
            strong ? "1" : "0", postNow ? "1" : "0");
        // Appended only for fees, so that the fingerprints of payments stored before fees existed stay what they were.
        if (fee is not null) canonical += "\nfee " + fee;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32];
    }
}
