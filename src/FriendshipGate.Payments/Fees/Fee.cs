using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Fees;

/// <summary>What a gate fee is charged for.</summary>
public static class FeeKind
{
    public const string Parking = "parking", Inspection = "inspection", Weighing = "weighing", Storage = "storage";

    public static readonly IReadOnlyList<string> All = [Parking, Inspection, Weighing, Storage];
}

/// <summary>
/// A fee's state. It is issued with a dynamic QR code, then paid once (by one ledger payment), or cancelled by the gate
/// operator. An issued fee whose code has run out (<see cref="Fee.ExpiresAt"/>) is expired: it can no longer be paid and the
/// operator issues a new one. Expiry is read from the clock, not written, so no sweeper has to run for it.
/// </summary>
public static class FeeState
{
    public const string Issued = "issued", Paid = "paid", Cancelled = "cancelled", Expired = "expired";

    public static readonly IReadOnlyList<string> All = [Issued, Paid, Cancelled, Expired];
}

/// <summary>
/// A fee the gate charges a company for something it did at the gate (parking, inspection, weighing, storage), in the node's
/// currency, to be paid into the gate operator's merchant account (<see cref="Payee"/>). <see cref="Reference"/> is what the fee
/// is for (a booking), owned by another module and opaque here; <see cref="Debtor"/> is the company that owes it, as that
/// module says. <see cref="Payload"/> is the dynamic EMVCo code issued for it, kept so that a scanned code can be compared
/// with what was issued.
/// </summary>
public sealed record Fee(
    string Id, string Kind, Money Amount, string Payee, string Reference, string Debtor, string StoredState, string Payload, string IssuedBy,
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? PaidAt, string? PaymentId, string? Payer, DateTimeOffset? CancelledAt, string? Reason)
{
    /// <summary>The state at <paramref name="now"/>: an issued fee past its expiry is expired.</summary>
    public string StateAt(DateTimeOffset now) => StoredState == FeeState.Issued && now >= ExpiresAt ? FeeState.Expired : StoredState;
}

/// <summary>A fee on the wire: its state now, its amount, and the dynamic code that pays it.</summary>
public sealed record FeeJson(
    string Id, string Kind, string State, MoneyJson Amount, string Payee, string Reference, string Debtor, string Payload, DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? PaidAt, string? Payment, string? Payer, DateTimeOffset? CancelledAt, string? Reason)
{
    public static FeeJson Of(Fee f, DateTimeOffset now) => new(
        f.Id, f.Kind, f.StateAt(now), MoneyJson.Of(f.Amount), f.Payee, f.Reference, f.Debtor, f.Payload, f.IssuedAt, f.ExpiresAt, f.PaidAt, f.PaymentId,
        f.Payer, f.CancelledAt, f.Reason);
}
