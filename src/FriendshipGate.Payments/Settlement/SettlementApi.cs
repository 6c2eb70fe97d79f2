using System.Text;
using FriendshipGate.Payments.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Payments.Settlement;

/// <summary>Settlement cut-offs and reports, and the ledger check, under /api/v1/payments (operator only).</summary>
internal static class SettlementApi
{
    private const string BasePath = "/api/v1/payments/settlement";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("settlement/cutoff", CutOffAsync)
            .WithSummary("Cut off now: net every posted, unsettled transfer per scheme and participant, check that the ledger balances to zero, and keep the report.");
        group.MapGet("settlement/{id}", GetAsync).WithSummary("A settlement report as JSON, with the addresses of its CSV and HTML forms.");
        group.MapGet("settlement/{id}.csv", CsvAsync).WithSummary("A settlement report as CSV (amounts in major units).");
        group.MapGet("settlement/{id}.html", HtmlAsync).WithSummary("A settlement report as a readable page (Vietnamese, Chinese and English headings).");
        group.MapGet("ledger/check", CheckAsync).WithSummary("Check the ledger now: balances per currency sum to zero, match their transfers, and none is below its limit.");
    }

    private static async Task<Results<Created<SettlementJson>, ProblemHttpResult>> CutOffAsync(HttpRequest request, Settlements settlements, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("cut off a settlement"), request);
        var report = await settlements.CutOffAsync(caller.Name, cancellationToken);
        return TypedResults.Created($"{BasePath}/{report.Id}", SettlementJson.Of(report, BasePath));
    }

    private static async Task<Results<Ok<SettlementJson>, ProblemHttpResult>> GetAsync(string id, HttpRequest request, Settlements settlements, CancellationToken cancellationToken) =>
        await ReportAsync(id, request, settlements, cancellationToken) is { } report
            ? TypedResults.Ok(SettlementJson.Of(report, BasePath))
            : NotFound(id, request);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CsvAsync(string id, HttpRequest request, Settlements settlements, CancellationToken cancellationToken) =>
        await ReportAsync(id, request, settlements, cancellationToken) is { } report
            ? TypedResults.Text(SettlementDocuments.Csv(report), "text/csv", Encoding.UTF8)
            : NotFound(id, request);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> HtmlAsync(string id, HttpRequest request, Settlements settlements, CancellationToken cancellationToken) =>
        await ReportAsync(id, request, settlements, cancellationToken) is { } report
            ? TypedResults.Text(SettlementDocuments.Html(report), "text/html", Encoding.UTF8)
            : NotFound(id, request);

    private static async Task<Results<Ok<LedgerCheck>, ProblemHttpResult>> CheckAsync(HttpRequest request, Storage.NodeDatabase database, CancellationToken cancellationToken)
    {
        if (!PaymentsCaller.Of(request.HttpContext.User).IsOperator) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("check the ledger"), request);
        return TypedResults.Ok(await LedgerAudit.CheckAsync(database, cancellationToken));
    }

    /// <summary>The report, for the operator only (others get null and a 404, as for an unknown id).</summary>
    private static Task<SettlementReport?> ReportAsync(string id, HttpRequest request, Settlements settlements, CancellationToken cancellationToken) =>
        PaymentsCaller.Of(request.HttpContext.User).IsOperator ? settlements.GetAsync(id, cancellationToken) : Task.FromResult<SettlementReport?>(null);

    private static ProblemHttpResult NotFound(string id, HttpRequest request) => PaymentsHttp.Refused(new PaymentRefusal(404, "not-found", "id",
        new Exchange.Trilingual($"không có kỳ quyết toán {id}.", $"没有清算{id}。", $"there is no settlement {id}.")), request);
}
