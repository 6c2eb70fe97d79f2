using FriendshipGate.Exchange;

namespace FriendshipGate.Hydrology.Tests;

/// <summary>A VN node receiving CN observations over the exchange (clock at 08:00 UTC).</summary>
public sealed class PeerObservationHandlerTests : IAsyncLifetime
{
    private const string At = "\"observedAt\":\"2025-06-01T07:00:00+00:00\"";

    private HydrologyNode node = null!;

    public async Task InitializeAsync() => node = await HydrologyNode.StartAsync(HydrologyNode.Vn);

    public async Task DisposeAsync()
    {
        if (node is not null) await node.DisposeAsync();
    }

    [Fact]
    public void The_handler_takes_the_message_type_and_version_the_ledger_sends()
    {
        Assert.Equal(("hydrology.observation", 1), (node.Handler.MessageType, node.Handler.SchemaVersion));
        Assert.Equal((ObservationLedger.MessageType, ObservationLedger.SchemaVersion), (node.Handler.MessageType, node.Handler.SchemaVersion));
    }

    [Theory]
    [InlineData("{\"station\":\"VN-LAOCAI\"," + At + ",\"waterLevelM\":79}", "station: VN-LAOCAI is a VN station")]
    [InlineData("{\"station\":\"cn-hekou\",\"river\":\"Red River\"," + At + ",\"waterLevelM\":79}", "station: 'cn-hekou' must be")]
    [InlineData("{\"river\":\"Red River\"," + At + ",\"waterLevelM\":79}", "station: is required")]
    [InlineData("{\"station\":\"CN-NEWGAUGE\"," + At + ",\"waterLevelM\":79}", "river: is required")]
    [InlineData("{\"station\":\"CN-HEKOU\",\"waterLevelM\":79}", "observedAt: is required")]
    [InlineData("{\"station\":\"CN-HEKOU\",\"observedAt\":\"2025-06-01T09:00:00+00:00\",\"waterLevelM\":79}", "observedAt: 2025-06-01T09:00:00.0000000+00:00 is in the future")]
    [InlineData("{\"station\":\"CN-HEKOU\"," + At + "}", "waterLevelM: at least one of")]
    [InlineData("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":99999}", "waterLevelM: must be between")]
    [InlineData("{\"station\":\"CN-HEKOU\"," + At + ",\"dischargeM3s\":-5}", "dischargeM3s: must be between")]
    [InlineData("{\"station\":\"CN-HEKOU\"," + At + ",\"rainfallMm\":5000}", "rainfallMm: must be between")]
    public void A_payload_breaking_a_rule_is_refused_as_invalid_naming_the_rule(string payload, string detail)
    {
        var envelope = node.FromPeerJson(payload);

        var refusal = Assert.Throws<ExchangeRefusal>(() => node.Handler.Validate(envelope));
        Assert.Equal(RefusalReason.InvalidPayload, refusal.Reason);
        Assert.Contains(detail, refusal.Detail);
    }

    [Fact]
    public async Task A_null_measure_counts_as_absent()
    {
        var envelope = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":79,\"dischargeM3s\":null,\"rainfallMm\":null}");

        await node.ReceiveAsync(envelope);

        var stored = Assert.Single(await node.Ledger.ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal((79.0, null, null), (stored.WaterLevelM, stored.DischargeM3s, stored.RainfallMm));
    }

    [Theory]
    [InlineData("{\"station\":\"CN-HEKOU\",\"observedAt\":\"yesterday\",\"waterLevelM\":79}")]
    [InlineData("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":\"high\"}")]
    [InlineData("{\"station\":12," + At + ",\"waterLevelM\":79}")]
    [InlineData("[{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":79}]")]
    [InlineData("\"CN-HEKOU\"")]
    [InlineData("null")]
    public void A_payload_that_is_not_an_observation_is_refused_as_invalid(string payload)
    {
        var envelope = node.FromPeerJson(payload);

        var refusal = Assert.Throws<ExchangeRefusal>(() => node.Handler.Validate(envelope));

        Assert.Equal(RefusalReason.InvalidPayload, refusal.Reason);
        Assert.NotEmpty(refusal.Detail);
    }

    [Fact]
    public void A_measure_written_as_a_json_string_is_refused_as_invalid()
    {
        var envelope = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":\"76.5\"}");

        var refusal = Assert.Throws<ExchangeRefusal>(() => node.Handler.Validate(envelope));

        Assert.Equal(RefusalReason.InvalidPayload, refusal.Reason);
    }

