using System.Security.Claims;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class AeoApi
{
    public sealed record GrantInput(string? AeoId, string? CompanyId, string? CompanyName);
    public sealed record ChangeInput(string? Status, string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("aeo", (AeoRegister register, CancellationToken ct, string? side) => register.ListAsync(side, ct))
            .WithSummary("Both sides' AEO registers as this node knows them (the other side's arrives over the exchange).");
        group.MapPost("aeo", GrantAsync).WithSummary("Grant AEO status to a company of this side; shared with the other side at once.")
            .RequireAuthorization(NodePolicies.Officer);
        group.MapPost("aeo/{aeoId}/status", ChangeAsync).WithSummary("Suspend (suspended), reinstate (active) or revoke (revoked) an AEO of this side.")
            .RequireAuthorization(NodePolicies.Officer);
    }

    private static async Task<Results<Created<AeoStanding>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        GrantInput body, AeoRegister register, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.AeoId)) errors.Add("aeoId", ValidationErrors.IsRequired);
        if (string.IsNullOrWhiteSpace(body.CompanyId)) errors.Add("companyId", ValidationErrors.IsRequired);
        if (string.IsNullOrWhiteSpace(body.CompanyName)) errors.Add("companyName", ValidationErrors.IsRequired);
        if (errors.Any) return ClearanceApi.Invalid(errors, new(Vi: "Yêu cầu công nhận AEO không hợp lệ.", Zh: "AEO认证授予申请无效。", En: "The grant is not valid."), request);
        try
        {
            var standing = await register.GrantAsync(body.AeoId!.Trim(), body.CompanyId!.Trim(), body.CompanyName!.Trim(), ClearanceApi.ActorOf(user), cancellationToken);
            return TypedResults.Created($"/api/v1/clearance/aeo/{standing.AeoId}", standing);
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<AeoStanding>, ProblemHttpResult>> ChangeAsync(
        string aeoId, ChangeInput body, AeoRegister register, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try { return TypedResults.Ok(await register.ChangeAsync(aeoId, body.Status ?? "", body.Reason, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
