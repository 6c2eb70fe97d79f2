using System.Security.Claims;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Gate;

internal static class QueueApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("arrivals", CheckInAsync).WithSummary("A truck arrives at the waiting area: with a booking by its plate, or as a walk-in with its declaration.")
            .RequireAuthorization(NodePolicies.GateStaff);
        group.MapGet("queue", (string? direction, YardQueue queue, CancellationToken ct) => queue.PlacesAsync(direction ?? Direction.Outbound, ct))
            .WithSummary("Trucks waiting to go one way (?direction=outbound|inbound), in the order they will be called, with expected times.")
            .RequireAuthorization(NodePolicies.GateStaff);
        group.MapPost("lanes/{lane}/call", CallAsync).WithSummary("Call the next waiting truck forward to a free lane.").RequireAuthorization(NodePolicies.GateStaff);
        group.MapGet("visits/{id}", VisitAsync).WithSummary("A truck's visit: its state, device readings' decisions and alerts.").RequireAuthorization(NodePolicies.GateStaff);
    }

    public sealed record VisitView(Visit Visit, IReadOnlyList<GateDecision> Decisions, IReadOnlyList<GateAlert> Alerts);

    private static async Task<IResult> CheckInAsync(CheckInInput body, YardQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (PlateNumber.Normalize(body.Plate).Length is < 4 or > 12)
            errors.Add("plate", "is required: the truck's number plate (4 to 12 letters and digits).", "là bắt buộc: biển số xe (4 đến 12 chữ cái và chữ số).", "必填：车牌号（4至12个字母和数字）。");
        if (body.Priority == true && ClearanceApi.ActorOf(user).Role != NodeRoles.Officer && ClearanceApi.ActorOf(user).Role != NodeRoles.Operator)
            errors.Add("priority", "only gate staff grant priority.", "chỉ nhân viên cổng mới được cho ưu tiên.", "只有口岸工作人员可以给予优先。");
        if (errors.Any) return ClearanceApi.Invalid(errors, GateApi.NotDone, request);
        return (await GateApi.Run(() => queue.CheckInAsync(body, ClearanceApi.ActorOf(user), ct), request)).Result;
    }

    private static async Task<IResult> CallAsync(string lane, YardQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await queue.CallNextAsync(lane, ClearanceApi.ActorOf(user), ct) is { } visit ? TypedResults.Ok(visit)
                : TypedResults.Problem(title: "Nobody is waiting.", detail: $"no truck waits to go through lane {lane}.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (Refusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static Task<Results<Ok<VisitView>, ProblemHttpResult>> VisitAsync(string id, YardQueue queue, GateAlerts alerts, FriendshipGate.Storage.NodeDatabase database,
        HttpRequest request, CancellationToken ct) =>
        GateApi.Run(async () =>
        {
            var visit = await queue.GetAsync(id, ct) ?? throw GateRefusals.NoVisit(id);
            return new VisitView(visit, await database.ReadAsync(c => GateReleases.ListAsync(c, null, id), ct), await alerts.ListAsync(null, id, ct));
        }, request);
}
