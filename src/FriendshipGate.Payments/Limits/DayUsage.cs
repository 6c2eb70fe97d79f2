namespace FriendshipGate.Payments.Limits;

/// <summary>
/// What a payer has paid on one local day of its currency's scheme: all payments, and those made by scanning a static code.
/// Reserved payments count; a void or expiry gives its amount back.
/// </summary>
public readonly record struct DayUsage(string Day, long Paid, long StaticQr);
