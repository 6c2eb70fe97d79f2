using System.Security.Claims;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Clearance;

/// <summary>The Clearance module on a node: its services, tables and HTTP API under /api/v1/clearance.</summary>
public static class ClearanceApi
{
    public static IServiceCollection AddClearance(this IServiceCollection services, ClearanceOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(GoodsCrosswalk.LoadEmbedded());
        services.AddSingleton(ProtocolProductCatalog.LoadEmbedded());
        services.AddSingleton<DeclarationTimeline>();
        services.AddSingleton<SubmissionBatcher>();
        services.AddSingleton<DeclarationStore>();
        services.AddSingleton<DeclarationService>();
        services.AddSingleton<ClearanceDecisions>();
        services.AddSingleton<AeoRegister>();
        services.AddSingleton<IMessageHandler, PeerAeoHandler>();
        services.AddSingleton<JointInspections>();
        services.AddSingleton<TimeReleaseData>();
        services.AddSingleton<ClearanceCountsReader>();
        services.AddSingleton(_ => new RiskEngine(options.RiskRulesFile is { } path ? RiskRuleSet.Load(File.OpenRead(path)) : RiskRuleSet.LoadDefault()));
        services.AddSingleton<RiskAssessment>();
        services.AddSingleton<IMessageHandler, PeerInspectionScheduledHandler>();
        services.AddSingleton<IMessageHandler, PeerInspectionResultHandler>();
        services.AddSingleton<AdvanceDataStore>();
        services.AddSingleton<IMessageHandler, SharedDeclarationHandler>();
        services.AddSingleton<IMessageHandler, StatusChangeHandler>();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => ClearanceSchema.Migrations;

    public static IEndpointRouteBuilder MapClearanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/v1/clearance").WithTags("Clearance").RequireAuthorization(NodePolicies.User);
        DeclarationsApi.Map(group);
        LifecycleApi.Map(group);
        AeoApi.Map(group);
        InspectionsApi.Map(group);
        TimeReleaseApi.Map(group);
        RiskApi.Map(group);
        AdvanceDataApi.Map(group);
        ReferenceDataApi.Map(group);
        return app;
    }

    /// <summary>Who is calling, from the claims the node's authentication set.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous", user.FindFirstValue(ClaimTypes.Role) ?? "", user.FindFirstValue(NodeClaims.Side) ?? "", user.FindFirstValue(NodeClaims.Company));

    /// <summary>Reads a JSON body, naming the place where it is malformed.</summary>
    internal static T? Read<T>(JsonElement body, ValidationErrors errors)
    {
        try
        {
            return body.Deserialize<T>(WireJson.Options);
        }
        catch (JsonException e)
        {
            Malformed(e, errors);
            return default;
        }
    }

    /// <summary>Reads the request body in one pass (the busiest endpoints), naming the place where it is malformed.</summary>
    internal static async Task<T?> ReadAsync<T>(HttpRequest request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, WireJson.Options, cancellationToken);
            if (value is null) errors.Add("body", "is required: a JSON object.");
            return value;
        }
        catch (JsonException e)
        {
            Malformed(e, errors);
            return default;
        }
    }

    private static void Malformed(JsonException e, ValidationErrors errors) =>
        errors.Add(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), $"is not valid here: {e.Message.Split(" Path:")[0]}");

    internal static ValidationProblem Invalid(ValidationErrors errors, string title) => TypedResults.ValidationProblem(errors.ToDictionary(), title: title);

    internal static ProblemHttpResult Refused(DeclarationRefusal refusal) => TypedResults.Problem(
        title: refusal.Status switch
        {
            DeclarationRefusal.NotFound => "Not found.",
            DeclarationRefusal.Forbidden => "Not allowed for your role or side.",
            _ => "Not possible in the declaration's present state.",
        },
        detail: refusal.Message,
        statusCode: refusal.Status switch
        {
            DeclarationRefusal.NotFound => StatusCodes.Status404NotFound,
            DeclarationRefusal.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        },
        extensions: new Dictionary<string, object?> { ["field"] = refusal.Field });
}
