using System.Security.Claims;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

public static class LifecycleApi
{
    public sealed record DecisionInput(string? Action, string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("declarations/{number}/decisions", DecideAsync).WithSummary("An officer of this side releases, holds or sends for inspection.");
        group.MapPost("declarations/{number}/border-crossing", (string number, ClearanceDecisions decisions, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                Run(() => decisions.CrossAsync(number, ClearanceApi.ActorOf(user), ct), request))
            .WithSummary("The conveyance of a released export crossed the border line.").RequireAuthorization(NodePolicies.GateStaff);
        group.MapPost("declarations/{number}/arrival", (string number, ClearanceDecisions decisions, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                Run(() => decisions.ArriveAsync(number, ClearanceApi.ActorOf(user), ct), request))
            .WithSummary("The goods of an import arrived at this side's control zone (a green or blue lane import is released at once).").RequireAuthorization(NodePolicies.GateStaff);
        group.MapPost("declarations/{number}/exit", (string number, ClearanceDecisions decisions, ClaimsPrincipal user, HttpRequest request, CancellationToken ct) =>
                Run(() => decisions.ExitAsync(number, ClearanceApi.ActorOf(user), ct), request))
            .WithSummary("Released imported goods left this side's customs area.").RequireAuthorization(NodePolicies.GateStaff);
        group.MapGet("declarations/{number}/journey", JourneyAsync)
            .WithSummary("Every timestamped step of the consignment on both sides: this declaration and the other side's linked one.");
    }

    private static async Task<Results<Ok<StoredDeclaration>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string number, DecisionInput body, ClearanceDecisions decisions, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        if (body.Action is not { } action || !OfficerAction.All.Contains(action))
        {
            var errors = new ValidationErrors();
            errors.Add("action", $"'{body.Action}' must be one of {string.Join(", ", OfficerAction.All)}.",
                $"“{body.Action}” phải là một trong {string.Join(", ", OfficerAction.All)}.", $"“{body.Action}”必须是以下之一：{string.Join(", ", OfficerAction.All)}。");
            return ClearanceApi.Invalid(errors, new(Vi: "Quyết định không hợp lệ.", Zh: "处理决定无效。", En: "The decision is not valid."), request);
        }
        try { return TypedResults.Ok(await decisions.DecideAsync(number, action, body.Reason, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<StoredDeclaration>, ProblemHttpResult>> Run(Func<Task<StoredDeclaration>> step, HttpRequest request)
    {
        try { return TypedResults.Ok(await step()); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<IReadOnlyList<DeclarationEvent>>, ProblemHttpResult>> JourneyAsync(
        string number, DeclarationService service, NodeDatabase database, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var declaration = await service.GetAsync(number, ClearanceApi.ActorOf(user), cancellationToken);
            return TypedResults.Ok(await LoadJourneyAsync(database, declaration, cancellationToken));
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    /// <summary>The declaration's events and the linked declaration's on the other side, in time order.</summary>
    public static async Task<IReadOnlyList<DeclarationEvent>> LoadJourneyAsync(NodeDatabase database, StoredDeclaration declaration, CancellationToken cancellationToken) =>
        await database.ReadAsync(async c =>
        {
            // An import links to the export it came from; an export is linked from the import the other side made of it,
            // which this side learns from that import's status messages (their detail is not needed: the link is the number).
            var linked = declaration.AdvanceData;
            linked ??= await c.ExecuteScalarAsync<string?>(
                "SELECT number FROM clearance_peer_links WHERE linked_number = @number", new { number = declaration.Number });
            var rows = await c.QueryAsync<(string number, string side, string state, long at_ms, string actor, string? detail)>(
                "SELECT number, side, state, at_ms, actor, detail FROM clearance_events WHERE number = @number OR number = @linked ORDER BY at_ms, id",
                new { number = declaration.Number, linked });
            return (IReadOnlyList<DeclarationEvent>)rows.Select(r => new DeclarationEvent(r.number, r.side, r.state, DateTimeOffset.FromUnixTimeMilliseconds(r.at_ms), r.actor, r.detail)).ToList();
        }, cancellationToken);
}
