using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// One-stop inspection: whichever side selects a consignment first schedules one joint inspection; a selection by the
/// other side joins it. The host side records its result once; it is shared and releases (or holds) both sides' declarations.
/// If both sides schedule at the same moment, both keep the inspection with the smaller id, so they agree without asking.
/// </summary>
public sealed class JointInspections(NodeDatabase database, DeclarationTimeline timeline, ExchangeOutbox outbox, ClearanceOptions options, TimeProvider time)
{
    public const string ScheduledType = "clearance.inspection-scheduled", ResultType = "clearance.inspection-result";

    /// <summary>The consignment a declaration belongs to: its export declaration's number, on whichever side.</summary>
    public static string ConsignmentOf(StoredDeclaration declaration) =>
        declaration.Type == DeclarationType.Export ? declaration.Number : declaration.AdvanceData ?? declaration.Number;

    /// <summary>Schedules the joint inspection of a declaration's consignment, or returns the one already scheduled.</summary>
    public Task<JointInspection> ScheduleAsync(string number, DateTimeOffset slot, string place, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            RequireOfficer(actor);
            var declaration = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            var consignment = ConsignmentOf(declaration);
            if (await FindActiveAsync(tx, consignment) is { } existing) return existing;
            if (!ClearanceState.IsBeforeRelease(declaration.State))
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {number} is {declaration.State}; goods are inspected before release.",
                    $"tờ khai {number} đang ở trạng thái {declaration.State}; hàng hóa được kiểm tra trước khi thông quan.",
                    $"报关单{number}当前状态为{declaration.State}；货物应在放行前查验。");
            var inspection = new JointInspection(MessageId.New(time).ToString(), consignment, options.Side, slot, place, InspectionStatus.Scheduled,
                null, null, null, null, null, null);
            await InsertAsync(tx, inspection);
            if (declaration.State != ClearanceState.UnderControl)
                await timeline.MoveAsync(tx, number, ClearanceState.UnderControl, actor, $"joint inspection {inspection.Id} at {place}, {slot:yyyy-MM-dd HH:mm}Z", cancellationToken);
            await outbox.EnqueueAsync(tx, new OutgoingMessage(ScheduledType, ClearanceMessages.SchemaVersion, $"inspection/{inspection.Id}", inspection), cancellationToken);
            return inspection;
        }, cancellationToken);

    /// <summary>Records the result once; the other side receives it and accepts it.</summary>
    public Task<JointInspection> RecordResultAsync(string inspectionId, string outcome, string? findings, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            RequireOfficer(actor);
            var inspection = await FindAsync(tx, inspectionId)
                ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "inspectionId", $"there is no joint inspection {inspectionId}.",
                    $"không có cuộc kiểm tra chung {inspectionId}.", $"不存在联合查验{inspectionId}。");
            if (inspection.Status == InspectionStatus.Merged)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "inspectionId", $"inspection {inspectionId} was merged into {inspection.MergedInto}; record the result there.",
                    $"cuộc kiểm tra {inspectionId} đã được gộp vào {inspection.MergedInto}; hãy ghi nhận kết quả tại đó.",
                    $"查验{inspectionId}已并入{inspection.MergedInto}；请在该查验中录入结果。");
            // The side that scheduled the inspection hosts it and records its result: one result, never two racing across the border.
            if (inspection.RequestedSide != options.Side)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "inspectionId",
                    $"{inspection.RequestedSide} hosts joint inspection {inspectionId} and records its result; this side accepts it when it arrives.",
                    $"bên {inspection.RequestedSide} chủ trì cuộc kiểm tra chung {inspectionId} và ghi nhận kết quả; bên này tiếp nhận kết quả khi được gửi đến.",
                    $"联合查验{inspectionId}由{inspection.RequestedSide}方主持并录入结果；本方在收到结果后予以采信。");
            if (inspection.Outcome is not null)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "outcome", $"inspection {inspectionId} has its result already ({inspection.Outcome}, recorded by {inspection.RecordedSide}); it is recorded once for both sides.",
                    $"cuộc kiểm tra {inspectionId} đã có kết quả ({inspection.Outcome}, do bên {inspection.RecordedSide} ghi nhận); kết quả chỉ được ghi nhận một lần cho cả hai bên.",
                    $"查验{inspectionId}已有结果（{inspection.Outcome}，由{inspection.RecordedSide}方录入）；结果只录入一次，双方共用。");
            var result = new InspectionResult(inspectionId, inspection.Consignment, outcome, findings, options.Side, actor.Name, time.GetUtcNow());
            await ApplyResultAsync(tx, result, cancellationToken);
            await outbox.EnqueueAsync(tx, new OutgoingMessage(ResultType, ClearanceMessages.SchemaVersion, $"inspection/{inspectionId}", result), cancellationToken);
            return (await FindAsync(tx, inspectionId))!;
        }, cancellationToken);

    /// <summary>The other side scheduled an inspection: keep it, or merge it with ours (the smaller id wins on both sides).</summary>
    internal async Task ReceiveScheduledAsync(NodeTransaction tx, JointInspection theirs, CancellationToken cancellationToken)
    {
        if (await FindActiveAsync(tx, theirs.Consignment) is { } ours && ours.Id != theirs.Id)
        {
            var (keep, drop) = string.CompareOrdinal(ours.Id, theirs.Id) < 0 ? (ours, theirs) : (theirs, ours);
            await InsertAsync(tx, theirs);
            await tx.Connection.ExecuteAsync("UPDATE clearance_inspections SET status = @merged, merged_into = @keep WHERE id = @drop",
                new { merged = InspectionStatus.Merged, keep = keep.Id, drop = drop.Id }, tx.Transaction);
            return;
        }
        await InsertAsync(tx, theirs);
        // This side's declaration of the consignment, if it has one, is now under control too.
        foreach (var number in await OwnDeclarationsAsync(tx, theirs.Consignment))
            if ((await timeline.LoadAsync(tx, number, cancellationToken))?.State is ClearanceState.Accepted or ClearanceState.RiskAssessed)
                await timeline.MoveAsync(tx, number, ClearanceState.UnderControl, new Actor(theirs.RequestedSide, "peer", options.Side, null),
                    $"joint inspection {theirs.Id} requested by {theirs.RequestedSide}", cancellationToken);
    }

    internal async Task ApplyResultAsync(NodeTransaction tx, InspectionResult result, CancellationToken cancellationToken)
    {
        await tx.Connection.ExecuteAsync(
            "UPDATE clearance_inspections SET status = @completed, outcome = @Outcome, findings = @Findings, recorded_side = @RecordedSide, recorded_by = @RecordedBy, " +
            "recorded_ms = @at WHERE id = @InspectionId AND outcome IS NULL",
            new { completed = InspectionStatus.Completed, result.Outcome, result.Findings, result.RecordedSide, result.RecordedBy, at = result.At.ToUnixTimeMilliseconds(), result.InspectionId },
            tx.Transaction);
        if (result.Outcome == InspectionOutcome.NonCompliant)
            await tx.Connection.ExecuteAsync(
                "UPDATE clearance_trader_history SET discrepancies = discrepancies + 1 WHERE company IN " +
                "(SELECT owner_company FROM clearance_declarations WHERE number = @consignment OR advance_ref = @consignment)",
                new { consignment = result.Consignment }, tx.Transaction);
        foreach (var number in await OwnDeclarationsAsync(tx, result.Consignment))
            await timeline.RecordAsync(tx, number, ClearanceState.UnderControl, new Actor(result.RecordedBy, "officer", result.RecordedSide, null),
                $"joint inspection {result.InspectionId}: {result.Outcome}" + (result.Findings is null ? "" : $" ({result.Findings})"), result.At, cancellationToken);
    }

    /// <summary>The completed inspection that decides whether a declaration under control may be released, if any.</summary>
    public async Task<JointInspection?> DecidingInspectionAsync(NodeTransaction tx, StoredDeclaration declaration) =>
        await FindActiveAsync(tx, ConsignmentOf(declaration));

    public Task<JointInspection?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => FindAsync(c, null, id), cancellationToken);

    public async Task<IReadOnlyList<JointInspection>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>(Select + "WHERE slot_ms >= @from AND slot_ms < @to ORDER BY slot_ms",
            new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }), cancellationToken)).Select(r => r.ToInspection()).ToList();

    private static async Task<JointInspection?> FindActiveAsync(NodeTransaction tx, string consignment) =>
        (await tx.Connection.QueryAsync<Row>(Select + "WHERE consignment = @consignment AND status <> @merged ORDER BY id LIMIT 1",
            new { consignment, merged = InspectionStatus.Merged }, tx.Transaction)).Select(r => r.ToInspection()).FirstOrDefault();

    private static Task<JointInspection?> FindAsync(NodeTransaction tx, string id) => FindAsync(tx.Connection, tx.Transaction, id);

    private static async Task<JointInspection?> FindAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string id) =>
        (await connection.QueryAsync<Row>(Select + "WHERE id = @id", new { id }, transaction)).Select(r => r.ToInspection()).SingleOrDefault();

    private static async Task<IReadOnlyList<string>> OwnDeclarationsAsync(NodeTransaction tx, string consignment) =>
        (await tx.Connection.QueryAsync<string>("SELECT number FROM clearance_declarations WHERE number = @consignment OR advance_ref = @consignment",
            new { consignment }, tx.Transaction)).ToList();

    private Task InsertAsync(NodeTransaction tx, JointInspection i) => tx.Connection.ExecuteAsync(
        "INSERT INTO clearance_inspections (id, consignment, requested_side, slot_ms, place, status, created_ms) VALUES (@Id, @Consignment, @RequestedSide, @slot, @Place, @Status, @now) " +
        "ON CONFLICT (id) DO NOTHING",
        new { i.Id, i.Consignment, i.RequestedSide, slot = i.Slot.ToUnixTimeMilliseconds(), i.Place, i.Status, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx.Transaction);

    private static void RequireOfficer(Actor actor)
    {
        if (actor.Role != NodeRoles.Officer)
            throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "role", $"only a customs officer schedules or records an inspection; you are a {actor.Role}.",
                $"chỉ công chức hải quan mới được lên lịch hoặc ghi nhận kết quả kiểm tra; vai trò của bạn là {actor.Role}.",
                $"只有海关关员才能安排查验或录入查验结果；您的角色是{actor.Role}。");
    }

    private const string Select = "SELECT id, consignment, requested_side, slot_ms, place, status, outcome, findings, recorded_side, recorded_by, recorded_ms, merged_into FROM clearance_inspections ";

    private sealed record Row(string id, string consignment, string requested_side, long slot_ms, string place, string status, string? outcome, string? findings,
        string? recorded_side, string? recorded_by, long? recorded_ms, string? merged_into)
    {
        public JointInspection ToInspection() => new(id, consignment, requested_side, DateTimeOffset.FromUnixTimeMilliseconds(slot_ms), place, status, outcome, findings,
            recorded_side, recorded_by, recorded_ms is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, merged_into);
    }
}
