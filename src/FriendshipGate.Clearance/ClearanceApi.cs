using System.Security.Claims;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

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
    public static T? Read<T>(JsonElement body, ValidationErrors errors)
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
    public static async Task<T?> ReadAsync<T>(HttpRequest request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, WireJson.Options, cancellationToken);
            if (value is null) errors.Add("body", "is required: a JSON object.", "là bắt buộc: một đối tượng JSON.", "必填：一个 JSON 对象。");
            return value;
        }
        catch (JsonException e)
        {
            Malformed(e, errors);
            return default;
        }
    }

    // The parser's own explanation stays in English: it names JSON tokens and positions.
    private static void Malformed(JsonException e, ValidationErrors errors)
    {
        var detail = e.Message.Split(" Path:")[0];
        errors.Add(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'),
            $"is not valid here: {detail}", $"không hợp lệ tại vị trí này: {detail}", $"此处无效：{detail}");
    }

    /// <summary>The languages the Clearance API answers in; English unless the request prefers another.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "vi", "zh"];

    /// <summary>
    /// The first of vi, zh and en the Accept-Language header asks for, by quality (then order); en when it names none of
    /// them. A regional or script tag counts for its language (vi-VN is vi; zh-CN, zh-Hans and zh-TW are zh).
    /// </summary>
    public static string LanguageOf(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var ranges)) return "en";
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var language = range.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (language is not null && Languages.Contains(language)) return language;
        }
        return "en";
    }

    public static string LanguageOf(HttpRequest request) => LanguageOf(request.Headers.AcceptLanguage.ToString());

    public static ValidationProblem Invalid(ValidationErrors errors, Trilingual title, HttpRequest request)
    {
        var language = LanguageOf(request);
        return TypedResults.ValidationProblem(errors.ToDictionary(language), title: title.In(language));
    }

    public static ProblemHttpResult Refused(Refusal refusal, HttpRequest request)
    {
        var language = LanguageOf(request);
        return TypedResults.Problem(
            title: (refusal.Status switch
            {
                DeclarationRefusal.NotFound => new Trilingual("Không tìm thấy.", "未找到。", "Not found."),
                DeclarationRefusal.Forbidden => new Trilingual("Không được phép đối với vai trò hoặc bên của bạn.", "您的角色或所属一方无权执行此操作。", "Not allowed for your role or side."),
                _ => new Trilingual("Không thể thực hiện ở trạng thái hiện tại của tờ khai.", "报关单当前状态下无法执行此操作。", "Not possible in the declaration's present state."),
            }).In(language),
            detail: refusal.Text.In(language),
            statusCode: refusal.Status switch
            {
                DeclarationRefusal.NotFound => StatusCodes.Status404NotFound,
                DeclarationRefusal.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            },
            extensions: new Dictionary<string, object?> { ["field"] = refusal.Field });
    }
}
