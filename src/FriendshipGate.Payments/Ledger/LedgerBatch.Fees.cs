using FriendshipGate.Payments.Fees;

namespace FriendshipGate.Payments.Ledger;

internal sealed partial class LedgerBatch
{
    /// <summary>
    /// Pays a fee: an idempotent retry answers the first payment; otherwise the fee must be the caller's, issued and not past its
    /// code's expiry, and the scanned code must be the one issued for it (amount, currency, everything else). Then the payment is
    /// made as any other (limits, funds) and posted at once, and the fee marked paid by it, in this batch's one transaction.
    /// </summary>
    private LedgerOutcome Pay(PayFee command)
    {
        var request = command.Request;
        var scan = command.Scan;
        Fees.TryGetValue(scan.FeeId, out var fee);
        if (ByIdempotency.TryGetValue(request.Idempotency, out var first))
            return first.Fingerprint == request.Fingerprint
                ? new LedgerOutcome(first, null, Replayed: true, Fee: fee)
                : LedgerOutcome.Refused(PaymentRefusal.IdempotencyKeyReused(request.IdempotencyKey));
        // Another company's fee is answered as absent, as its payments are: a fee id says nothing to a stranger.
        if (fee is null || !request.Caller.Holds(fee.Debtor)) return LedgerOutcome.Refused(FeeRefusals.NoFee(scan.FeeId, "payload.62.01", 422));
        switch (fee.StateAt(Now))
        {
            case FeeState.Paid: return LedgerOutcome.Refused(FeeRefusals.Paid(fee));
            case FeeState.Cancelled: return LedgerOutcome.Refused(FeeRefusals.Cancelled(fee));
            case FeeState.Expired: return LedgerOutcome.Refused(FeeRefusals.Expired(fee));
        }
        if (scan.Amount.Currency != fee.Amount.Currency) return LedgerOutcome.Refused(FeeRefusals.CurrencyDiffers(fee, scan.Amount.Currency.Code));
        if (scan.Amount != fee.Amount) return LedgerOutcome.Refused(FeeRefusals.AmountDiffers(fee, scan.Amount));
        // The same amount and fee id but another payee account or merchant: a code made to look like the gate's.
        if (!string.Equals(scan.Payload, fee.Payload, StringComparison.Ordinal) || request.Payee != fee.Payee) return LedgerOutcome.Refused(FeeRefusals.Altered(fee));
        // From an account in the other currency only through a quote; whether the quote fits (live, unused, to exactly the
        // fee's amount) is checked as for any payment across currencies.
        if (request.Payer is { } payer && Accounts.TryGetValue(payer, out var account) && account.Currency != fee.Amount.Currency && request.QuoteId is null)
            return LedgerOutcome.Refused(FeeRefusals.PayerCurrency(fee, payer, account.Currency));

        var outcome = Create(request);
        if (outcome.Payment is not { } payment) return outcome;
        var paid = fee with { StoredState = FeeState.Paid, PaidAt = Now, PaymentId = payment.Id, Payer = payment.Payer };
        Change(paid);
        return outcome with { Fee = paid };
    }

    private LedgerOutcome Cancel(CancelFee command)
    {
        if (!command.Caller.IsOperator) return LedgerOutcome.Refused(PaymentRefusal.OperatorOnly("cancel a fee"));
        if (!Fees.TryGetValue(command.FeeId, out var fee)) return LedgerOutcome.Refused(FeeRefusals.NoFee(command.FeeId));
        var state = fee.StateAt(Now);
        if (state == FeeState.Cancelled) return new LedgerOutcome(null, null, Replayed: true, Fee: fee);
        if (state != FeeState.Issued) return LedgerOutcome.Refused(FeeRefusals.NotCancellable(fee, state));
        var cancelled = fee with { StoredState = FeeState.Cancelled, CancelledAt = Now, Reason = command.Reason ?? "cancelled by the gate operator" };
        Change(cancelled);
        return new LedgerOutcome(null, null, Fee: cancelled);
    }

    private void Change(Fee fee)
    {
        Fees[fee.Id] = fee;
        if (!ChangedFees.Contains(fee.Id)) ChangedFees.Add(fee.Id);
    }
}
