using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Fx;

namespace FriendshipGate.Payments.Ledger;

/// <summary>One change the ledger writer applies in a batch.</summary>
internal abstract record LedgerCommand;

internal sealed record SaveQuote(FxQuote Quote) : LedgerCommand;

internal sealed record CreatePayment(PaymentRequest Request) : LedgerCommand;

/// <summary>Post, void, or (the node itself, when its time has run out) expire a reserved payment.</summary>
internal sealed record ResolvePayment(string PaymentId, string Action, PaymentsCaller Caller, string? Reason = null) : LedgerCommand
{
    public const string Post = "post", Void = "void", Expire = "expire";
}

/// <summary>
/// Pay a fee by its scanned code: the payment (payer → the fee's payee, posted at once) and the fee marked paid, in one batch and
/// so one transaction. <see cref="Request"/> carries the scanned amount and the idempotency key; the fee decides the rest.
/// </summary>
internal sealed record PayFee(PaymentRequest Request, ScannedFee Scan) : LedgerCommand;

/// <summary>The gate operator cancels an issued fee; in the writer, so that it cannot cross a payment of the same fee.</summary>
internal sealed record CancelFee(string FeeId, PaymentsCaller Caller, string? Reason) : LedgerCommand;

/// <summary>What a command came to: a payment (or quote), or a refusal; <see cref="Replayed"/> when an idempotent retry was answered.</summary>
public sealed record LedgerOutcome(Payment? Payment, PaymentRefusal? Refusal, bool Replayed = false, FxQuote? Quote = null, Fee? Fee = null)
{
    public static LedgerOutcome Refused(PaymentRefusal refusal) => new(null, refusal);
}
