using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Payments.Ledger;

/// <summary>Payments (reserve, post, void) under /api/v1/payments.</summary>
internal static class LedgerApi
{
    public sealed record PaymentInput(
        string? Payer, string? Payee, MoneyInput? Amount, string? Quote, string? Qr, bool? StrongAuthentication, bool? Post);

    public sealed record VoidInput(string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", PayAsync).Accepts<PaymentInput>("application/json")
            .WithSummary("Pay (operator, or a trader from its company's account) with an Idempotency-Key header: reserve the funds (two-phase, post or void later) or, with post: true, pay at once. Cross-currency payments name an FX quote. A retry with the same key answers the first result; the same key with another request is refused.");
        group.MapGet("", ListAsync).WithSummary("Payments, newest first (?state=reserved|posted|voided|expired, ?limit= up to 10,000): the operator's all, a trader's from or to its company's accounts.");
        group.MapGet("{id}", GetAsync).WithSummary("A payment with its legs (operator, or a trader holding the payer's or payee's account).");
        group.MapPost("{id}/post", PostAsync).WithSummary("Post a reserved payment: its legs move the reserved funds, together.");
        group.MapPost("{id}/void", VoidAsync).Accepts<VoidInput>("application/json").WithSummary("Void a reserved payment: the reserved funds are released.");
    }

    private static async Task<Results<Created<PaymentJson>, ValidationProblem, ProblemHttpResult>> PayAsync(
        HttpRequest request, HttpResponse response, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator && caller.Role != NodeRoles.Trader) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("pay (or a trader, from its own account)"), request);
        var errors = new PaymentErrors();
        var key = PaymentsHttp.IdempotencyKeyOf(request, errors);
        var input = await PaymentsHttp.ReadAsync<PaymentInput>(request, errors, cancellationToken);
        if (input is null) return errors.ToProblem(request, PaymentsHttp.Invalid);
        if (input.Payer is null) errors.Required("payer");
        if (input.Payee is null) errors.Required("payee");
        var amount = PaymentsHttp.MoneyOf(input.Amount, "amount", errors, required: false);
        if (input.Qr is not (null or QrKind.Static or QrKind.Dynamic))
            errors.Add("qr", "qr-kind", $"'{input.Qr}' is not a way of scanning: static or dynamic.", $"“{input.Qr}” không hợp lệ: static hoặc dynamic.", $"“{input.Qr}”无效：应为 static 或 dynamic。");
        if (errors.Any) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var outcome = await ledger.PayAsync(new PaymentRequest(PaymentKind.Payment, input.Payer, input.Payee!, amount, input.Quote, input.Qr,
            input.StrongAuthentication ?? false, input.Post ?? false, key!, caller), cancellationToken);
        return Created(outcome, request, response);
    }

    /// <summary>201 with the payment (also for an idempotent retry, marked Idempotent-Replayed), or the refusal.</summary>
    internal static Results<Created<PaymentJson>, ValidationProblem, ProblemHttpResult> Created(LedgerOutcome outcome, HttpRequest request, HttpResponse response)
    {
        if (outcome.Refusal is { } refusal) return PaymentsHttp.Refused(refusal, request);
        if (outcome.Replayed) response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Created($"/api/v1/payments/{outcome.Payment!.Id}", PaymentJson.Of(outcome.Payment));
    }

    private static async Task<Results<Ok<List<PaymentJson>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpRequest request, PaymentLedger ledger, string? state, int? limit, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator && (caller.Role != NodeRoles.Trader || caller.Company is null))
            return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("list payments (or a trader, its own)"), request);
        if (state is not (null or PaymentState.Reserved or PaymentState.Posted or PaymentState.Voided or PaymentState.Expired))
        {
            var errors = new PaymentErrors();
            errors.Add("state", "payment-state", $"'{state}' is not a payment state: reserved, posted, voided or expired.",
                $"“{state}” không phải trạng thái thanh toán: reserved, posted, voided hoặc expired.", $"“{state}”不是支付状态：reserved、posted、voided 或 expired。");
            return errors.ToProblem(request, PaymentsHttp.Invalid);
        }
        var payments = await ledger.PaymentsAsync(caller.IsOperator ? null : caller.Company, state, Math.Clamp(limit ?? 100, 1, 10_000), cancellationToken);
        return TypedResults.Ok(payments.Select(PaymentJson.Of).ToList());
    }

    private static async Task<Results<Ok<PaymentJson>, ProblemHttpResult>> GetAsync(string id, HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        var payment = await ledger.PaymentAsync(id, cancellationToken);
        if (payment is null) return PaymentsHttp.Refused(PaymentRefusal.NoPayment(id), request);
        if (!caller.IsOperator)
        {
            var payer = await ledger.AccountAsync(payment.Payer, cancellationToken);
            var payee = await ledger.AccountAsync(payment.Payee, cancellationToken);
            // Someone else's payment is answered as absent: its id says nothing to a stranger.
            if (!(payer is not null && caller.Holds(payer.Owner) || payee is not null && caller.Holds(payee.Owner)))
                return PaymentsHttp.Refused(PaymentRefusal.NoPayment(id), request);
        }
        return TypedResults.Ok(PaymentJson.Of(payment));
    }

    private static async Task<Results<Ok<PaymentJson>, ProblemHttpResult>> PostAsync(string id, HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.PostAsync(id, PaymentsCaller.Of(request.HttpContext.User), cancellationToken), request);

    private static async Task<Results<Ok<PaymentJson>, ProblemHttpResult>> VoidAsync(string id, HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (request.ContentLength is > 0)
        {
            var errors = new PaymentErrors();
            reason = (await PaymentsHttp.ReadAsync<VoidInput>(request, errors, cancellationToken))?.Reason;
        }
        return Answer(await ledger.VoidAsync(id, PaymentsCaller.Of(request.HttpContext.User), reason is { Length: > 0 } ? reason[..Math.Min(reason.Length, 500)] : null, cancellationToken), request);
    }

    private static Results<Ok<PaymentJson>, ProblemHttpResult> Answer(LedgerOutcome outcome, HttpRequest request) =>
        outcome.Refusal is { } refusal ? PaymentsHttp.Refused(refusal, request) : TypedResults.Ok(PaymentJson.Of(outcome.Payment!));
}
