using System.Data.Common;
using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// Moves declarations through their states: each move is checked against the lifecycle, timestamped (the Time Release
/// Study reads these events) and published to the other side when the declaration concerns it.
/// </summary>
public sealed class DeclarationTimeline(ExchangeOutbox outbox, ClearanceOptions options, TimeProvider time)
{
    private const string Select =
        "SELECT d.number, d.side, d.type, d.kind, d.owner_company, d.state, d.version, d.lane, d.perishable, d.aeo, d.advance_ref, d.lodged_ms, " +
        "d.arrived_ms, d.released_ms, d.complete_by_ms, d.updated_ms, v.content FROM clearance_declarations d " +
        "JOIN clearance_declaration_versions v ON v.number = d.number AND v.version = d.version ";

    public static async Task<StoredDeclaration?> LoadAsync(DbConnection connection, DbTransaction? transaction, string number, bool forUpdate = false) =>
        (await connection.QueryAsync<Row>(Select + "WHERE d.number = @number" + (forUpdate ? " FOR UPDATE OF d" : ""), new { number }, transaction))
        .Select(r => r.ToStored()).SingleOrDefault();

    public Task<StoredDeclaration?> LoadAsync(NodeTransaction tx, string number, CancellationToken cancellationToken) =>
        LoadAsync(tx.Connection, tx.Transaction, number, forUpdate: tx.Kind == DatabaseKind.Postgres);

    public static async Task<IReadOnlyList<StoredDeclaration>> ListAsync(DbConnection connection, string? ownerCompany, string? state, string? lane, int limit) =>
        (await connection.QueryAsync<Row>(Select +
            "WHERE (@owner IS NULL OR d.owner_company = @owner) AND (@state IS NULL OR d.state = @state) AND (@lane IS NULL OR d.lane = @lane) " +
            "ORDER BY d.lodged_ms DESC, d.number DESC LIMIT @limit", new { owner = ownerCompany, state, lane, limit }))
        .Select(r => r.ToStored()).ToList();

