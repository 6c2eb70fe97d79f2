namespace FriendshipGate.Gate;

/// <summary>
/// A fee charged on a booking (parking, inspection, weighing, storage), as the gate needs to know it: how much, and whether it
/// is still due. The money and the fee's code live in Payments; the node host tells the gate of every change in the
/// transaction that makes it (docs/decisions/0006-gate-fees.md). States are Payments' words: issued, paid, cancelled; an
/// issued fee past its code's expiry is expired, read from the clock.
/// </summary>
public sealed record BookingFee(
    string FeeId, string BookingId, string Kind, string Currency, decimal Value, long Minor, string State, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt, string? PaymentId)
{
    public const string Issued = "issued", Paid = "paid", Cancelled = "cancelled", Expired = "expired";

    public string StateAt(DateTimeOffset now) => State == Issued && now >= ExpiresAt ? Expired : State;

    /// <summary>Due: issued and payable now. An expired fee is not due by this code; the operator issues a new one if it still is.</summary>
    public bool IsDueAt(DateTimeOffset now) => StateAt(now) == Issued;

    /// <summary>"parking fee FEE…: VND 50000", for reasons and screens.</summary>
    public override string ToString() => $"{Kind} fee {FeeId}: {Currency} {Value}";
}

/// <summary>A booking's fee on the wire: its state now and whether it is still to be paid.</summary>
public sealed record BookingFeeView(
    string Id, string Kind, BookingFeeAmount Amount, string State, bool Due, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset? PaidAt, string? Payment)
{
    public static BookingFeeView Of(BookingFee f, DateTimeOffset now) => new(
        f.FeeId, f.Kind, new BookingFeeAmount(f.Currency, f.Value, f.Minor), f.StateAt(now), f.IsDueAt(now), f.IssuedAt, f.ExpiresAt, f.PaidAt, f.PaymentId);
}

public sealed record BookingFeeAmount(string Currency, decimal Value, long Minor);

/// <summary>Who owes a booking's fees, and how the booking reads to a person.</summary>
public sealed record FeeHolder(string Company, string Description);
