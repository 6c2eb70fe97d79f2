using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Gate;

internal static class DevicesApi
{
    private static readonly Trilingual NotRecorded = new(
        Vi: "Dữ liệu thiết bị không hợp lệ; chưa được ghi nhận.", Zh: "设备数据无效；未记录。", En: "The device reading is not valid; it was not recorded.");

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("device-events", RecordAsync)
            .WithSummary("A reading from a plate camera, weighbridge, seal or container reader, scanner or barrier; idempotent by eventId. " +
                "The answer says whether it matched, which truck it is bound to, and 'barrier: open' when the truck was released.")
            .RequireAuthorization(NodePolicies.GateStaff);

    private static async Task<IResult> RecordAsync(DeviceEventInput body, DeviceEvents events, GateOptions options, HttpRequest request, CancellationToken ct)
    {
        var errors = body.Validate(options);
        if (errors.Any) return ClearanceApi.Invalid(errors, NotRecorded, request);
        return (await GateApi.Run(() => events.RecordAsync(body, ct), request)).Result;
    }
}
