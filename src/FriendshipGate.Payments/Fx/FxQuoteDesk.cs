using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Fx;

/// <summary>
/// Makes FX quotes from the provider's mid rate and spread. Give it the amount the payee must receive (the merchant's price)
/// or the amount the payer wants to spend, in either currency of the pair; it works out the other side, rounding in the
/// provider's favour by at most one minor unit.
/// </summary>
public sealed class FxQuoteDesk(PaymentsOptions options, TimeProvider time)
{
    /// <summary>A new quote, or null with the reason when the amount converts to less than one minor unit.</summary>
    public FxQuote? Quote(Currency source, Currency target, Money amount, string requester, out PaymentRefusal? refusal)
    {
        refusal = null;
        if (source == target || amount.Currency != source && amount.Currency != target)
            throw new ArgumentException($"a quote converts between two currencies and names an amount in one of them; got {source}/{target} and {amount}.");
        var now = Exchange.WireJson.Truncate(time.GetUtcNow());
        var rate = options.MidRate.ForCustomer(source, options.SpreadBasisPoints);
        var (pay, receive) = amount.Currency == target ? (rate.SourceFor(amount, source), amount) : (amount, rate.TargetFor(amount, target));
        if (receive.Minor < 1 || pay.Minor < 1)
        {
            refusal = new PaymentRefusal(422, "amount-too-small", "amount", new Exchange.Trilingual(
                Vi: $"{amount} quá nhỏ để quy đổi sang {(amount.Currency == source ? target : source)}.",
                Zh: $"{amount}金额过小，无法兑换为{(amount.Currency == source ? target : source)}。",
                En: $"{amount} is too small to convert to {(amount.Currency == source ? target : source)}."));
            return null;
        }
        return new FxQuote(Guid.CreateVersion7(now).ToString(), pay, receive, options.MidRate, rate, options.SpreadBasisPoints, requester,
            now, now + options.QuoteValidity);
    }
}
