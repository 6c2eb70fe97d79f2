using System.Security.Claims;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Gate;

internal static class AlertsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("alerts", (string? state, GateAlerts alerts, CancellationToken ct) => alerts.ListAsync(state ?? "open", null, ct))
            .WithSummary("Device alerts for officers (?state=open|resolved), newest first.").RequireAuthorization(NodePolicies.GateStaff);
        group.MapPost("alerts/{id:long}/resolution", (long id, OfficerGateInput body, GateAlerts alerts, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                Decide(body, request, () => alerts.ResolveAsync(id, body, ClearanceApi.ActorOf(user), ct)))
            .WithSummary("An officer overrides an alert (the reading counts as passed) or holds the truck, with a reason.").RequireAuthorization(NodePolicies.Officer);
        group.MapPost("visits/{id}/decision", (string id, OfficerGateInput body, GateAlerts alerts, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                Decide(body, request, () => alerts.DecideAsync(id, body, ClearanceApi.ActorOf(user), ct)))
            .WithSummary("An officer holds a truck (automatic release stops) or overrides (its alerts are accepted and it is released once its checks pass).")
            .RequireAuthorization(NodePolicies.Officer);
        group.MapPost("visits/{id}/aside", (string id, OfficerGateInput body, YardQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                GateApi.Run(() => queue.PullAsideAsync(id, body.Reason, ClearanceApi.ActorOf(user), ct), request))
            .WithSummary("An officer pulls a called truck off its lane to the inspection area, freeing the lane.").RequireAuthorization(NodePolicies.Officer);
    }

    private static async Task<IResult> Decide(OfficerGateInput body, HttpRequest request, Func<Task<GateDecision?>> step)
    {
        var errors = new ValidationErrors();
        if (body.Action is not { } action || !AlertResolution.All.Contains(action))
            errors.Add("action", $"must be one of {string.Join(", ", AlertResolution.All)}.", $"phải là một trong {string.Join(", ", AlertResolution.All)}.",
                $"必须是以下之一：{string.Join("、", AlertResolution.All)}。");
        if (string.IsNullOrWhiteSpace(body.Reason)) errors.Add("reason", ValidationErrors.IsRequired);
        if (errors.Any) return ClearanceApi.Invalid(errors, GateApi.NotDone, request);
        return (await GateApi.Run(async () => new { decision = await step() }, request)).Result;
    }
}
