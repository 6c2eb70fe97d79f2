using System.Net.Http.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>Two node processes over real HTTP on loopback, on each storage backend.</summary>
public abstract class ExchangeBetweenProcessesTests(string backend)
{
    [Fact]
    public async Task ThousandObservations_ArriveOnce_NoneLostOrDoubled()
    {
        await using var nodes = await TestNodes.StartAsync(backend);
        await nodes.VnApi.PostObservationsAsync(1000);
        await nodes.VnApi.WaitSettledAsync(1000);

        var vn = await nodes.VnApi.StatusAsync();
        Assert.Equal(1000, vn.Outbox[DeliveryState.Acknowledged]);
        Assert.Equal(0, vn.Outbox[DeliveryState.Rejected]);
        var received = await nodes.CnApi.ObservationsAsync();
        Assert.Equal(1000, received.Count);
        Assert.Equal(1000, received.Select(o => o.MessageId).Distinct().Count());
        Assert.All(received, o => Assert.Equal("VN", o.Origin));
        Assert.Equal(1000, (await nodes.CnApi.StatusAsync()).Received);

        // Any one message's receipt proves, alone, that CN received it: check it with CN's published key.
        var proof = (await nodes.VnApi.Http.GetFromJsonAsync<MessageReceiptProof>($"exchange/v1/messages/{received[123].MessageId}/receipt", WireJson.Options))!;
        var cnKeys = (await nodes.CnApi.Http.GetFromJsonAsync<ExchangeApi.NodeKeys>("exchange/v1/keys", WireJson.Options))!;
        var receiptJws = Jws.Parse(proof.Receipt);
        var cnKey = cnKeys.Keys.Single(k => k.Kid == receiptJws.KeyId);
        Assert.True(proof.Message.Verify(receiptJws, VerificationKey.FromBase64Url(cnKey.Algorithm, cnKey.Spki)));
        Assert.False((proof.Message with { Outcome = Outcome.Rejected }).Verify(receiptJws, VerificationKey.FromBase64Url(cnKey.Algorithm, cnKey.Spki)));
    }

    [Fact]
    public async Task ReceiverKilledMidBatch_RestartedThreeTimes_EachMessageAppliedExactlyOnce()
    {
        await using var nodes = await TestNodes.StartAsync(backend);
        const int total = 3000, perRound = total / 3;
        for (var kill = 1; kill <= 3; kill++)
        {
            var before = (await nodes.CnApi.StatusAsync()).Received;
            // Each round brings its own messages: with all of them posted at once, the sender could deliver every one
            // between two kills and leave the next round no traffic to be killed in.
            var producing = nodes.VnApi.PostObservationsAsync(perRound, offset: (kill - 1) * perRound, batch: 50);
            // Kill as soon as the receiver is applying batches: some have committed, others are in flight.
            await TestNodes.WaitUntilAsync(async () => (await nodes.CnApi.StatusAsync()).Received > before, TimeSpan.FromSeconds(60), "traffic");
            await nodes.Cn.KillAsync();
            await Task.Delay(300);
            await nodes.Cn.StartAsync();
            await producing;
        }
        await nodes.VnApi.WaitSettledAsync(total);

        var received = await nodes.CnApi.ObservationsAsync();
        Assert.Equal(total, received.Count);
        Assert.Equal(total, received.Select(o => o.MessageId).Distinct().Count());
        Assert.Equal(total, (await nodes.CnApi.StatusAsync()).Received);
        Assert.Equal(total, (await nodes.VnApi.StatusAsync()).Outbox[DeliveryState.Acknowledged]);
    }

    [Fact]
    public async Task PeerDown_500Queued_AllDeliveredWhenItReturns()
    {
        await using var nodes = await TestNodes.StartAsync(backend, start: false);
        await nodes.Vn.StartAsync();
        await nodes.VnApi.PostObservationsAsync(500);
        await TestNodes.WaitUntilAsync(async () => (await nodes.VnApi.StatusAsync()).LastError is not null, TimeSpan.FromSeconds(30), "a failed delivery");

        var down = await nodes.VnApi.StatusAsync();
        Assert.Equal(500, down.Outbox[DeliveryState.Queued] + down.Outbox[DeliveryState.Sent]);
        Assert.Null(down.LastContactWithPeer);
        Assert.NotNull(down.OldestQueuedAgeSeconds);

        await nodes.Cn.StartAsync();
        await nodes.VnApi.WaitSettledAsync(500);
        Assert.Equal(500, (await nodes.CnApi.ObservationsAsync()).Count);
        Assert.NotNull((await nodes.VnApi.StatusAsync()).LastContactWithPeer);
    }

