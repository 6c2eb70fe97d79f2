using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>What people do with declarations, checked for their role and side: validate, lodge, amend, cancel, read.</summary>
public sealed class DeclarationService(
    NodeDatabase database, DeclarationStore store, AdvanceDataStore advanceData, GoodsCrosswalk crosswalk, ProtocolProductCatalog products, AeoRegister aeo,
    ClearanceOptions options)
{
    /// <summary>Every rule at once; null when any is broken (the errors say which). AEO ids are checked against both registers as they stand now.</summary>
    public async Task<DeclarationContent?> ValidateAsync(DeclarationInput input, ValidationErrors errors, CancellationToken cancellationToken = default)
    {
        var aeoIds = new[] { input.Exporter, input.Importer, input.Declarant }.Select(p => p?.AeoId?.Trim()).OfType<string>().Where(id => id.Length > 0).ToList();
        var standings = await aeo.FindAsync(aeoIds, cancellationToken);
        return DeclarationRules.Check(input, new DeclarationContext(options.Side, crosswalk, products, standings.GetValueOrDefault), errors);
    }

    public async Task<StoredDeclaration> SubmitAsync(DeclarationContent content, Actor actor, CancellationToken cancellationToken = default)
    {
        var owner = OwnerFor(content, actor);
        return await store.SubmitAsync(content, owner, actor, cancellationToken);
    }

    public Task<StoredDeclaration> AmendAsync(string number, DeclarationContent content, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        OwnerFor(content, actor);
        return store.AmendAsync(number, content, reason, actor, cancellationToken);
    }

    /// <summary>Withdraws a declaration before release: its trader (or the node's tools) may; an officer decides instead.</summary>
    public Task<StoredDeclaration> CancelAsync(string number, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (NodeRoles.Trader or NodeRoles.Operator)) throw NotADeclarer(actor);
        return store.CancelAsync(number, reason, actor, cancellationToken);
    }

    /// <summary>A declaration the actor may see: a trader only its company's, anyone only this side's.</summary>
    public async Task<StoredDeclaration> GetAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var declaration = await store.FindAsync(number, cancellationToken)
            ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "number", $"there is no declaration {number} on the {options.Side} node.",
                $"không có tờ khai {number} trên nút {options.Side}.", $"{options.Side}节点上没有报关单{number}。");
        DeclarationTimeline.Authorize(declaration, actor);
        return declaration;
    }

    /// <summary>Every version of a declaration the actor may see, oldest first.</summary>
    public async Task<IReadOnlyList<DeclarationVersion>> VersionsAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        await GetAsync(number, actor, cancellationToken);
        return await store.VersionsAsync(number, cancellationToken);
    }

    public Task<IReadOnlyList<StoredDeclaration>> ListAsync(Actor actor, string? state, string? lane, int limit, CancellationToken cancellationToken = default) =>
        store.ListAsync(actor.Role == NodeRoles.Trader ? actor.Company : null, state, lane, limit, cancellationToken);

    /// <summary>
    /// The company a declaration belongs to: a trader declares for its own company, which must be a party to it; the
    /// operator's tools declare for the declarant (or the exporter or importer).
    /// </summary>
    private string OwnerFor(DeclarationContent content, Actor actor)
    {
        if (actor.Role == NodeRoles.Trader)
        {
            if (!content.Parties.Any(p => string.Equals(p.Id, actor.Company, StringComparison.OrdinalIgnoreCase)))
                throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "declarant.id",
                    $"you declare for company {actor.Company}, which is not the exporter, importer or declarant of this declaration.",
                    $"bạn khai báo cho công ty {actor.Company}, nhưng công ty này không phải người xuất khẩu, người nhập khẩu hay người khai hải quan của tờ khai này.",
                    $"您代表企业{actor.Company}申报，但该企业不是本报关单的出口商、进口商或申报人。");
            return actor.Company!;
        }
        if (actor.Role == NodeRoles.Operator) return content.Declarant?.Id ?? (content.Type == DeclarationType.Import ? content.Importer.Id : content.Exporter.Id);
        throw NotADeclarer(actor);
    }

    private static DeclarationRefusal NotADeclarer(Actor actor) =>
        new(DeclarationRefusal.Forbidden, "role", $"a {actor.Role} does not lodge, amend or cancel declarations; traders (or the node's tools) do.",
            $"vai trò {actor.Role} không nộp, sửa hay hủy tờ khai; việc này do doanh nghiệp (trader) hoặc công cụ của nút thực hiện.",
            $"{actor.Role}角色不能提交、修改或撤销报关单；这些由贸易商（trader）或节点工具办理。");

    /// <summary>Lodges this side's import declaration from the other side's advance data, once, and links the two.</summary>
    public async Task<StoredDeclaration> ImportFromAdvanceAsync(string originNumber, DeclarationContent content, Actor actor, CancellationToken cancellationToken = default)
    {
        var owner = OwnerFor(content, actor);
        return await database.WriteAsync(async tx =>
        {
            var advance = await AdvanceDataStore.FindAsync(tx, originNumber)
                ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "originNumber", $"no advance data {originNumber} has arrived from {DeclarationContent.Other(options.Side)}.",
                    $"chưa nhận được dữ liệu khai báo trước {originNumber} từ {DeclarationContent.Other(options.Side)}.",
                    $"尚未收到来自{DeclarationContent.Other(options.Side)}的预申报数据{originNumber}。");
            if (advance.ImportNumber is { } existing)
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "originNumber", $"advance data {originNumber} is already import declaration {existing}.",
                    $"dữ liệu khai báo trước {originNumber} đã được lập thành tờ khai nhập khẩu {existing}.", $"预申报数据{originNumber}已生成进口报关单{existing}。");
            var stored = await store.SubmitAsync(tx, content with { AdvanceData = originNumber }, owner, actor, cancellationToken);
            await AdvanceDataStore.LinkAsync(tx, originNumber, stored.Number);
            return stored;
        }, cancellationToken);
    }

    /// <summary>Advance data the actor may see (a trader only what is addressed to its company as importer).</summary>
    public async Task<AdvanceData> GetAdvanceAsync(string originNumber, Actor actor, CancellationToken cancellationToken = default)
    {
        var advance = await advanceData.FindAsync(originNumber, cancellationToken)
            ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "originNumber", $"no advance data {originNumber} has arrived.",
                $"chưa nhận được dữ liệu khai báo trước {originNumber}.", $"尚未收到预申报数据{originNumber}。");
        Authorize(advance, actor);
        return advance;
    }

    /// <summary>
    /// The import declaration the importer's <paramref name="choices"/> make of <paramref name="advance"/>, checked by every rule
    /// (the code choices too); null when anything is wrong. The API and the portal lodge only what this returns.
    /// </summary>
    public async Task<DeclarationContent?> ValidateImportAsync(AdvanceData advance, ImportFromAdvanceInput choices, ValidationErrors errors,
        CancellationToken cancellationToken = default)
    {
        var input = ImportFromAdvanceData.Build(advance, choices, errors);
        var content = await ValidateAsync(input, errors, cancellationToken);
        return errors.Any ? null : content;
    }

    /// <summary>Advance data the actor may see: a trader only what is addressed to its company as importer.</summary>
    public static void Authorize(AdvanceData advance, Actor actor)
    {
        if (actor.Role == NodeRoles.Trader && !string.Equals(actor.Company, advance.ImporterCompany, StringComparison.OrdinalIgnoreCase))
            throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "originNumber", $"advance data {advance.OriginNumber} is addressed to another importer.",
                $"dữ liệu khai báo trước {advance.OriginNumber} được gửi cho người nhập khẩu khác.", $"预申报数据{advance.OriginNumber}发给的是其他进口商。");
    }
}
