using System.Security.Claims;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class InspectionsApi
{
    public sealed record ScheduleInput(string? Declaration, DateTimeOffset? Slot, string? Place);
    public sealed record ResultInput(string? Outcome, string? Findings);

    public static void Map(RouteGroupBuilder group)
    {
        var officers = group.MapGroup("inspections").RequireAuthorization(NodePolicies.Officer);
        officers.MapGet("", (JointInspections inspections, CancellationToken ct, DateTimeOffset? from, DateTimeOffset? to) =>
                inspections.ListAsync(from ?? DateTimeOffset.UtcNow.AddDays(-1), to ?? DateTimeOffset.UtcNow.AddDays(14), ct))
            .WithSummary("The joint inspection calendar: both sides' officers, one slot per consignment.");
        officers.MapGet("{id}", async (string id, JointInspections inspections, CancellationToken ct) =>
                await inspections.FindAsync(id, ct) is { } found ? Results.Ok(found)
                    : Results.Problem(title: "Not found.", detail: $"there is no joint inspection {id}.", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("One joint inspection.");
        officers.MapPost("", ScheduleAsync).WithSummary("Schedule the joint inspection of a declaration's consignment (or get the one already scheduled by either side).");
        officers.MapPost("{id}/result", RecordAsync).WithSummary("Record the result once for both sides: compliant or non-compliant, with findings.");
    }

    private static async Task<Results<Ok<JointInspection>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        ScheduleInput body, JointInspections inspections, ClaimsPrincipal user, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Declaration)) errors.Add("declaration", "is required (the declaration number on this side).",
            "là bắt buộc (số tờ khai của bên này).", "必填（本方报关单号）。");
        if (body.Slot is { } slot && slot < time.GetUtcNow().AddDays(-1)) errors.Add("slot", "must not be in the past.", "không được là thời điểm đã qua.", "不得早于当前时间。");
        if (body.Place is { Length: > 100 }) errors.Add("place", "must be at most 100 characters.", "tối đa 100 ký tự.", "不得超过100个字符。");
        if (errors.Any) return ClearanceApi.Invalid(errors, new(Vi: "Yêu cầu kiểm tra không hợp lệ.", Zh: "查验申请无效。", En: "The inspection request is not valid."), request);
        try
        {
            return TypedResults.Ok(await inspections.ScheduleAsync(body.Declaration!.Trim(), body.Slot ?? time.GetUtcNow().AddHours(1),
                string.IsNullOrWhiteSpace(body.Place) ? "joint inspection area" : body.Place.Trim(), ClearanceApi.ActorOf(user), cancellationToken));
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<JointInspection>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string id, ResultInput body, JointInspections inspections, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (body.Outcome is not (InspectionOutcome.Compliant or InspectionOutcome.NonCompliant))
        {
            var errors = new ValidationErrors();
            errors.Add("outcome", $"'{body.Outcome}' must be compliant or non-compliant.",
                $"“{body.Outcome}” phải là compliant (phù hợp) hoặc non-compliant (không phù hợp).", $"“{body.Outcome}”必须是 compliant（合格）或 non-compliant（不合格）。");
            return ClearanceApi.Invalid(errors, new(Vi: "Kết quả kiểm tra không hợp lệ.", Zh: "查验结果无效。", En: "The result is not valid."), request);
        }
        try { return TypedResults.Ok(await inspections.RecordResultAsync(id, body.Outcome, body.Findings?.Trim(), ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
