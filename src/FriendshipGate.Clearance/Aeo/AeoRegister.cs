using System.Text.RegularExpressions;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>A grant, suspension, reinstatement or revocation in one side's AEO register, shared with the other side.</summary>
public sealed record AeoChange(string AeoId, string Side, string CompanyId, string CompanyName, string Status, DateTimeOffset Since, string? Reason);

/// <summary>
/// Both sides' Authorised Economic Operators as this node knows them: its own register, kept by its officers, and the
/// other side's, received over the exchange (mutual recognition). A suspension or revocation takes the benefits away
/// from the moment it is recorded here.
/// </summary>
public sealed partial class AeoRegister(NodeDatabase database, ExchangeOutbox outbox, ClearanceOptions options, TimeProvider time)
{
    public const string MessageType = "clearance.aeo-changed";

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [AeoStatus.Active] = [AeoStatus.Suspended, AeoStatus.Revoked],
        [AeoStatus.Suspended] = [AeoStatus.Active, AeoStatus.Revoked],
        [AeoStatus.Revoked] = [],
    };

    /// <summary>Grants AEO status to a company of this side (an officer's act), and tells the other side.</summary>
    public Task<AeoStanding> GrantAsync(string aeoId, string companyId, string companyName, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AeoIdShape().IsMatch(aeoId) || !aeoId.StartsWith(options.Side + "-", StringComparison.Ordinal))
            throw new DeclarationRefusal(DeclarationRefusal.Conflict, "aeoId", $"'{aeoId}' must start with {options.Side}- and have 4-30 upper-case letters, digits or dashes.",
                $"“{aeoId}” phải bắt đầu bằng {options.Side}- và gồm 4-30 chữ cái in hoa, chữ số hoặc dấu gạch ngang.",
                $"“{aeoId}”必须以{options.Side}-开头，由4-30个大写字母、数字或连字符组成。");
        return database.WriteAsync(async tx =>
        {
            if (await FindAsync(tx.Connection, tx.Transaction, tx.Kind, [aeoId]) is { Count: > 0 })
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "aeoId", $"{aeoId} is in the register already.",
                    $"{aeoId} đã có trong danh sách AEO.", $"{aeoId}已在AEO名录中。");
            return await ApplyOwnAsync(tx, new AeoChange(aeoId, options.Side, companyId, companyName, AeoStatus.Active, time.GetUtcNow(), $"granted by {actor.Name}"), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Suspends, reinstates or revokes an AEO of this side; a revocation is final.</summary>
    public Task<AeoStanding> ChangeAsync(string aeoId, string status, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async tx =>
        {
            var current = (await FindAsync(tx.Connection, tx.Transaction, tx.Kind, [aeoId])).GetValueOrDefault(aeoId)
                ?? throw new DeclarationRefusal(DeclarationRefusal.NotFound, "aeoId", $"{aeoId} is not in the register.",
                    $"{aeoId} không có trong danh sách AEO.", $"{aeoId}不在AEO名录中。");
            if (current.Side != options.Side)
                throw new DeclarationRefusal(DeclarationRefusal.Forbidden, "aeoId", $"{aeoId} is in {current.Side}'s register; only {current.Side} customs change it.",
                    $"{aeoId} thuộc danh sách AEO của {current.Side}; chỉ hải quan {current.Side} mới được thay đổi.",
                    $"{aeoId}在{current.Side}方的AEO名录中；只有{current.Side}海关可以变更。");
            if (!Allowed.TryGetValue(status, out _) || !Allowed[current.Status].Contains(status))
                throw new DeclarationRefusal(DeclarationRefusal.Conflict, "status", $"{aeoId} is {current.Status}; it cannot become {status}.",
                    $"{aeoId} đang ở trạng thái {current.Status}; không thể chuyển sang {status}.", $"{aeoId}当前状态为{current.Status}；不能变为{status}。");
            return await ApplyOwnAsync(tx, new AeoChange(aeoId, options.Side, current.CompanyId, current.CompanyName, status, time.GetUtcNow(),
                $"{status} by {actor.Name}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}")), cancellationToken);
        }, cancellationToken);

    private async Task<AeoStanding> ApplyOwnAsync(NodeTransaction tx, AeoChange change, CancellationToken cancellationToken)
    {
        await UpsertAsync(tx, change);
        await outbox.EnqueueAsync(tx, new OutgoingMessage(MessageType, ClearanceMessages.SchemaVersion, $"aeo/{change.AeoId}", change), cancellationToken);
        return ToStanding(change);
    }

    internal static Task UpsertAsync(NodeTransaction tx, AeoChange change) => tx.Connection.ExecuteAsync(
        "INSERT INTO clearance_aeo_register (aeo_id, side, company_id, company_name, status, since_ms, reason) " +
        "VALUES (@AeoId, @Side, @CompanyId, @CompanyName, @Status, @since, @Reason) ON CONFLICT (aeo_id) DO UPDATE SET " +
        "status = excluded.status, since_ms = excluded.since_ms, reason = excluded.reason, company_name = excluded.company_name",
        new { change.AeoId, change.Side, change.CompanyId, change.CompanyName, change.Status, since = change.Since.ToUnixTimeMilliseconds(), change.Reason },
        tx.Transaction);

    /// <summary>The standing of each of <paramref name="aeoIds"/> that either register holds.</summary>
    public Task<IReadOnlyDictionary<string, AeoStanding>> FindAsync(IReadOnlyCollection<string> aeoIds, CancellationToken cancellationToken = default) =>
        aeoIds.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, AeoStanding>>(new Dictionary<string, AeoStanding>())
            : database.ReadAsync(c => FindAsync(c, null, database.Kind, aeoIds), cancellationToken);

    public async Task<IReadOnlyList<AeoStanding>> ListAsync(string? side, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<Row>(
            "SELECT aeo_id, side, company_id, company_name, status, since_ms FROM clearance_aeo_register WHERE (@side IS NULL OR side = @side) ORDER BY aeo_id",
            new { side }), cancellationToken)).Select(r => r.ToStanding()).ToList();

    private static async Task<IReadOnlyDictionary<string, AeoStanding>> FindAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        DatabaseKind kind, IReadOnlyCollection<string> aeoIds)
    {
        var rows = await connection.QueryAsync<Row>(
            "SELECT aeo_id, side, company_id, company_name, status, since_ms FROM clearance_aeo_register WHERE " + SqlLists.In(kind, "aeo_id", "@ids"),
            new { ids = SqlLists.Values(kind, aeoIds.ToList()) }, transaction);
        return rows.Select(r => r.ToStanding()).ToDictionary(s => s.AeoId);
    }

    private static AeoStanding ToStanding(AeoChange c) => new(c.AeoId, c.Side, c.CompanyId, c.CompanyName, c.Status, c.Since);

    private sealed record Row(string aeo_id, string side, string company_id, string company_name, string status, long since_ms)
    {
        public AeoStanding ToStanding() => new(aeo_id, side, company_id, company_name, status, DateTimeOffset.FromUnixTimeMilliseconds(since_ms));
    }

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9-]{4,30}$")]
    private static partial Regex AeoIdShape();
}

/// <summary>Records the other side's AEO grants, suspensions and revocations: mutual recognition follows its register.</summary>
public sealed class PeerAeoHandler() : PeerMessageHandler<AeoChange>(AeoRegister.MessageType)
{
    protected override Task ApplyAsync(NodeTransaction tx, AeoChange change, Envelope envelope, CancellationToken cancellationToken) =>
        AeoRegister.UpsertAsync(tx, change);

    protected override AeoChange Read(Envelope envelope)
    {
        var change = PeerPayload.Read<AeoChange>(envelope);
        if (change.AeoId is null || change.CompanyId is null || change.CompanyName is null || change.Status is not (AeoStatus.Active or AeoStatus.Suspended or AeoStatus.Revoked))
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "an AEO change needs aeoId, companyId, companyName and a status of active, suspended or revoked.");
        if (change.Side != envelope.Sender.Side)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"{change.AeoId} is said to be in {change.Side}'s register but comes from {envelope.Sender}.");
        return change;
    }
}
