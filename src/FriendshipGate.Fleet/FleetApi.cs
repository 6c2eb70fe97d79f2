using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Fleet;

/// <summary>The Fleet module on a node: its services, tables and HTTP API under /api/v1/fleet.</summary>
public static class FleetApi
{
    public sealed record OrderInput(string? Container, string? FromBay, string? ToBay);

    public static IServiceCollection AddFleet(this IServiceCollection services, FleetOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<FleetOrderStore>();
        services.AddSingleton<FleetHost>();
        services.AddHostedService(sp => sp.GetRequiredService<FleetHost>());
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => FleetSchema.Migrations;

    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/v1/fleet").WithTags("Fleet").RequireAuthorization(NodePolicies.GateStaff);
        group.MapGet("", async (FleetHost host) => host.Controller is { } controller ? Results.Ok(await controller.SnapshotAsync()) : NotRunning())
            .WithSummary("The fleet now: each vehicle's node, position, battery, traffic state and errand; orders queued, active and delivered.");
        group.MapGet("orders", (FleetOrderStore store, int? limit, CancellationToken ct) => store.RecentAsync(Math.Clamp(limit ?? 100, 1, 1000), ct))
            .WithSummary("Transport orders, newest first.");
        group.MapPost("orders", SubmitAsync).WithSummary("Move a container (ISO 6346) from a bay in one yard to a bay in the other.").RequireAuthorization(NodePolicies.Operator);
        return app;
    }

    private static async Task<IResult> SubmitAsync(OrderInput body, FleetHost host, FleetOrderStore store, HttpRequest request, CancellationToken ct)
    {
        if (host.Controller is not { } controller) return NotRunning();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Container)) errors.Add("container", ValidationErrors.IsRequired);
        else if (ContainerNumber.Check(body.Container, out _) is { } wrong) errors.Add("container", wrong);
        foreach (var (field, bay) in new[] { ("fromBay", body.FromBay), ("toBay", body.ToBay) })
            if (bay is null || !controller.Graph.TryGetNode(bay, out var node) || node.Kind != RoadNodeKind.Bay)
                errors.Add(field, $"'{bay}' is not a bay of the road.", $"“{bay}” không phải là vị trí xếp dỡ trên tuyến đường.", $"“{bay}”不是道路上的装卸位。");
        if (!errors.Any && body.FromBay == body.ToBay) errors.Add("toBay", "must differ from fromBay.", "phải khác fromBay.", "必须与fromBay不同。");
        if (errors.Any)
            return ClearanceApi.Invalid(errors, new Trilingual("Lệnh vận chuyển không hợp lệ; chưa có gì được lưu.", "运输指令无效；未保存任何内容。", "The transport order is not valid; nothing was stored."), request);
        var order = controller.NewOrder(body.Container!, body.FromBay!, body.ToBay!, "TO-" + Guid.CreateVersion7().ToString("N")[..20].ToUpperInvariant());
        // Stored first: once the answer says accepted, a restart takes the order up again.
        await store.AddAsync(order, ct);
        await controller.SubmitAsync(order);
        return Results.Accepted($"/api/v1/fleet/orders", new StoredTransportOrder(order.Id, order.ContainerNumber, order.FromBay, order.ToBay, "queued", null, order.CreatedAt, order.CreatedAt));
    }

    private static IResult NotRunning() =>
        Results.Problem(title: "The fleet is not running on this node.", detail: "set Fleet:Enabled=true in node.json (FGATE_Fleet__Enabled=true).", statusCode: StatusCodes.Status409Conflict);
}