    [Fact]
    public async Task SenderKilledWhileQueued_RestartResendsEverything()
    {
        await using var nodes = await TestNodes.StartAsync(backend, start: false);
        await nodes.Vn.StartAsync();
        await nodes.VnApi.PostObservationsAsync(300);
        await nodes.Vn.KillAsync();
        await nodes.Cn.StartAsync();
        await nodes.Vn.StartAsync();
        await nodes.VnApi.WaitSettledAsync(300);
        Assert.Equal(300, (await nodes.CnApi.ObservationsAsync()).Count);
    }

    [Fact]
    public async Task KeyRotationUnderTraffic_LosesNothing_AndTheRetiredKeyIsRefusedAfterwards()
    {
        await using var nodes = await TestNodes.StartAsync(backend, vnAlgorithm: "ES256", cnAlgorithm: "SM2SM3");
        var oldKid = (await nodes.VnApi.Http.GetFromJsonAsync<ExchangeApi.NodeKeys>("exchange/v1/keys", WireJson.Options))!.SigningKid;
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var traffic = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await nodes.VnApi.PostObservationsAsync(20, offset: sent, batch: 20);
                sent += 20;
            }
        });
        await TestNodes.WaitUntilAsync(() => Task.FromResult(sent >= 200), TimeSpan.FromSeconds(30), "traffic");

        using var rotated = await nodes.VnApi.Http.PostAsJsonAsync("exchange/v1/keys/rotate", new { });
        rotated.EnsureSuccessStatusCode();
        var newKid = (await rotated.ReadJsonAsync<ExchangeApi.PublicKeyInfo>()).Kid;
        await TestNodes.WaitUntilAsync(async () => (await PeerKeysAsync(nodes.CnApi)).Any(k => k.Kid == newKid), TimeSpan.FromSeconds(30), "the announcement");
        using var retired = await nodes.VnApi.Http.PostAsync($"exchange/v1/keys/{oldKid}/retire", null);
        Assert.True(retired.IsSuccessStatusCode, await retired.Content.ReadAsStringAsync());
        await TestNodes.WaitUntilAsync(async () => (await PeerKeysAsync(nodes.CnApi)).Single(k => k.Kid == oldKid).State == KeyState.Retired,
            TimeSpan.FromSeconds(30), "the retirement");
        var afterRetirement = sent;
        await TestNodes.WaitUntilAsync(() => Task.FromResult(sent >= afterRetirement + 200), TimeSpan.FromSeconds(30), "traffic after retirement");
        await stop.CancelAsync();
        await traffic;

        var vnStatus = await nodes.VnApi.StatusAsync();
        var total = sent + 2; // observations plus the announcement and the retirement
        await nodes.VnApi.WaitSettledAsync(total);
        vnStatus = await nodes.VnApi.StatusAsync();
        Assert.Equal(0, vnStatus.Outbox[DeliveryState.Rejected]);
        Assert.Equal(total, vnStatus.Outbox[DeliveryState.Acknowledged]);
        Assert.Equal(sent, (await nodes.CnApi.ObservationsAsync()).Count);

        // Anyone still holding the retired key cannot speak for VN any more.
        var oldKey = SigningKey.ImportPem(await File.ReadAllTextAsync(Path.Combine(nodes.Vn.Directory, "keys", oldKid + ".pem")));
        var newKey = SigningKey.ImportPem(await File.ReadAllTextAsync(Path.Combine(nodes.Vn.Directory, "keys", newKid + ".pem")));
        var answer = await ForgedTransmission.SendAsync(nodes.CnApi.Http, messageKey: oldKey, transmissionKey: newKey);
        Assert.Equal(Outcome.Rejected, answer.Results[0].Outcome);
        Assert.Equal(RefusalReason.RetiredKey.Code(), answer.Results[0].Reason);
        Assert.True((await nodes.CnApi.StatusAsync()).Refusals.GetValueOrDefault("retired-key") >= 1);
    }

    private static async Task<List<ExchangeApi.PublicKeyInfo>> PeerKeysAsync(FriendshipGate.Bench.NodeApi api) =>
        (await api.Http.GetFromJsonAsync<List<ExchangeApi.PublicKeyInfo>>("exchange/v1/keys/peer", WireJson.Options))!;
}

public sealed class SqliteExchangeBetweenProcessesTests() : ExchangeBetweenProcessesTests("sqlite");

public sealed class PostgresExchangeBetweenProcessesTests() : ExchangeBetweenProcessesTests("postgres");
