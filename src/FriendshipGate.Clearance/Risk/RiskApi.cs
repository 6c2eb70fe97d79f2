using System.Security.Claims;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class RiskApi
{
    /// <summary>A recorded decision and, when the same rule set is loaded, whether deciding again gives exactly the same.</summary>
    public sealed record RiskView(RecordedRiskDecision Decision, bool? ReplayMatches, string LoadedRuleSetVersion);

    public static void Map(RouteGroupBuilder group)
    {
        var officers = group.MapGroup("").RequireAuthorization(NodePolicies.Officer);
        officers.MapGet("declarations/{number}/risk", GetAsync)
            .WithSummary("The risk decision of a declaration with its reasons (officers only), replayed from its recorded seed and counts.");
        officers.MapGet("risk/rules", (RiskEngine engine) => engine.Rules).WithSummary("The loaded risk rule set (officers only).");
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> GetAsync(string number, DeclarationService service, RiskEngine engine, NodeDatabase database,
        ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await service.GetAsync(number, ClearanceApi.ActorOf(user), cancellationToken);
            var recorded = await RiskAssessment.FindAsync(database, number, cancellationToken)
                ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "number", $"declaration {number} has no risk decision.",
                    $"tờ khai {number} chưa có kết quả phân luồng rủi ro.", $"报关单{number}没有风险判定结果。");
            bool? matches = null;
            if (recorded.RuleSetVersion == engine.Rules.Version)
            {
                var again = engine.Decide(recorded.Subject, recorded.Seed, recorded.CountsBefore);
                matches = again.Lane == recorded.Lane
                    && JsonSerializer.Serialize(again.Reasons, WireJson.Options) == JsonSerializer.Serialize(recorded.Reasons, WireJson.Options);
            }
            return TypedResults.Ok(new RiskView(recorded, matches, engine.Rules.Version));
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
