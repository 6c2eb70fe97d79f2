using FriendshipGate.Gate;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Storage;

namespace FriendshipGate.Web;

/// <summary>
/// Links gate fees (Payments) to bookings (Gate) without either module knowing the other (docs/decisions/0006-gate-fees.md):
/// Payments asks who owes fees for a reference and reports each fee it issues, pays or cancels, inside its own transaction;
/// this passes both to the Gate's <see cref="BookingFees"/> in that same transaction, translating Payments' fee into the
/// Gate's view of it.
/// </summary>
internal sealed class GateFeeLink(BookingFees bookings) : IFeeReferences
{
    public async Task<FeeDebtor?> ResolveAsync(NodeTransaction tx, string reference, CancellationToken cancellationToken) =>
        await bookings.HolderAsync(tx, reference) is { } holder ? new FeeDebtor(holder.Company, holder.Description) : null;

    public async Task OnChangedAsync(NodeTransaction tx, IReadOnlyList<Fee> fees, CancellationToken cancellationToken)
    {
        foreach (var fee in fees)
            await bookings.RecordAsync(tx, new BookingFee(fee.Id, fee.Reference, fee.Kind, fee.Amount.Currency.Code, fee.Amount.Major, fee.Amount.Minor,
                fee.StoredState, fee.IssuedAt, fee.ExpiresAt, fee.PaidAt, fee.PaymentId), cancellationToken);
    }
}
