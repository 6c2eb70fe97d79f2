using FriendshipGate.Payments.Limits;

namespace FriendshipGate.Payments.Ledger;

internal sealed partial class LedgerBatch
{
    private LedgerOutcome Create(PaymentRequest request)
    {
        if (ByIdempotency.TryGetValue(request.Idempotency, out var first))
            return first.Fingerprint == request.Fingerprint
                ? new LedgerOutcome(first, null, Replayed: true)
                : LedgerOutcome.Refused(PaymentRefusal.IdempotencyKeyReused(request.IdempotencyKey));
        var funding = request.Kind == PaymentKind.Funding;
        if (funding && !request.Caller.IsOperator) return LedgerOutcome.Refused(PaymentRefusal.OperatorOnly("fund an account"));
        if (!Accounts.TryGetValue(request.Payee, out var payee)) return LedgerOutcome.Refused(PaymentRefusal.NoAccount("payee", request.Payee));
        AccountState? payer;
        if (funding) payer = Accounts[SystemAccounts.SettlementOf(payee.Currency)];
        else if (request.Payer is null || !Accounts.TryGetValue(request.Payer, out payer))
            return LedgerOutcome.Refused(PaymentRefusal.NoAccount("payer", request.Payer ?? ""));
        if (!funding && !request.Caller.Holds(payer.Owner)) return LedgerOutcome.Refused(PaymentRefusal.NotYours("payer", payer.Id));
        if (payer.Id == payee.Id) return LedgerOutcome.Refused(PaymentRefusal.SameAccount());
        if (!funding && payer.Kind is not (AccountKind.Wallet or AccountKind.Merchant)) return LedgerOutcome.Refused(PaymentRefusal.KindCannotPay(payer.Id, payer.Kind));
        if (payee.Kind == AccountKind.Settlement || !funding && payee.Kind == AccountKind.FxLiquidity)
            return LedgerOutcome.Refused(PaymentRefusal.KindCannotReceive(payee.Id, payee.Kind));

        var legs = Legs(request, payer, payee, out var refusal);
        if (legs is null) return LedgerOutcome.Refused(refusal!);
        var debit = legs[0].Amount;
        string? limitDay = null;
        if (!funding)
        {
            limitDay = payer.Currency.LocalDay(Now);
            if (PayerLimits.Check(debit, request.Qr, request.StrongAuthentication, payer.Today(limitDay)) is { } overLimit)
                return LedgerOutcome.Refused(overLimit);
        }
        // Legs of a cross-currency payment debit different accounts (payer, FX provider), so each is checked on its own.
        foreach (var leg in legs)
        {
            var (from, _) = Sides(leg);
            if (!from.CanDebit(leg.Amount.Minor))
                return LedgerOutcome.Refused(PaymentRefusal.InsufficientFunds(from == payer ? "payer" : "quote", from.Id, leg.Amount, from.Available));
        }

        var state = request.PostNow ? PaymentState.Posted : PaymentState.Reserved;
        var transferState = request.PostNow ? TransferState.Posted : TransferState.Pending;
        legs = legs.Select(l => l with { State = transferState }).ToList();
        foreach (var leg in legs)
        {
            var (from, to) = Sides(leg);
            if (request.PostNow) from.Post(to, leg.Amount.Minor, wasReserved: false);
            else from.Reserve(to, leg.Amount.Minor);
        }
        if (limitDay is not null) payer.Count(limitDay, debit.Minor, request.Qr == QrKind.Static);
        var payment = new Payment(
            Guid.CreateVersion7(Now).ToString(), request.Kind, state, payer.Id, payee.Id, debit, legs[^1].Amount, request.QuoteId, request.Qr,
            request.StrongAuthentication, request.Caller.Name, Now, request.PostNow ? null : Now + options.PendingTimeout,
            request.PostNow ? Now : null, null, legs)
        {
            LimitDay = limitDay,
            Idempotency = request.Idempotency,
            Fingerprint = request.Fingerprint,
        };
        Add(payment);
        Created.Add(payment.Id);
        createdIds.Add(payment.Id);
        return new LedgerOutcome(payment, null);
    }

    /// <summary>One leg payer → payee in one currency; two through the FX provider's accounts when the currencies differ.</summary>
    private List<TransferLeg>? Legs(PaymentRequest request, AccountState payer, AccountState payee, out PaymentRefusal? refusal)
    {
        refusal = null;
        if (payer.Currency == payee.Currency)
        {
            if (request.QuoteId is { } needless) refusal = PaymentRefusal.QuoteMismatch(needless, $"both accounts hold {payee.Currency}; nothing to convert");
            else if (request.Amount is not { } amount) refusal = PaymentRefusal.AmountRequired();
            else if (amount.Currency != payee.Currency) refusal = PaymentRefusal.CurrencyMismatch(payee.Id, payee.Currency, amount.Currency);
            else return [new TransferLeg(1, payer.Id, payee.Id, amount, TransferState.Pending)];
            return null;
        }
        if (request.QuoteId is not { } id) refusal = PaymentRefusal.QuoteRequired(payer.Currency, payee.Currency);
        else if (!Quotes.TryGetValue(id, out var quote)) refusal = PaymentRefusal.QuoteUnknown(id);
        else if (quote.HasExpired(Now)) refusal = PaymentRefusal.QuoteExpired(id, quote.ExpiresAt);
        else if (UsedQuotes.Contains(id)) refusal = PaymentRefusal.QuoteUsed(id);
        else if (quote.Source.Currency != payer.Currency || quote.Target.Currency != payee.Currency)
            refusal = PaymentRefusal.QuoteMismatch(id, $"it converts {quote.Source.Currency} to {quote.Target.Currency}, the payment {payer.Currency} to {payee.Currency}");
        else if (request.Amount is { } amount && amount != quote.Target)
            refusal = PaymentRefusal.QuoteMismatch(id, $"it pays the payee {quote.Target}, not {amount}");
        else return
        [
            new TransferLeg(1, payer.Id, SystemAccounts.FxOf(payer.Currency), quote.Source, TransferState.Pending),
            new TransferLeg(2, SystemAccounts.FxOf(payee.Currency), payee.Id, quote.Target, TransferState.Pending),
        ];
        return null;
    }
}
