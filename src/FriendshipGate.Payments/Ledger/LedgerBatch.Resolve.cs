namespace FriendshipGate.Payments.Ledger;

internal sealed partial class LedgerBatch
{
    private LedgerOutcome Resolve(ResolvePayment command)
    {
        if (!Payments.TryGetValue(command.PaymentId, out var payment)) return LedgerOutcome.Refused(PaymentRefusal.NoPayment(command.PaymentId));
        if (!command.Caller.Holds(Accounts[payment.Payer].Owner)) return LedgerOutcome.Refused(PaymentRefusal.NotYours("id", payment.Payer));
        var timedOut = payment.State == PaymentState.Reserved && payment.TimeoutAt is { } timeout && Now >= timeout;
        switch (command.Action)
        {
            case ResolvePayment.Expire:
                return new LedgerOutcome(timedOut ? Finish(payment, PaymentState.Expired, "the reservation timed out") : payment, null);
            case ResolvePayment.Post:
                if (payment.State == PaymentState.Posted) return new LedgerOutcome(payment, null, Replayed: true);
                if (timedOut)
                {
                    // Too late to post: void it now, in this batch, rather than leave it for the sweeper.
                    Finish(payment, PaymentState.Expired, "the reservation timed out");
                    return LedgerOutcome.Refused(PaymentRefusal.TimedOut(payment.Id, payment.TimeoutAt!.Value));
                }
                if (payment.State != PaymentState.Reserved) return LedgerOutcome.Refused(PaymentRefusal.AlreadyFinal(payment.Id, payment.State, "posted"));
                return new LedgerOutcome(Finish(payment, PaymentState.Posted, null), null);
            case ResolvePayment.Void:
                if (payment.State is PaymentState.Voided or PaymentState.Expired) return new LedgerOutcome(payment, null, Replayed: true);
                if (payment.State != PaymentState.Reserved) return LedgerOutcome.Refused(PaymentRefusal.AlreadyFinal(payment.Id, payment.State, "voided"));
                return new LedgerOutcome(Finish(payment, timedOut ? PaymentState.Expired : PaymentState.Voided, command.Reason ?? "voided"), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.Action, "post, void or expire.");
        }
    }

    /// <summary>Posts or releases every leg of a reserved payment, together, and records its final state.</summary>
    private Payment Finish(Payment payment, string state, string? reason)
    {
        var post = state == PaymentState.Posted;
        foreach (var leg in payment.Legs)
        {
            var (from, to) = Sides(leg);
            if (post) from.Post(to, leg.Amount.Minor, wasReserved: true);
            else from.Release(to, leg.Amount.Minor);
        }
        // A payment that never moved money stops counting towards the payer's day.
        if (!post && payment.LimitDay is { } day) Accounts[payment.Payer].Count(day, checked(-payment.Debit.Minor), payment.Qr == QrKind.Static);
        var finished = payment with
        {
            State = state,
            ResolvedAt = Now,
            Reason = reason,
            Legs = payment.Legs.Select(l => l with { State = post ? TransferState.Posted : TransferState.Voided }).ToList(),
        };
        Payments[payment.Id] = finished;
        ByIdempotency[payment.Idempotency] = finished;
        if (!createdIds.Contains(payment.Id)) Resolved.Add(payment.Id);
        return finished;
    }
}
