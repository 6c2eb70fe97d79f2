using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Payments.Fees;

/// <summary>Gate fees under /api/v1/payments/fees: the operator issues and cancels; the debtor's trader sees and pays by the code.</summary>
internal static class FeesApi
{
    public sealed record IssueInput(string? Kind, MoneyInput? Amount, string? Reference);

    public sealed record PayInput(string? Payload, string? Payer, string? QuoteId = null);

    public sealed record CancelInput(string? Reason);

    /// <summary>A fee with its code as a base64 PNG.</summary>
    public sealed record FeeWithCode(FeeJson Fee, string Png);

    /// <summary>A fee paid: the fee as it now stands and the ledger payment that paid it.</summary>
    public sealed record FeePaid(FeeJson Fee, PaymentJson Payment);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("fees", IssueAsync).Accepts<IssueInput>("application/json")
            .WithSummary("Issue a gate fee (operator): {kind: parking|inspection|weighing|storage, amount: {currency, value} in the node's currency, reference: a booking id}. 201 with the fee, its dynamic EMVCo code (VietQR on the VN side, UnionPay on the CN side; the fee id in 62.01) and the code as a base64 PNG.");
        group.MapGet("fees", ListAsync)
            .WithSummary("Fees for a reference (?reference=BK-…), oldest first, or without it a trader's company's fees, newest first; a trader sees only its company's.");
        group.MapGet("fees/{id}", GetAsync)
            .WithSummary("A fee with its state (issued, paid, cancelled, expired), its code and the code as a base64 PNG; the PNG alone with Accept: image/png. Another company's fee is 404.");
        group.MapPost("fees/payments", PayAsync).Accepts<PayInput>("application/json")
            .WithSummary("Pay a fee by its scanned code (the debtor company's trader, or the operator), with an Idempotency-Key header: {payload, payer, quoteId?}; a payer whose account is in the other currency names an FX quote (POST /api/v1/payments/quotes) to exactly the fee's amount. The code must be the one issued (CRC, amount, currency, payee); the payment is posted at once and the fee marked paid in the same transaction. A retry with the same key answers the first result; a second payment of a paid fee is 409 fee-paid.");
        group.MapPost("fees/{id}/cancellation", CancelAsync).Accepts<CancelInput>("application/json")
            .WithSummary("Cancel an unpaid fee (operator), with an optional {reason}; a paid fee cannot be cancelled (409).");
    }

    private static async Task<Results<Created<FeeWithCode>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        HttpRequest request, FeeDesk desk, PaymentsOptions options, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("issue a gate fee"), request);
        var errors = new PaymentErrors();
        var input = await PaymentsHttp.ReadAsync<IssueInput>(request, errors, cancellationToken);
        if (input is null) return errors.ToProblem(request, PaymentsHttp.Invalid);
        if (FeeRequests.Check(input.Kind, input.Amount, input.Reference, options.Fees, errors) is not { } feeRequest) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var (fee, refusal) = await desk.IssueAsync(feeRequest, caller, cancellationToken);
        if (refusal is not null) return PaymentsHttp.Refused(refusal, request);
        return TypedResults.Created($"/api/v1/payments/fees/{fee!.Id}", WithCode(fee, desk.Now));
    }

    private static async Task<Results<Ok<List<FeeJson>>, ProblemHttpResult>> ListAsync(HttpRequest request, FeeDesk desk, string? reference, int? limit, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator && (caller.Role != NodeRoles.Trader || caller.Company is null))
            return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("list gate fees (or a trader, its company's)"), request);
        var fees = reference is { Length: > 0 } ? await desk.ForReferenceAsync(reference, caller, cancellationToken)
            : caller.Company is { } company && !caller.IsOperator ? await desk.ForDebtorAsync(company, Math.Clamp(limit ?? 100, 1, 1_000), cancellationToken)
            : null;
        // The operator lists by reference: every fee of the node at once is not a useful answer.
        if (fees is null)
            return PaymentsHttp.Refused(new PaymentRefusal(400, "required", "reference",
                new Trilingual("hãy nêu ?reference= (mã lịch hẹn).", "请提供 ?reference=（预约编号）。", "give ?reference= (a booking id).")), request);
        var now = desk.Now;
        return TypedResults.Ok(fees.Select(f => FeeJson.Of(f, now)).ToList());
    }

    private static async Task<Results<Ok<FeeWithCode>, FileContentHttpResult, ProblemHttpResult>> GetAsync(string id, HttpRequest request, FeeDesk desk, CancellationToken cancellationToken)
    {
        var fee = await desk.GetAsync(id, PaymentsCaller.Of(request.HttpContext.User), cancellationToken);
        if (fee is null) return PaymentsHttp.Refused(FeeRefusals.NoFee(id), request);
        var wantsPng = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("image/png", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        return wantsPng ? TypedResults.File(QrImage.Png(fee.Payload), "image/png") : TypedResults.Ok(WithCode(fee, desk.Now));
    }

    private static async Task<Results<Created<FeePaid>, ValidationProblem, ProblemHttpResult>> PayAsync(
        HttpRequest request, HttpResponse response, FeeDesk desk, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator && caller.Role != NodeRoles.Trader) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("pay a gate fee (or a trader, its company's)"), request);
        var errors = new PaymentErrors();
        var key = PaymentsHttp.IdempotencyKeyOf(request, errors);
        var input = await PaymentsHttp.ReadAsync<PayInput>(request, errors, cancellationToken);
        if (input is null) return errors.ToProblem(request, PaymentsHttp.Invalid);
        if (string.IsNullOrEmpty(input.Payload)) errors.Required("payload");
        if (string.IsNullOrWhiteSpace(input.Payer)) errors.Required("payer");
        if (errors.Any) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var outcome = await desk.PayAsync(input.Payload!, input.Payer!.Trim(), key!, caller, input.QuoteId, cancellationToken);
        if (outcome.Refusal is { } refusal) return PaymentsHttp.Refused(refusal, request);
        if (outcome.Replayed) response.Headers["Idempotent-Replayed"] = "true";
        var fee = outcome.Fee!;
        return TypedResults.Created($"/api/v1/payments/fees/{fee.Id}", new FeePaid(FeeJson.Of(fee, desk.Now), PaymentJson.Of(outcome.Payment!)));
    }

    private static async Task<Results<Ok<FeeJson>, ProblemHttpResult>> CancelAsync(string id, HttpRequest request, FeeDesk desk, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (request.ContentLength is > 0) reason = (await PaymentsHttp.ReadAsync<CancelInput>(request, new PaymentErrors(), cancellationToken))?.Reason;
        var outcome = await desk.CancelAsync(id, PaymentsCaller.Of(request.HttpContext.User), reason is { Length: > 0 } ? reason[..Math.Min(reason.Length, 500)] : null, cancellationToken);
        return outcome.Refusal is { } refusal ? PaymentsHttp.Refused(refusal, request) : TypedResults.Ok(FeeJson.Of(outcome.Fee!, desk.Now));
    }

    private static FeeWithCode WithCode(Fee fee, DateTimeOffset now) => new(FeeJson.Of(fee, now), Convert.ToBase64String(QrImage.Png(fee.Payload)));
}
