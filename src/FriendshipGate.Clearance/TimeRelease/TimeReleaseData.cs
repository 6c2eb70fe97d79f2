using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>Reads the timestamps of this side's declarations (and the other side's linked steps) for the Time Release Study.</summary>
public sealed class TimeReleaseData(NodeDatabase database)
{
    public Task<IReadOnlyList<DeclarationTimes>> LoadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async c =>
        {
            var declarations = (await c.QueryAsync<(string number, string side, string type, string? lane, long aeo, long perishable, long lodged_ms, long? arrived_ms, long? released_ms)>(
                "SELECT number, side, type, lane, aeo, perishable, lodged_ms, arrived_ms, released_ms FROM clearance_declarations " +
                "WHERE lodged_ms >= @from AND lodged_ms < @to AND state <> 'cancelled' ORDER BY lodged_ms",
                new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() })).ToList();
            // Each step's first time: this side's own events and the other side's, linked by declaration number.
            var firsts = (await c.QueryAsync<(string number, string state, long at_ms)>(
                "SELECT e.number, e.state, MIN(e.at_ms) FROM clearance_events e JOIN clearance_declarations d ON d.number = e.number " +
                "WHERE d.lodged_ms >= @from AND d.lodged_ms < @to GROUP BY e.number, e.state",
                new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() }))
                .ToDictionary(r => (r.number, r.state), r => r.at_ms);
            var inspected = (await c.QueryAsync<(string consignment, long recorded_ms)>(
                "SELECT consignment, MIN(recorded_ms) FROM clearance_inspections WHERE recorded_ms IS NOT NULL GROUP BY consignment"))
                .ToDictionary(r => r.consignment, r => r.recorded_ms);
            var peerImportExits = (await c.QueryAsync<(string linked_number, long at_ms)>(
                "SELECT l.linked_number, MIN(e.at_ms) FROM clearance_peer_links l JOIN clearance_events e ON e.number = l.number AND e.state = 'exited' GROUP BY l.linked_number"))
                .ToDictionary(r => r.linked_number, r => r.at_ms);
            var advance = (await c.QueryAsync<(string number, string? advance_ref)>("SELECT number, advance_ref FROM clearance_declarations WHERE advance_ref IS NOT NULL"))
                .ToDictionary(r => r.number, r => r.advance_ref);

            DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
            DateTimeOffset? First(string number, string state) => firsts.TryGetValue((number, state), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
            return (IReadOnlyList<DeclarationTimes>)declarations.Select(d =>
            {
                var consignment = d.type == DeclarationType.Export ? d.number : advance.GetValueOrDefault(d.number) ?? d.number;
                var export = d.type == DeclarationType.Export;
                return new DeclarationTimes(d.number, d.side, d.type, d.lane, d.aeo != 0, d.perishable != 0, DateTimeOffset.FromUnixTimeMilliseconds(d.lodged_ms),
                    At(d.arrived_ms), First(d.number, ClearanceState.RiskAssessed), At(inspected.TryGetValue(consignment, out var i) ? i : null), At(d.released_ms),
                    First(d.number, export ? ClearanceState.CrossedBorder : ClearanceState.Exited),
                    export ? At(peerImportExits.TryGetValue(d.number, out var e) ? e : null) : null);
            }).ToList();
        }, cancellationToken);
}
