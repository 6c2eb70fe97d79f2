using System.Security.Claims;
using System.Text.Json;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class DeclarationsApi
{
    private static readonly Trilingual NotStored = new(
        Vi: "Tờ khai không hợp lệ; chưa có gì được lưu.", Zh: "报关单无效；未保存任何内容。", En: "The declaration is not valid; nothing was stored.");

    public sealed record Validated(bool Valid, string Side, string CrosswalkVersion, string ProtocolProductsVersion);
    public sealed record ReasonInput(string? Reason);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("declarations", SubmitAsync).Accepts<DeclarationInput>("application/json").WithSummary("Lodge a declaration; every broken rule is answered at once, each naming its field.");
        group.MapPost("declarations/validate", ValidateAsync).Accepts<DeclarationInput>("application/json").WithSummary("Dry run: the same validation as lodging, nothing stored (the portal calls it as the trader types).");
        group.MapGet("declarations", ListAsync).WithSummary("This side's declarations, newest first; a trader sees only its company's.");
        group.MapGet("declarations/{number}", GetAsync).WithSummary("One declaration with its current version.");
        group.MapGet("declarations/{number}/versions", VersionsAsync).WithSummary("Every version of a declaration, oldest first.");
        group.MapPost("declarations/{number}/amendments", AmendAsync).WithSummary("A new version (before release; or the complete declaration after a summary one). Body: the whole declaration; ?reason=.");
        group.MapPost("declarations/{number}/cancellation", CancelAsync).WithSummary("Cancel a declaration before release.");
    }

    private static async Task<Results<Created<StoredDeclaration>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, DeclarationService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var content = await ClearanceApi.ReadAsync<DeclarationInput>(request, errors, cancellationToken) is { } input
            ? await service.ValidateAsync(input, errors, cancellationToken) : null;
        if (content is null) return ClearanceApi.Invalid(errors, NotStored, request);
        try
        {
            var stored = await service.SubmitAsync(content, ClearanceApi.ActorOf(user), cancellationToken);
            return TypedResults.Created($"/api/v1/clearance/declarations/{stored.Number}", stored);
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<Validated>, ValidationProblem>> ValidateAsync(HttpRequest request, DeclarationService service, ClearanceOptions options,
        GoodsCrosswalk crosswalk, ProtocolProductCatalog products, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (await ClearanceApi.ReadAsync<DeclarationInput>(request, errors, cancellationToken) is { } input) await service.ValidateAsync(input, errors, cancellationToken);
        return errors.Any ? ClearanceApi.Invalid(errors, new(Vi: "Tờ khai không hợp lệ.", Zh: "报关单无效。", En: "The declaration is not valid."), request) : TypedResults.Ok(new Validated(true, options.Side, crosswalk.Version, products.Version));
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredDeclaration>>, ValidationProblem>> ListAsync(
        DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken, string? state = null, string? lane = null, int limit = 100)
    {
        var errors = new ValidationErrors();
        if (state is not null && !ClearanceState.All.Contains(state)) errors.Add("state", $"'{state}' is not a state; one of {string.Join(", ", ClearanceState.All)}.",
            $"“{state}” không phải là trạng thái; hãy dùng một trong {string.Join(", ", ClearanceState.All)}.", $"“{state}”不是有效状态；应为以下之一：{string.Join(", ", ClearanceState.All)}。");
        if (limit is < 1 or > 1000) errors.Add("limit", "must be between 1 and 1000.", "phải từ 1 đến 1000.", "必须在1到1000之间。");
        if (errors.Any) return ClearanceApi.Invalid(errors, new(Vi: "Truy vấn không hợp lệ.", Zh: "查询条件无效。", En: "The query is not valid."), request);
        return TypedResults.Ok(await service.ListAsync(ClearanceApi.ActorOf(user), state, lane, limit, cancellationToken));
    }

    private static async Task<Results<Ok<StoredDeclaration>, ProblemHttpResult>> GetAsync(string number, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try { return TypedResults.Ok(await service.GetAsync(number, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<IReadOnlyList<DeclarationVersion>>, ProblemHttpResult>> VersionsAsync(
        string number, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try { return TypedResults.Ok(await service.VersionsAsync(number, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<StoredDeclaration>, ValidationProblem, ProblemHttpResult>> AmendAsync(
        string number, JsonElement body, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken, string? reason = null)
    {
        var errors = new ValidationErrors();
        var content = ClearanceApi.Read<DeclarationInput>(body, errors) is { } input ? await service.ValidateAsync(input, errors, cancellationToken) : null;
        if (content is null) return ClearanceApi.Invalid(errors,
            new(Vi: "Tờ khai sửa đổi không hợp lệ; chưa có gì được lưu.", Zh: "报关单修改无效；未保存任何内容。", En: "The amendment is not valid; nothing was stored."), request);
        try { return TypedResults.Ok(await service.AmendAsync(number, content, reason, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Ok<StoredDeclaration>, ProblemHttpResult>> CancelAsync(
        string number, ReasonInput? body, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try { return TypedResults.Ok(await service.CancelAsync(number, body?.Reason, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