    [Fact]
    public void An_observation_time_without_offset_is_refused_as_invalid()
    {
        var envelope = node.FromPeerJson("{\"station\":\"CN-HEKOU\",\"observedAt\":\"2025-06-01T07:00:00\",\"waterLevelM\":76.5}");

        var refusal = Assert.Throws<ExchangeRefusal>(() => node.Handler.Validate(envelope));

        Assert.Equal(RefusalReason.InvalidPayload, refusal.Reason);
    }

    [Fact]
    public async Task A_valid_peer_observation_is_stored_with_the_peers_side_as_origin_and_its_message_id()
    {
        var envelope = node.FromPeerJson("{\"station\":\"CN-LONGZHOU\",\"river\":\"Zuo\",\"observedAt\":\"2025-06-01T14:00:00+07:00\",\"waterLevelM\":110.5}");

        await node.ReceiveAsync(envelope);

        var stored = Assert.Single(await node.Ledger.ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(new StoredObservation("CN-LONGZHOU", "Zuo", "CN", new DateTimeOffset(2025, 6, 1, 7, 0, 0, TimeSpan.Zero), 110.5, null, null,
            envelope.Id.ToString(), node.Time.GetUtcNow()), stored);
    }

    [Fact]
    public async Task A_repeated_peer_observation_of_the_same_station_and_time_keeps_the_first()
    {
        var first = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":76.1}");
        var second = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":76.9}");

        await node.ReceiveAsync(first);
        await node.ReceiveAsync(second);

        var stored = Assert.Single(await node.Ledger.ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal((76.1, first.Id.ToString()), (stored.WaterLevelM, stored.MessageId));
    }

    [Fact]
    public async Task Applying_a_batch_with_an_unvalidated_invalid_payload_refuses_it_and_stores_nothing()
    {
        var valid = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + ",\"waterLevelM\":76.1}");
        var invalid = node.FromPeerJson("{\"station\":\"CN-HEKOU\"," + At + "}");

        var refusal = await Assert.ThrowsAsync<ExchangeRefusal>(() =>
            node.Database.WriteAsync(tx => node.Handler.ApplyAsync(tx, [valid, invalid], CancellationToken.None)));

        Assert.Equal(RefusalReason.InvalidPayload, refusal.Reason);
        Assert.Equal(0, await node.CountAsync("hydrology_observations"));
    }

    [Fact]
    public async Task What_one_sides_ledger_sends_the_other_sides_handler_stores_as_sent()
    {
        await using var cn = await HydrologyNode.StartAsync(HydrologyNode.Cn);
        var observation = new Observation(StationCode.Parse("CN-LONGZHOU"), "Zuo River", new DateTimeOffset(2025, 6, 1, 7, 15, 0, TimeSpan.Zero), 112.4, 2300, 8.2);
        var (ids, _) = await cn.Ledger.RecordAsync([observation]);
        var jws = Assert.Single(await cn.QueryAsync<string>("SELECT e.content FROM exchange_outbox o JOIN exchange_evidence e ON e.seq = o.evidence_seq"));
        var envelope = Envelope.Parse(Jws.Parse(jws).Payload);

        await node.ReceiveAsync(envelope);

        var stored = Assert.Single(await node.Ledger.ListAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(new StoredObservation("CN-LONGZHOU", "Zuo River", "CN", observation.ObservedAt, 112.4, 2300, 8.2, ids[0].ToString(),
            node.Time.GetUtcNow()), stored);
    }
}
