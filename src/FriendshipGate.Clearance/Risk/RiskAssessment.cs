using System.Globalization;
using System.Text.Json;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>
/// Puts each accepted declaration in a lane, in the transaction that accepted it, and records the decision with what it
/// needs to be replayed: the subject, the rule-set version, the seed and the lane counts it saw. A green or blue export
/// is released on data at once; a green or blue import is released the moment its goods arrive.
/// </summary>
public sealed class RiskAssessment(RiskEngine engine, DeclarationTimeline timeline, GoodsCrosswalk crosswalk, ProtocolProductCatalog products, ClearanceOptions options, TimeProvider time)
{
    public async Task<StoredDeclaration> AssessAsync(NodeTransaction tx, StoredDeclaration declaration, CancellationToken cancellationToken)
    {
        var subject = await SubjectAsync(tx, declaration);
        var counts = await CountsAsync(tx);
        var decision = engine.Decide(subject, RiskEngine.SeedFor(options.RiskSeed, declaration.Number), counts);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_risk_decisions (number, lane, rule_set_version, seed, subject, reasons, counts_before, decided_ms) " +
            "VALUES (@number, @Lane, @RuleSetVersion, @seed, @subject, @reasons, @counts, @now)",
            new
            {
                number = declaration.Number, decision.Lane, decision.RuleSetVersion, seed = decision.Seed.ToString(CultureInfo.InvariantCulture),
                subject = JsonSerializer.Serialize(subject, WireJson.Options), reasons = JsonSerializer.Serialize(decision.Reasons, WireJson.Options),
                counts = JsonSerializer.Serialize(counts, WireJson.Options), now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            }, tx.Transaction);
        await tx.Connection.ExecuteAsync("UPDATE clearance_risk_counts SET decisions = decisions + 1 WHERE lane = @Lane", new { decision.Lane }, tx.Transaction);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_trader_history (company, declarations, red, discrepancies) VALUES (@owner, 1, @red, 0) " +
            "ON CONFLICT (company) DO UPDATE SET declarations = clearance_trader_history.declarations + 1, red = clearance_trader_history.red + excluded.red",
            new { owner = declaration.OwnerCompany, red = decision.Lane == RiskLanes.Red ? 1L : 0L }, tx.Transaction);
        var detail = $"{decision.Lane} lane (rules {decision.RuleSetVersion}): " + string.Join("; ", decision.Reasons.Select(r => r.Explanation.En));
        var assessed = await timeline.MoveAsync(tx, declaration.Number, ClearanceState.RiskAssessed, Actor.System(options.Side), detail, cancellationToken, decision.Lane, declaration);
        var system = Actor.System(options.Side);
        if (RiskLanes.ReleasesOnData(decision.Lane) && declaration.Type == DeclarationType.Export)
            return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForExport, system, $"{decision.Lane} lane: released on data", cancellationToken, current: assessed);
        if (RiskLanes.ReleasesOnData(decision.Lane) && declaration.ArrivedAt is not null)
            return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.ReleasedForImport, system, $"{decision.Lane} lane: released on data", cancellationToken, current: assessed);
        if (decision.Lane is RiskLanes.Yellow or RiskLanes.Red)
            return await timeline.MoveAsync(tx, declaration.Number, ClearanceState.UnderControl, system,
                decision.Lane == RiskLanes.Red ? "red lane: physical inspection" : "yellow lane: documentary check", cancellationToken, current: assessed);
        return assessed;
    }

    /// <summary>
    /// Takes over traders' past declaration counts from an earlier record (a node that starts with the history of the
    /// system before it, as the digital twin's traders do), adding them to what is recorded here.
    /// </summary>
    public static Task ImportHistoryAsync(NodeDatabase database, IReadOnlyList<(string Company, long Declarations)> history, CancellationToken cancellationToken = default) =>
        database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "INSERT INTO clearance_trader_history (company, declarations, red, discrepancies) VALUES (@Company, @Declarations, 0, 0) " +
            "ON CONFLICT (company) DO UPDATE SET declarations = clearance_trader_history.declarations + excluded.declarations",
            history.Select(h => new { h.Company, h.Declarations }), tx.Transaction), cancellationToken);

    /// <summary>The recorded decision of a declaration, and what deciding again with the same inputs gives (it must be the same).</summary>
    public static async Task<RecordedRiskDecision?> FindAsync(NodeDatabase database, string number, CancellationToken cancellationToken) =>
        await database.ReadAsync(async c => (await c.QueryAsync<(string lane, string rule_set_version, string seed, string subject, string reasons, string counts_before, long decided_ms)>(
                "SELECT lane, rule_set_version, seed, subject, reasons, counts_before, decided_ms FROM clearance_risk_decisions WHERE number = @number", new { number }))
            .Select(r => new RecordedRiskDecision(number, r.lane, r.rule_set_version, ulong.Parse(r.seed, CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<RiskSubject>(r.subject, WireJson.Options)!, JsonSerializer.Deserialize<List<RiskReason>>(r.reasons, WireJson.Options)!,
                JsonSerializer.Deserialize<LaneCounts>(r.counts_before, WireJson.Options)!, DateTimeOffset.FromUnixTimeMilliseconds(r.decided_ms)))
            .SingleOrDefault(), cancellationToken);

    private static async Task<LaneCounts> CountsAsync(NodeTransaction tx)
    {
        // On PostgreSQL the counts rows are locked until commit: each decision sees exactly the ones before it.
        var rows = (await tx.Connection.QueryAsync<(string lane, long decisions)>(
            "SELECT lane, decisions FROM clearance_risk_counts" + (tx.Kind == DatabaseKind.Postgres ? " FOR UPDATE" : ""), transaction: tx.Transaction))
            .ToDictionary(r => r.lane, r => r.decisions);
        return new LaneCounts(rows.GetValueOrDefault(RiskLanes.Green), rows.GetValueOrDefault(RiskLanes.Blue), rows.GetValueOrDefault(RiskLanes.Yellow), rows.GetValueOrDefault(RiskLanes.Red));
    }

    private async Task<RiskSubject> SubjectAsync(NodeTransaction tx, StoredDeclaration declaration)
    {
        // The trader's history is kept as running counts: reading it costs the same on the first declaration and the millionth.
        var history = await tx.Connection.QuerySingleOrDefaultAsync<(long declarations, long red, long discrepancies)?>(
            "SELECT declarations, red, discrepancies FROM clearance_trader_history WHERE company = @owner", new { owner = declaration.OwnerCompany }, tx.Transaction)
            ?? (0, 0, 0);
        var content = declaration.Content;
        var items = content.Items.Select(i => new RiskItem(i.CommodityCode, i.Origin, i.NetKg, i.GrossKg, i.Value, i.Currency ?? "",
            Quarantine(i), crosswalk.Find(i.CommodityCode)?.Perishable == true)).ToList();
        return new RiskSubject(declaration.Number, declaration.Side, content.Type, content.Transport.Mode, items, content.Parties.Select(p => p.Id).ToList(),
            content.Parties.Any(p => p.AeoId is not null), new RiskHistory((int)history.declarations, (int)history.red, (int)history.discrepancies));
    }

    // A CN code carries its quarantine flag; a VN code is under quarantine when its CN candidates or its protocol say so.
    private bool Quarantine(GoodsItem item) =>
        crosswalk.Find(item.CommodityCode)?.Quarantine == true
        || crosswalk.Lookup(item.CommodityCode).Candidates.Any(c => c.Quarantine)
        || (item.Product is { } id && products.Find(id)?.RequiredDocuments.Contains(RequiredDocument.PhytosanitaryCertificate) == true);
}

public sealed record RecordedRiskDecision(string Number, string Lane, string RuleSetVersion, ulong Seed, RiskSubject Subject, IReadOnlyList<RiskReason> Reasons,
    LaneCounts CountsBefore, DateTimeOffset DecidedAt);
