using FriendshipGate.Payments.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Payments.Fx;

/// <summary>FX quotes under /api/v1/payments/quotes.</summary>
internal static class QuotesApi
{
    /// <summary>Convert <see cref="Source"/> (what the payer pays in) to <see cref="Target"/> (what the payee is paid in); the amount in either.</summary>
    public sealed record QuoteInput(string? Source, string? Target, MoneyInput? Amount);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("quotes", QuoteAsync).Accepts<QuoteInput>("application/json")
            .WithSummary("A firm FX quote VND→CNY or CNY→VND for an amount in either currency (the payee's price or the payer's budget), at the mid rate moved by the spread against the payer; valid until expiresAt, for one payment.");
    }

    private static async Task<Results<Created<FxQuoteJson>, ValidationProblem, ProblemHttpResult>> QuoteAsync(
        HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var errors = new PaymentErrors();
        var input = await PaymentsHttp.ReadAsync<QuoteInput>(request, errors, cancellationToken);
        if (input is null) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var source = PaymentsHttp.CurrencyOf(input.Source, "source", errors);
        var target = PaymentsHttp.CurrencyOf(input.Target, "target", errors);
        var amount = PaymentsHttp.MoneyOf(input.Amount, "amount", errors);
        if (source is not null && source == target)
            errors.Add("target", "same-currency", "must differ from source: a payment in one currency needs no quote.",
                "phải khác source: thanh toán cùng loại tiền không cần báo giá.", "必须与 source 不同：同币种支付无需报价。");
        else if (amount is { } a && source is not null && target is not null && a.Currency != source && a.Currency != target)
            errors.Add("amount.currency", "currency-mismatch", $"must be {source} or {target}.", $"phải là {source} hoặc {target}.", $"必须为{source}或{target}。");
        if (errors.Any) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var outcome = await ledger.QuoteAsync(source!.Value, target!.Value, amount!.Value, PaymentsCaller.Of(request.HttpContext.User), cancellationToken);
        if (outcome.Refusal is { } refusal) return PaymentsHttp.Refused(refusal, request);
        return TypedResults.Created($"/api/v1/payments/quotes/{outcome.Quote!.Id}", FxQuoteJson.Of(outcome.Quote));
    }
}
