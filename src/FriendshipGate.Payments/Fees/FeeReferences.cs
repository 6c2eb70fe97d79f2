using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Fees;

/// <summary>Who owes the fees for a reference, as the module that owns the reference says.</summary>
/// <param name="Company">The company (tax or enterprise code) that owes them; a trader of that company sees and pays them.</param>
/// <param name="Description">How the reference reads to a person ("booking BK-… for declaration 3000…").</param>
public sealed record FeeDebtor(string Company, string Description);

/// <summary>
/// The module that owns what fees are for (the Gate's bookings), as Payments sees it. Payments calls it inside its own
/// transactions, so what the owner records commits or rolls back with the fee: when a fee is issued, paid or cancelled, the
/// owner learns it in the same commit. The node host implements it (docs/decisions/0006-gate-fees.md); Payments depends
/// on no other module.
/// </summary>
public interface IFeeReferences
{
    /// <summary>Who owes fees for <paramref name="reference"/>, read in the issuing transaction; null when there is no such reference.</summary>
    Task<FeeDebtor?> ResolveAsync(NodeTransaction tx, string reference, CancellationToken cancellationToken);

    /// <summary>Fees issued, paid or cancelled in this transaction, as they now stand.</summary>
    Task OnChangedAsync(NodeTransaction tx, IReadOnlyList<Fee> fees, CancellationToken cancellationToken);
}
