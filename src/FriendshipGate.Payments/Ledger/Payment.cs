namespace FriendshipGate.Payments.Ledger;

/// <summary>What a payment asks the ledger for.</summary>
public static class PaymentKind
{
    /// <summary>A payer pays a payee (a tourist a merchant); the schemes' limits apply.</summary>
    public const string Payment = "payment";

    /// <summary>Money enters a wallet or the FX provider's liquidity from the scheme's settlement account (operator only; no limits).</summary>
    public const string Funding = "funding";
}

/// <summary>A payment's state: reserved (two-phase, funds held) until posted or voided, or voided for it when its time runs out.</summary>
public static class PaymentState
{
    public const string Reserved = "reserved", Posted = "posted", Voided = "voided", Expired = "expired";

    public static bool IsFinal(string state) => state is Posted or Voided or Expired;
}

/// <summary>A transfer leg's state: pending (reserved) until posted or voided.</summary>
public static class TransferState
{
    public const string Pending = "pending", Posted = "posted", Voided = "voided";

    /// <summary>A leg's state follows its payment's: the legs of a payment are reserved, posted and voided together.</summary>
    public static string Of(string paymentState) => paymentState switch
    {
        PaymentState.Reserved => Pending,
        PaymentState.Posted => Posted,
        _ => Voided,
    };
}

/// <summary>One same-currency transfer of a payment: debit one account, credit another.</summary>
public sealed record TransferLeg(int Leg, string DebitAccount, string CreditAccount, Money Amount, string State);

/// <summary>
/// A payment as the ledger holds it. A same-currency payment has one leg (payer → payee); a cross-currency one has two,
/// reserved, posted or voided together: payer → FX provider in the payer's currency, FX provider → payee in the payee's.
/// </summary>
public sealed record Payment(
    string Id, string Kind, string State, string Payer, string Payee, Money Debit, Money Credit, string? QuoteId, string? Qr,
    bool StrongAuthentication, string Requester, DateTimeOffset CreatedAt, DateTimeOffset? TimeoutAt, DateTimeOffset? ResolvedAt,
    string? Reason, IReadOnlyList<TransferLeg> Legs)
{
    /// <summary>The payer's local day this payment counted towards its daily limits; null for fundings.</summary>
    internal string? LimitDay { get; init; }

    /// <summary>The idempotency scope (requester and key) and the fingerprint of the request that created it.</summary>
    internal string Idempotency { get; init; } = "";

    internal string Fingerprint { get; init; } = "";
}

/// <summary>A payment on the wire.</summary>
public sealed record PaymentJson(
    string Id, string Kind, string State, string Payer, string Payee, MoneyJson Debit, MoneyJson Credit, string? Quote, string? Qr,
    bool StrongAuthentication, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? ResolvedAt, string? Reason,
    IReadOnlyList<TransferLegJson> Legs)
{
    public static PaymentJson Of(Payment p) => new(
        p.Id, p.Kind, p.State, p.Payer, p.Payee, MoneyJson.Of(p.Debit), MoneyJson.Of(p.Credit), p.QuoteId, p.Qr, p.StrongAuthentication,
        p.CreatedAt, p.State == PaymentState.Reserved ? p.TimeoutAt : null, p.ResolvedAt, p.Reason,
        p.Legs.Select(l => new TransferLegJson(l.Leg, l.DebitAccount, l.CreditAccount, MoneyJson.Of(l.Amount), l.State)).ToList());
}

public sealed record TransferLegJson(int Leg, string Debit, string Credit, MoneyJson Amount, string State);
