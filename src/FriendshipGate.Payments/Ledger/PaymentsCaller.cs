using System.Security.Claims;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// Who asks the ledger for something: the node's operator (the schemes' gateway and its tools) may act on any account; a
/// trader only on accounts its company holds; the node itself (expiring reservations) is <see cref="System"/>.
/// </summary>
public sealed record PaymentsCaller(string Name, string Role, string? Company)
{
    public static readonly PaymentsCaller System = new("system", "system", null);

    public bool IsOperator => Role is NodeRoles.Operator or "system";

    /// <summary>Whether this caller may see or move money of an account held by <paramref name="owner"/>.</summary>
    public bool Holds(string owner) => IsOperator || Role == NodeRoles.Trader && Company is { Length: > 0 } company && company == owner;

    public static PaymentsCaller Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(NodeClaims.Company));
}
