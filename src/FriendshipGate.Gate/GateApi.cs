using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Gate;

/// <summary>The Gate module on a node: its services, tables and HTTP API under /api/v1/gate.</summary>
public static class GateApi
{
    public static IServiceCollection AddGate(this IServiceCollection services, GateOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<Bookings>();
        services.AddSingleton<YardQueue>();
        services.AddSingleton<NoShowRule>();
        services.AddHostedService<NoShowSweeper>();
        services.AddSingleton<GateReleases>();
        services.AddSingleton<DeviceEvents>();
        services.AddSingleton<GateAlerts>();
        services.AddSingleton<BookingFees>();
        services.AddGateOverview();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => GateSchema.Migrations;

    public static IEndpointRouteBuilder MapGateApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/v1/gate").WithTags("Gate").RequireAuthorization(NodePolicies.User);
        AppointmentsApi.Map(group);
        QueueApi.Map(group);
        DevicesApi.Map(group);
        AlertsApi.Map(group);
        return app;
    }

    internal static readonly Trilingual NotDone = new(Vi: "Yêu cầu không hợp lệ; chưa có gì thay đổi.", Zh: "请求无效；未作任何更改。", En: "The request is not valid; nothing was changed.");

    /// <summary>Runs a step, answering a refusal as problem details in the caller's language.</summary>
    internal static async Task<Results<Ok<T>, ProblemHttpResult>> Run<T>(Func<Task<T>> step, HttpRequest request)
    {
        try { return TypedResults.Ok(await step()); }
        catch (Refusal refusal) { return ClearanceApi.Refused(refusal, request); }
    }
}
