using System.Data.Common;
using System.Globalization;
using Dapper;
using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>Recording this side's observations on an SQLite node: stored and shared in one transaction, or not at all.</summary>
public sealed class ObservationLedgerRecordTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 4, 0, 0, TimeSpan.Zero);

    private HydrologyNode node = null!;

    public async Task InitializeAsync() => node = await HydrologyNode.StartAsync(HydrologyNode.Vn);

    public async Task DisposeAsync()
    {
        if (node is not null) await node.DisposeAsync();
    }

    private static Observation Reading(string station, DateTimeOffset at, double? level = 79.1, double? discharge = null, double? rain = null) =>
        new(StationCode.Parse(station), "Red River", at, level, discharge, rain);

    private sealed record ObservationRow(string station, string river, string origin, long observed_ms, double? water_level_m,
        double? discharge_m3s, double? rainfall_mm, string message_id, long recorded_ms);

    private sealed record OutboxRow(string message_id, string type, string subject, string jws, string state);

    private Task<List<ObservationRow>> ObservationRowsAsync() => node.QueryAsync<ObservationRow>(
        "SELECT station, river, origin, observed_ms, water_level_m, discharge_m3s, rainfall_mm, message_id, recorded_ms FROM hydrology_observations ORDER BY id");

    private Task<List<OutboxRow>> OutboxRowsAsync() =>
        node.QueryAsync<OutboxRow>("SELECT o.message_id, o.type, o.subject, e.content AS jws, o.state FROM exchange_outbox o JOIN exchange_evidence e ON e.seq = o.evidence_seq ORDER BY o.seq");

    [Fact]
    public async Task Recording_a_batch_stores_each_observation_with_its_message_id_and_this_sides_origin()
    {
        Observation[] batch =
        [
            Reading("VN-LAOCAI", T0, 79.1, 1180.5, 12.4),
            Reading("VN-LAOCAI", T0.AddHours(1), 79.3),
            Reading("VN-HAGIANG", T0, level: null, rain: 30.2),
        ];

        var (ids, clashes) = await node.Ledger.RecordAsync(batch);

        Assert.Empty(clashes);
        Assert.Equal(3, ids.Distinct().Count());
        var now = node.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(batch.Select((o, i) => new ObservationRow(o.Station.Value, o.River, "VN", o.ObservedAt.ToUnixTimeMilliseconds(),
            o.WaterLevelM, o.DischargeM3s, o.RainfallMm, ids[i].ToString(), now)), await ObservationRowsAsync());
    }

    [Fact]
    public async Task Recording_a_batch_queues_exactly_one_signed_message_per_observation_to_the_peer()
    {
        Observation[] batch = [Reading("VN-LAOCAI", T0, 79.1, 1180.5, 12.4), Reading("VN-HAGIANG", T0.AddMinutes(30), 100.2)];

        var (ids, _) = await node.Ledger.RecordAsync(batch);

        var outbox = await OutboxRowsAsync();
        Assert.Equal(ids.Select(i => i.ToString()), outbox.Select(r => r.message_id));
        Assert.Equal((await ObservationRowsAsync()).Select(r => r.message_id), outbox.Select(r => r.message_id));
        for (var i = 0; i < batch.Length; i++)
        {
            Assert.Equal((ObservationLedger.MessageType, DeliveryState.Queued), (outbox[i].type, outbox[i].state));
            var jws = Jws.Parse(outbox[i].jws);
            Assert.True(jws.Verify(node.OwnKeys.Active.PublicKey));
            var envelope = Envelope.Parse(jws.Payload);
            Assert.Equal((ids[i], ObservationLedger.MessageType, ObservationLedger.SchemaVersion), (envelope.Id, envelope.Type, envelope.SchemaVersion));
            Assert.Equal((HydrologyNode.Vn, HydrologyNode.Cn), (envelope.Sender, envelope.Receiver));
            var payload = envelope.PayloadAs<ObservationInput>(WireJson.Options);
            Assert.Equal(new ObservationInput(batch[i].Station.Value, batch[i].River, batch[i].ObservedAt, batch[i].WaterLevelM,
                batch[i].DischargeM3s, batch[i].RainfallMm), payload);
        }
        Assert.Equal(["station/VN-LAOCAI/2025-06-01T04:00:00Z", "station/VN-HAGIANG/2025-06-01T04:30:00Z"], outbox.Select(r => r.subject));
        var sent = (await EvidenceLog.ReadAsync(node.Database, 0, 1000)).Where(e => e.Kind == EvidenceKind.MessageSent);
        Assert.Equal(ids.Select(i => i.ToString()), sent.Select(e => e.MessageId));
    }

    [Fact]
    public async Task When_storing_fails_midway_neither_the_observations_nor_their_messages_remain()
    {
        // The second observation's row is refused after the messages and the first row were written in the transaction.
        await node.Database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "CREATE TRIGGER refuse_hagiang BEFORE INSERT ON hydrology_observations WHEN NEW.station = 'VN-HAGIANG' " +
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END", transaction: tx.Transaction));
        var evidenceBefore = (await EvidenceLog.ReadAsync(node.Database, 0, 1000)).Count;

        await Assert.ThrowsAnyAsync<DbException>(() => node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0), Reading("VN-HAGIANG", T0)]));

        Assert.Equal(0, await node.CountAsync("hydrology_observations"));
        Assert.Equal(0, await node.CountAsync("exchange_outbox"));
        Assert.Equal(evidenceBefore, (await EvidenceLog.ReadAsync(node.Database, 0, 1000)).Count);
    }

    [Fact]
    public async Task A_batch_with_an_already_recorded_station_and_time_records_nothing_and_names_its_index()
    {
        var (first, _) = await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0, 79.1)]);

        var (ids, clashes) = await node.Ledger.RecordAsync(
            [Reading("VN-HAGIANG", T0), Reading("VN-LAOCAI", T0, 80.2), Reading("VN-LAOCAI", T0.AddHours(1))]);

        Assert.Empty(ids);
        Assert.Equal([1], clashes);
        var stored = Assert.Single(await ObservationRowsAsync());
        Assert.Equal((first[0].ToString(), 79.1), (stored.message_id, stored.water_level_m));
        Assert.Equal(first[0].ToString(), Assert.Single(await OutboxRowsAsync()).message_id);
    }

    [Fact]
    public async Task Every_clashing_index_of_a_batch_is_named_in_order()
    {
        await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0), Reading("VN-HAGIANG", T0.AddHours(2))]);

        var (ids, clashes) = await node.Ledger.RecordAsync(
            [Reading("VN-LAOCAI", T0), Reading("VN-LAOCAI", T0.AddHours(1)), Reading("VN-HAGIANG", T0.AddHours(2))]);

        Assert.Empty(ids);
        Assert.Equal([0, 2], clashes);
        Assert.Equal(2, await node.CountAsync("hydrology_observations"));
        Assert.Equal(2, await node.CountAsync("exchange_outbox"));
    }

    [Fact]
    public async Task The_same_instant_written_with_another_offset_is_a_clash()
    {
        await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0)]);

        var (ids, clashes) = await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0.ToOffset(TimeSpan.FromHours(7)))]);

        Assert.Empty(ids);
        Assert.Equal([0], clashes);
    }

    [Fact]
    public async Task The_same_station_at_another_time_or_another_station_at_the_same_time_is_no_clash()
    {
        await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0)]);

        var (ids, clashes) = await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0.AddMinutes(1)), Reading("VN-HAGIANG", T0)]);

        Assert.Empty(clashes);
        Assert.Equal(2, ids.Count);
        Assert.Equal(3, await node.CountAsync("hydrology_observations"));
        Assert.Equal(3, await node.CountAsync("exchange_outbox"));
    }

    [Fact]
    public async Task The_message_subject_follows_the_protocol_whatever_the_hosts_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var (culture, i) in new[] { "da-DK", "th-TH" }.Select((c, i) => (c, i)))
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0.AddHours(i))]);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(["station/VN-LAOCAI/2025-06-01T04:00:00Z", "station/VN-LAOCAI/2025-06-01T05:00:00Z"],
            (await OutboxRowsAsync()).Select(r => r.subject));
    }

    [Fact]
    public async Task The_message_subject_gives_the_time_in_utc_when_the_observation_carries_an_offset()
    {
        await node.Ledger.RecordAsync([Reading("VN-LAOCAI", T0.ToOffset(TimeSpan.FromHours(7)))]);

        Assert.Equal("station/VN-LAOCAI/2025-06-01T04:00:00Z", Assert.Single(await OutboxRowsAsync()).subject);
    }
}
