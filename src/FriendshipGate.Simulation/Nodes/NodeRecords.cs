using Dapper;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>
/// What one gate pair's nodes recorded over a run, read from their databases: VN's exports and their lanes and steps, the
/// gate's device readings, alerts and passes, joint inspections, the exchange both ways (sent, acknowledged, still queued,
/// received, sends refused by a down link), CN's advance data, imports and their steps, and whether both evidence logs
/// verify offline.
/// </summary>
public sealed record NodeRecords(
    long Exports, IReadOnlyDictionary<string, long> ExportLanes, long ReleasedForExport, long CrossedBorder,
    long DeviceReadings, long GateAlerts, long GatePasses, long JointInspections, long InspectionResultsAtCn,
    long MessagesSent, long MessagesAcknowledged, long MessagesUnsettled, long MessagesReceived, long TransmissionsRefusedByOutage,
    long AdvanceDataAtCn, long Imports, long ReleasedForImport, long ExitedAtCn, int WaitingAtCn, bool EvidenceIntact)
{
    internal static async Task<NodeRecords> ReadAsync(GatePairNodes nodes)
    {
        var (vn, cn) = (nodes.Pair.Vn.Database, nodes.Pair.Cn.Database);
        Task<long> Count(NodeDatabase database, string sql, object? parameters = null) => database.ReadAsync(c => c.ExecuteScalarAsync<long>(sql, parameters));
        Task<long> Events(NodeDatabase database, string state) => Count(database, "SELECT COUNT(*) FROM clearance_events WHERE state = @state", new { state });
        Task<long> Outbox(string where) => Sum(d => Count(d, "SELECT COUNT(*) FROM exchange_outbox WHERE " + where));
        async Task<long> Sum(Func<NodeDatabase, Task<long>> count) => await count(vn) + await count(cn);
        var lanes = (await vn.ReadAsync(c => c.QueryAsync<(string Lane, long Count)>(
            "SELECT lane, COUNT(*) FROM clearance_declarations WHERE type = 'export' GROUP BY lane ORDER BY lane"))).ToDictionary(r => r.Lane, r => r.Count);
        return new NodeRecords(
            await Count(vn, "SELECT COUNT(*) FROM clearance_declarations WHERE type = 'export'"), lanes,
            await Events(vn, ClearanceState.ReleasedForExport), await Events(vn, ClearanceState.CrossedBorder),
            await Count(vn, "SELECT COUNT(*) FROM gate_device_events"), await Count(vn, "SELECT COUNT(*) FROM gate_alerts"),
            await Count(vn, "SELECT COUNT(*) FROM gate_visits WHERE state = 'passed'"),
            await Count(vn, "SELECT COUNT(*) FROM clearance_inspections WHERE outcome IS NOT NULL"),
            await Count(cn, "SELECT COUNT(*) FROM clearance_inspections WHERE outcome IS NOT NULL"),
            await Outbox("1 = 1"), await Outbox($"state = '{DeliveryState.Acknowledged}'"), await Outbox("state IN ('queued', 'sent')"),
            await Sum(d => Count(d, "SELECT COUNT(*) FROM exchange_inbox")), nodes.Pair.Transmissions.Failed,
            await Count(cn, "SELECT COUNT(*) FROM clearance_advance_data"),
            await Count(cn, "SELECT COUNT(*) FROM clearance_declarations WHERE type = 'import'"),
            await Events(cn, ClearanceState.ReleasedForImport), await Events(cn, ClearanceState.Exited), nodes.WaitingAtCn,
            await VerifiesAsync(nodes.Pair.Vn) && await VerifiesAsync(nodes.Pair.Cn));
    }

    /// <summary>Exports the node's evidence log as `fgate evidence export` does and checks it as `fgate verify` does.</summary>
    private static async Task<bool> VerifiesAsync(TwinNode node)
    {
        var export = new StringWriter();
        await EvidenceExport.WriteAsync(node.Database, node.Id, export, node.Time);
        return EvidenceVerifier.Verify(new StringReader(export.ToString())).Intact;
    }
}
