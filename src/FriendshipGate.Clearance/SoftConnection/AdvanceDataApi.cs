using System.Security.Claims;
using System.Text.Json;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class AdvanceDataApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("advance-data", ListAsync).WithSummary("The other side's export declarations received as advance data, newest first; a trader sees those addressed to it.");
        group.MapGet("advance-data/{originNumber}", GetAsync).WithSummary("One advance declaration, each item with this side's candidate codes.");
        group.MapPost("advance-data/{originNumber}/import-declaration", ImportAsync)
            .WithSummary("Lodge this side's import declaration from advance data without retyping: choose codes only where several candidates exist.");
    }

    private static async Task<Ok<IReadOnlyList<AdvanceData>>> ListAsync(AdvanceDataStore store, ClaimsPrincipal user, CancellationToken cancellationToken,
        bool pending = false, int limit = 100)
    {
        var actor = ClearanceApi.ActorOf(user);
        return TypedResults.Ok(await store.ListAsync(actor.Role == NodeRoles.Trader ? actor.Company : null, pending, Math.Clamp(limit, 1, 1000), cancellationToken));
    }

    private static async Task<Results<Ok<AdvanceData>, ProblemHttpResult>> GetAsync(string originNumber, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        try { return TypedResults.Ok(await service.GetAdvanceAsync(originNumber, ClearanceApi.ActorOf(user), cancellationToken)); }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }

    private static async Task<Results<Created<StoredDeclaration>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string originNumber, JsonElement body, DeclarationService service, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var actor = ClearanceApi.ActorOf(user);
        try
        {
            var advance = await service.GetAdvanceAsync(originNumber, actor, cancellationToken);
            var errors = new ValidationErrors();
            var choices = body.ValueKind == JsonValueKind.Undefined ? new ImportFromAdvanceInput(null, null, null, null, null)
                : ClearanceApi.Read<ImportFromAdvanceInput>(body, errors);
            if (choices is null) return ClearanceApi.Invalid(errors,
                new(Vi: "Các lựa chọn không hợp lệ; chưa có gì được lưu.", Zh: "所作选择无效；未保存任何内容。", En: "The choices are not valid; nothing was stored."), request);
            if (await service.ValidateImportAsync(advance, choices, errors, cancellationToken) is not { } content) return ClearanceApi.Invalid(errors,
                new(Vi: "Tờ khai nhập khẩu không hợp lệ; chưa có gì được lưu.", Zh: "进口报关单无效；未保存任何内容。", En: "The import declaration is not valid; nothing was stored."), request);
            var stored = await service.ImportFromAdvanceAsync(originNumber, content, actor, cancellationToken);
            return TypedResults.Created($"/api/v1/clearance/declarations/{stored.Number}", stored);
        }
        catch (DeclarationRefusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
