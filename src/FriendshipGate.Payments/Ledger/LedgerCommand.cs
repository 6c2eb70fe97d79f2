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

/// <summary>What a command came to: a payment (or quote), or a refusal; <see cref="Replayed"/> when an idempotent retry was answered.</summary>
public sealed record LedgerOutcome(Payment? Payment, PaymentRefusal? Refusal, bool Replayed = false, FxQuote? Quote = null)
{
    public static LedgerOutcome Refused(PaymentRefusal refusal) => new(null, refusal);
}
