using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// Lodges, amends and cancels declarations, keeping every version, and moves them through their lifecycle. Each change and
/// the message that tells the other side about it commit together.
/// </summary>
public sealed class DeclarationStore(
    NodeDatabase database, SubmissionBatcher batcher, ClearanceOptions options, DeclarationTimeline timeline, RiskAssessment risk, GoodsCrosswalk crosswalk, TimeProvider time)
{
    public Task<StoredDeclaration> SubmitAsync(DeclarationContent content, string ownerCompany, Actor actor, CancellationToken cancellationToken = default) =>
        batcher.SubmitAsync(tx => SubmitAsync(tx, content, ownerCompany, actor, CancellationToken.None), cancellationToken);

    /// <summary>Perishable goods (fresh fruit and vegetables) are measured apart in the Time Release Study and get the perishables quota.</summary>
    private bool IsPerishable(DeclarationContent content) => content.Items.Any(i => crosswalk.Find(i.CommodityCode)?.Perishable == true);

    internal async Task<StoredDeclaration> SubmitAsync(NodeTransaction tx, DeclarationContent content, string ownerCompany, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var number = await DeclarationNumbers.NextAsync(tx, options.Side, content.Type, options.CustomsOffice, now);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_declarations (number, side, type, kind, owner_company, state, version, perishable, aeo, advance_ref, lodged_ms, updated_ms) " +
            "VALUES (@number, @side, @type, @kind, @owner, @state, 1, @perishable, @aeo, @advance, @now, @now)",
            new
            {
                number, side = options.Side, type = content.Type, kind = content.Kind, owner = ownerCompany, state = ClearanceState.Received,
                perishable = IsPerishable(content) ? 1L : 0L, aeo = content.Parties.Any(p => p.AeoId is not null) ? 1L : 0L, advance = content.AdvanceData,
                now = now.ToUnixTimeMilliseconds(),
            }, tx.Transaction);
        await InsertVersionAsync(tx, number, 1, "submitted", content, null, actor, now);
        await timeline.RecordAsync(tx, number, ClearanceState.Received, actor, null, now, cancellationToken);
        // The other side gets the declaration first, then each state it reaches.
        var lodged = WireJson.Truncate(now);
        var received = new StoredDeclaration(number, options.Side, content.Type, content.Kind, ownerCompany, ClearanceState.Received, 1, null,
            IsPerishable(content), content.Parties.Any(p => p.AeoId is not null), content.AdvanceData, lodged, null, null, null, lodged, content);
        await timeline.ShareAsync(tx, received, cancellationToken);
        var accepted = await timeline.MoveAsync(tx, number, ClearanceState.Accepted, actor, null, cancellationToken, current: received);
        return await risk.AssessAsync(tx, accepted, cancellationToken);
    }

    /// <summary>Replaces the content with a new version; only before release (or to complete a released summary declaration).</summary>
    public async Task<StoredDeclaration> AmendAsync(string number, DeclarationContent content, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        await database.WriteAsync(async tx =>
        {
            var current = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            var completing = current.Kind == DeclarationKind.Summary && content.Kind == DeclarationKind.Complete;
            if (!ClearanceState.IsBeforeRelease(current.State) && !completing)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state",
                    $"declaration {number} is {current.State}; a declaration can be amended only before release.",
                    $"tờ khai {number} đang ở trạng thái {current.State}; tờ khai chỉ được sửa đổi trước khi thông quan.",
                    $"报关单{number}当前状态为{current.State}；报关单只能在放行前修改。");
            if (content.Type != current.Type)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "type", $"declaration {number} is an {current.Type}; an amendment cannot make it an {content.Type}.",
                    $"tờ khai {number} là tờ khai {current.Type}; sửa đổi không thể chuyển thành tờ khai {content.Type}.",
                    $"报关单{number}为{current.Type}报关单；修改不能将其改为{content.Type}报关单。");
            if (current.Kind == DeclarationKind.Complete && content.Kind == DeclarationKind.Summary)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "kind", $"declaration {number} is complete; it cannot become a summary declaration.",
                    $"tờ khai {number} là tờ khai đầy đủ; không thể chuyển thành tờ khai tóm tắt.", $"报关单{number}为完整申报；不能改为概要申报。");
            var now = time.GetUtcNow();
            var version = current.Version + 1;
            await InsertVersionAsync(tx, number, version, completing ? "completed" : "amended", content with { AdvanceData = current.AdvanceData }, reason, actor, now);
            await tx.Connection.ExecuteAsync(
                "UPDATE clearance_declarations SET version = @version, kind = @kind, aeo = @aeo, updated_ms = @now, " +
                "complete_by_ms = CASE WHEN @completing = 1 THEN NULL ELSE complete_by_ms END WHERE number = @number",
                new { number, version = (long)version, kind = content.Kind, aeo = content.Parties.Any(p => p.AeoId is not null) ? 1L : 0L,
                    now = now.ToUnixTimeMilliseconds(), completing = completing ? 1L : 0L }, tx.Transaction);
            await timeline.RecordAsync(tx, number, ClearanceState.Amended, actor, reason, now, cancellationToken);
            var amended = await timeline.LoadAsync(tx, number, cancellationToken) ?? throw new InvalidOperationException($"{number} vanished.");
            await timeline.ShareAsync(tx, amended, cancellationToken);
            return amended;
        }, cancellationToken);

    public async Task<StoredDeclaration> CancelAsync(string number, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        await database.WriteAsync(async tx =>
        {
            var current = await timeline.LoadForUpdateAsync(tx, number, actor, cancellationToken);
            if (!ClearanceState.IsBeforeRelease(current.State))
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {number} is {current.State}; it can be cancelled only before release.",
                    $"tờ khai {number} đang ở trạng thái {current.State}; chỉ có thể hủy tờ khai trước khi thông quan.",
                    $"报关单{number}当前状态为{current.State}；只能在放行前撤销。");
            return await timeline.MoveAsync(tx, number, ClearanceState.Cancelled, actor, reason, cancellationToken);
        }, cancellationToken);

    public Task<StoredDeclaration?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c => await DeclarationTimeline.LoadAsync(c, null, number));

    public async Task<IReadOnlyList<DeclarationVersion>> VersionsAsync(string number, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<(long version, string change, string? reason, string actor, long recorded_ms, string content)>(
            "SELECT version, change, reason, actor, recorded_ms, content FROM clearance_declaration_versions WHERE number = @number ORDER BY version",
            new { number })))
        .Select(v => new DeclarationVersion((int)v.version, v.change, v.reason, v.actor, DateTimeOffset.FromUnixTimeMilliseconds(v.recorded_ms),
            JsonSerializer.Deserialize<DeclarationContent>(v.content, WireJson.Options)!)).ToList();

    /// <summary>Declarations of this side, newest first; a trader's view is limited to its company.</summary>
    public async Task<IReadOnlyList<StoredDeclaration>> ListAsync(string? ownerCompany, string? state, string? lane, int limit, CancellationToken cancellationToken = default) =>
        await database.ReadAsync(c => DeclarationTimeline.ListAsync(c, ownerCompany, state, lane, limit));

    private static Task InsertVersionAsync(NodeTransaction tx, string number, int version, string change, DeclarationContent content, string? reason, Actor actor, DateTimeOffset now) =>
        tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_declaration_versions (number, version, change, content, reason, actor, recorded_ms) VALUES (@number, @version, @change, @content, @reason, @actor, @now)",
            new { number, version = (long)version, change, content = JsonSerializer.Serialize(content, WireJson.Options), reason, actor = actor.Name, now = now.ToUnixTimeMilliseconds() },
            tx.Transaction);
}