    /// <summary>Loads a declaration the actor may change: a trader its own company's, an officer its own side's.</summary>
    public async Task<StoredDeclaration> LoadForUpdateAsync(NodeTransaction tx, string number, Actor actor, CancellationToken cancellationToken)
    {
        var declaration = await LoadAsync(tx, number, cancellationToken)
            ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "number", $"there is no declaration {number} on the {options.Side} node.",
                $"không có tờ khai {number} trên nút {options.Side}.", $"{options.Side}节点上没有报关单{number}。");
        Authorize(declaration, actor);
        return declaration;
    }

    public static void Authorize(StoredDeclaration declaration, Actor actor)
    {
        if (actor.Side != declaration.Side)
            throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "number", $"declaration {declaration.Number} is {declaration.Side}'s; a {actor.Side} {actor.Role} cannot act on it.",
                $"tờ khai {declaration.Number} thuộc bên {declaration.Side}; {actor.Role} của bên {actor.Side} không thể thao tác trên tờ khai này.",
                $"报关单{declaration.Number}属于{declaration.Side}方；{actor.Side}方的{actor.Role}无权对其操作。");
        if (actor.Role == "trader" && !string.Equals(actor.Company, declaration.OwnerCompany, StringComparison.OrdinalIgnoreCase))
            throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "number", $"declaration {declaration.Number} belongs to another company.",
                $"tờ khai {declaration.Number} thuộc về công ty khác.", $"报关单{declaration.Number}属于其他企业。");
    }

    /// <summary>Moves the declaration to <paramref name="to"/> if its lifecycle allows it, records the event and publishes it.</summary>
    /// <param name="current">The declaration as the caller has it in this transaction, to save reading it again.</param>
    public async Task<StoredDeclaration> MoveAsync(NodeTransaction tx, string number, string to, Actor actor, string? detail, CancellationToken cancellationToken,
        string? lane = null, StoredDeclaration? current = null)
    {
        current ??= await LoadAsync(tx, number, cancellationToken)
            ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "number", $"there is no declaration {number} on the {options.Side} node.",
                $"không có tờ khai {number} trên nút {options.Side}.", $"{options.Side}节点上没有报关单{number}。");
        if (!ClearanceState.CanMove(current.State, to))
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "state", $"declaration {number} is {current.State}; it cannot become {to}.",
                $"tờ khai {number} đang ở trạng thái {current.State}; không thể chuyển sang {to}.", $"报关单{number}当前状态为{current.State}；不能变为{to}。");
        var now = time.GetUtcNow();
        var released = to is ClearanceState.ReleasedForExport or ClearanceState.ReleasedForImport;
        long? completeBy = released && current.Kind == DeclarationKind.Summary ? (now + options.TwoStepCompletion).ToUnixTimeMilliseconds() : null;
        await tx.Connection.ExecuteAsync(
            "UPDATE clearance_declarations SET state = @to, lane = COALESCE(@lane, lane), updated_ms = @now, " +
            "released_ms = CASE WHEN @released = 1 THEN @now ELSE released_ms END, complete_by_ms = COALESCE(@completeBy, complete_by_ms) WHERE number = @number",
            new { number, to, lane, now = now.ToUnixTimeMilliseconds(), released = released ? 1L : 0L, completeBy }, tx.Transaction);
        await RecordAsync(tx, number, to, actor, detail, now, cancellationToken);
        var moved = current with
        {
            State = to, Lane = lane ?? current.Lane, UpdatedAt = now, ReleasedAt = released ? now : current.ReleasedAt,
            CompleteBy = completeBy is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : current.CompleteBy,
        };
        await PublishAsync(tx, moved, to, now, detail, cancellationToken);
        return moved;
    }

    /// <summary>Records an event of this side's declaration (published when the other side follows it).</summary>
    public async Task RecordAsync(NodeTransaction tx, string number, string state, Actor actor, string? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_events (number, side, state, at_ms, actor, detail) VALUES (@number, @side, @state, @at, @actor, @detail)",
            new { number, side = options.Side, state, at = at.ToUnixTimeMilliseconds(), actor = actor.Name, detail }, tx.Transaction);
    }

    /// <summary>Sends an export declaration's current version to the other side as advance data (with this transaction's messages).</summary>
    public Task ShareAsync(NodeTransaction tx, StoredDeclaration declaration, CancellationToken cancellationToken)
    {
        if (declaration.Type != DeclarationType.Export) return Task.CompletedTask;
        Outgoing(tx, cancellationToken).Shared.Add(new OutgoingMessage(ClearanceMessages.DeclarationShared, ClearanceMessages.SchemaVersion,
            $"declaration/{declaration.Number}", new SharedDeclaration(declaration.Number, declaration.Side, declaration.Version, declaration.LodgedAt, declaration.Content)));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Adds a step to what the other side will be told about this declaration; the steps of one transaction go out as one
    /// message, written just before it commits (so they still commit or vanish with it).
    /// </summary>
    internal Task PublishAsync(NodeTransaction tx, StoredDeclaration declaration, string state, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        // The other side follows an export (it receives the advance data) and an import made from its advance data.
        if (declaration.Type != DeclarationType.Export && declaration.AdvanceData is null) return Task.CompletedTask;
        var pending = Outgoing(tx, cancellationToken).Steps;
        var list = pending.TryGetValue(declaration.Number, out var entry) ? entry.Steps : [];
        var codes = LifecycleCodes.For(state);
        list.Add(new StatusStep(state, at, detail, codes.WcoFunctionCode, codes.Edifact4343));
        pending[declaration.Number] = (declaration, list);
        return Task.CompletedTask;
    }

    /// <summary>
    /// What this transaction tells the other side, signed and queued in one go just before commit: the shared declarations
    /// first, then each declaration's steps (a group commit of many lodgements signs them all together, on every core).
    /// </summary>
    private PendingMessages Outgoing(NodeTransaction tx, CancellationToken cancellationToken) => tx.Item(this, () =>
    {
        var pending = new PendingMessages();
        tx.OnCommitting(() => outbox.EnqueueAsync(tx, [.. pending.Shared, .. pending.Steps.Values.Select(p => new OutgoingMessage(ClearanceMessages.StatusChanged,
            ClearanceMessages.SchemaVersion, $"declaration/{p.Declaration.Number}",
            new StatusChange(p.Declaration.Number, p.Declaration.Side, p.Declaration.Type, p.Declaration.Lane, p.Declaration.AdvanceData, p.Steps)))], cancellationToken));
        return pending;
    });

    private sealed class PendingMessages
    {
        public List<OutgoingMessage> Shared { get; } = [];
        public Dictionary<string, (StoredDeclaration Declaration, List<StatusStep> Steps)> Steps { get; } = [];
    }

    private sealed record Row(string number, string side, string type, string kind, string owner_company, string state, long version, string? lane,
        long perishable, long aeo, string? advance_ref, long lodged_ms, long? arrived_ms, long? released_ms, long? complete_by_ms, long updated_ms, string content)
    {
        private static DateTimeOffset? At(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

        public StoredDeclaration ToStored() => new(number, side, type, kind, owner_company, state, (int)version, lane, perishable != 0, aeo != 0, advance_ref,
            DateTimeOffset.FromUnixTimeMilliseconds(lodged_ms), At(arrived_ms), At(released_ms), At(complete_by_ms), DateTimeOffset.FromUnixTimeMilliseconds(updated_ms),
            JsonSerializer.Deserialize<DeclarationContent>(content, WireJson.Options)!);
    }
}
