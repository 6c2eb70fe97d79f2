using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>What an officer decides on a declaration of its side.</summary>
public static class OfficerAction
{
    public const string Release = "release", Hold = "hold", Inspect = "inspect";
    public static readonly IReadOnlyList<string> All = [Release, Hold, Inspect];
}

/// <summary>
/// The steps after risk assessment: officers release, hold or send for inspection; the gate records the border crossing,
/// the arrival and the exit. A released-on-data import (green or blue lane) is released the moment it arrives.
/// </summary>
public sealed class ClearanceDecisions(NodeDatabase database, DeclarationTimeline timeline, JointInspections inspections, ClearanceOptions options, TimeProvider time)
{
    public Task<StoredDeclaration> DecideAsync(string number, string action, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            if (actor.Role != NodeRoles.Officer)
                throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "role", $"only a customs officer decides on a declaration; you are a {actor.Role}.",
                    $"chỉ công chức hải quan mới được quyết định đối với tờ khai; vai trò của bạn là {actor.Role}.",
                    $"只有海关关员才能对报关单作出决定；您的角色是{actor.Role}。");
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            var detail = $"{action} by officer {actor.Name}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
            return action switch
            {
                OfficerAction.Release => await ReleaseAsync(tx, declaration, actor, detail, cancellationToken),
                OfficerAction.Hold or OfficerAction.Inspect when declaration.State == ClearanceState.UnderControl =>
                    await RecordOnlyAsync(tx, declaration, actor, detail, cancellationToken),
                OfficerAction.Hold or OfficerAction.Inspect => await timeline.MoveAsync(tx, number, ClearanceState.UnderControl, actor, detail, cancellationToken),
                _ => throw new DeclarationRefusal(DeclarationRefusal.Conflict, "action", $"'{action}' must be one of {string.Join(", ", OfficerAction.All)}.",
                    $"“{action}” phải là một trong {string.Join(", ", OfficerAction.All)}.", $"“{action}”必须是以下之一：{string.Join(", ", OfficerAction.All)}。"),
            };
        }, cancellationToken);

    /// <summary>The conveyance carrying an export crossed the border line (recorded by the gate, its devices or an officer).</summary>
    public Task<StoredDeclaration> CrossAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            if (declaration.Type != DeclarationType.Export)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "type", $"declaration {number} is an {declaration.Type}; the border crossing is recorded on the export.",
                    $"tờ khai {number} là tờ khai {declaration.Type}; việc qua biên giới được ghi nhận trên tờ khai xuất khẩu.",
                    $"报关单{number}为{declaration.Type}报关单；出境记录在出口报关单上。");
            return await timeline.MoveAsync(tx, number, ClearanceState.CrossedBorder, actor, null, cancellationToken);
        }, cancellationToken);

    /// <summary>The goods of an import arrived at this side's control zone; on a release-on-data lane they are released at once.</summary>
    public Task<StoredDeclaration> ArriveAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            if (declaration.Type == DeclarationType.Export)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "type", $"declaration {number} is an export; arrival is recorded on the import.",
                    $"tờ khai {number} là tờ khai xuất khẩu; việc hàng đến được ghi nhận trên tờ khai nhập khẩu.", $"报关单{number}为出口报关单；货物抵达记录在进口报关单上。");
            if (declaration.ArrivedAt is not null)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"the goods of {number} arrived at {declaration.ArrivedAt:O} already.",
                    $"hàng hóa của {number} đã đến lúc {declaration.ArrivedAt:O}.", $"{number}的货物已于{declaration.ArrivedAt:O}抵达。");
            if (!ClearanceState.IsBeforeRelease(declaration.State) || declaration.State == ClearanceState.Received)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {number} is {declaration.State}; arrival comes before release.",
                    $"tờ khai {number} đang ở trạng thái {declaration.State}; hàng phải đến trước khi thông quan.", $"报关单{number}当前状态为{declaration.State}；货物应在放行前抵达。");
            var arrived = await RecordArrivalAsync(tx, declaration, actor, cancellationToken);
            return declaration.State == ClearanceState.RiskAssessed && RiskLanes.ReleasesOnData(declaration.Lane)
                ? await timeline.MoveAsync(tx, number, ClearanceState.ReleasedForImport, Actor.System(options.Side), $"{declaration.Lane} lane: released on data at arrival", cancellationToken)
                : arrived;
        }, cancellationToken);

    /// <summary>
    /// Releases a green- or blue-lane declaration without a person, inside the caller's transaction (the gate, once every
    /// device check has passed): an export is released for export; an import has its arrival recorded and is released.
    /// </summary>
    /// <exception cref="DeclarationRefusal">The declaration is not on a release-on-data lane or not in a state to be released.</exception>
    public async Task<StoredDeclaration> ReleaseOnDataAsync(NodeTransaction tx, string number, string detail, CancellationToken cancellationToken = default)
    {
        var system = Actor.System(options.Side);
        var declaration = await timeline.LoadForUpdateAsync(tx, number, system, cancellationToken);
        if (!RiskLanes.ReleasesOnData(declaration.Lane) || declaration.State != ClearanceState.RiskAssessed)
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state",
                $"declaration {number} is {declaration.State} in the {declaration.Lane ?? "no"} lane; only a risk-assessed green or blue lane declaration is released without an officer.",
                $"tờ khai {number} đang ở trạng thái {declaration.State}, luồng {declaration.Lane ?? "chưa phân"}; chỉ tờ khai luồng xanh hoặc xanh dương đã đánh giá rủi ro mới được thông quan tự động.",
                $"报关单{number}当前状态为{declaration.State}，通道为{declaration.Lane ?? "未分配"}；只有已完成风险评估的绿色或蓝色通道报关单才能自动放行。");
        if (declaration.Type == DeclarationType.Export)
            return await timeline.MoveAsync(tx, number, ClearanceState.ReleasedForExport, system, detail, cancellationToken, current: declaration);
        var arrived = declaration.ArrivedAt is null ? await RecordArrivalAsync(tx, declaration, system, cancellationToken) : declaration;
        return await timeline.MoveAsync(tx, number, ClearanceState.ReleasedForImport, system, detail, cancellationToken, current: arrived);
    }

    private async Task<StoredDeclaration> RecordArrivalAsync(NodeTransaction tx, StoredDeclaration declaration, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await tx.Connection.ExecuteAsync("UPDATE clearance_declarations SET arrived_ms = @now WHERE number = @number",
            new { number = declaration.Number, now = now.ToUnixTimeMilliseconds() }, tx.Transaction);
        await timeline.RecordAsync(tx, declaration.Number, ClearanceState.Arrived, actor, null, now, cancellationToken);
        await timeline.PublishAsync(tx, declaration, ClearanceState.Arrived, now, null, cancellationToken);
        return declaration with { ArrivedAt = now };
    }

    /// <summary>Released goods left this side's customs area (for an import, the end of the journey).</summary>
    public Task<StoredDeclaration> ExitAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            return await timeline.MoveAsync(tx, number, ClearanceState.Exited, actor, null, cancellationToken);
        }, cancellationToken);

    private async Task<StoredDeclaration> ReleaseAsync(NodeTransaction tx, StoredDeclaration declaration, Actor actor, string detail, CancellationToken cancellationToken)
    {
        // One inspection for both sides: its result, whoever recorded it, decides; a red lane is not released without one.
        var inspection = await inspections.DecidingInspectionAsync(tx, declaration);
        if (inspection is { Outcome: null })
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"joint inspection {inspection.Id} of consignment {inspection.Consignment} has no result yet.",
                $"cuộc kiểm tra chung {inspection.Id} đối với lô hàng {inspection.Consignment} chưa có kết quả.",
                $"货物批次{inspection.Consignment}的联合查验{inspection.Id}尚无结果。");
        if (inspection is { Outcome: InspectionOutcome.NonCompliant })
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"joint inspection {inspection.Id} found the goods non-compliant ({inspection.Findings}); they cannot be released.",
                $"cuộc kiểm tra chung {inspection.Id} kết luận hàng hóa không phù hợp ({inspection.Findings}); không thể thông quan.",
                $"联合查验{inspection.Id}认定货物不合格（{inspection.Findings}）；不能放行。");
        if (inspection is null && declaration.Lane == RiskLanes.Red)
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {declaration.Number} is in the red lane; schedule and record the joint inspection first.",
                $"tờ khai {declaration.Number} thuộc luồng đỏ; hãy lên lịch kiểm tra chung và ghi nhận kết quả trước.",
                $"报关单{declaration.Number}为红色通道；请先安排联合查验并录入结果。");
        if (inspection is not null) detail += $"; joint inspection {inspection.Id} compliant (recorded by {inspection.RecordedSide})";
        if (declaration.Type == DeclarationType.Export)
            return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForExport, actor, detail, cancellationToken);
        if (declaration.ArrivedAt is null)
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"the goods of {declaration.Number} have not arrived; an import is released on arrival.",
                $"hàng hóa của {declaration.Number} chưa đến; hàng nhập khẩu được thông quan khi hàng đến.", $"{declaration.Number}的货物尚未抵达；进口货物在抵达时放行。");
        return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForImport, actor, detail, cancellationToken);
    }

    private async Task<StoredDeclaration> RecordOnlyAsync(NodeTransaction tx, StoredDeclaration declaration, Actor actor, string detail, CancellationToken cancellationToken)
    {
        await timeline.RecordAsync(tx, declaration.Number, ClearanceState.UnderControl, actor, detail, time.GetUtcNow(), cancellationToken);
        return declaration;
    }
}

/// <summary>The four lanes; green and blue release on data (blue is audited later).</summary>
public static class RiskLanes
{
    public const string Green = "green", Blue = "blue", Yellow = "yellow", Red = "red";

    public static bool ReleasesOnData(string? lane) => lane is Green or Blue;
}
