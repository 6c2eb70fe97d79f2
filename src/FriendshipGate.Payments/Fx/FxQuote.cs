using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Fx;

/// <summary>
/// A firm offer of the FX provider: the payer pays <see cref="Source"/> and the payee receives <see cref="Target"/>, at
/// <see cref="Rate"/> (the mid rate moved by the spread against the payer), until <see cref="ExpiresAt"/>. One payment may use
/// it, once: a payment names the quote by its id.
/// </summary>
public sealed record FxQuote(
    string Id, Money Source, Money Target, FxRate MidRate, FxRate Rate, int SpreadBasisPoints, string Requester,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public bool HasExpired(DateTimeOffset now) => now >= ExpiresAt;
}

/// <summary>A quote on the wire: amounts, the mid and customer rates in VND per CNY (exact decimals), its validity.</summary>
public sealed record FxQuoteJson(
    string Id, string Pair, MoneyJson Source, MoneyJson Target, decimal MidRate, decimal Rate, int SpreadBasisPoints,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static FxQuoteJson Of(FxQuote quote) => new(
        quote.Id, $"{quote.Source.Currency.Code}/{quote.Target.Currency.Code}", MoneyJson.Of(quote.Source), MoneyJson.Of(quote.Target),
        quote.MidRate.VndPerCny, quote.Rate.VndPerCny, quote.SpreadBasisPoints, quote.CreatedAt, quote.ExpiresAt);
}
