using System.Collections.Concurrent;
using System.Text.Json;
using FriendshipGate.Bench;
using Xunit.Abstractions;

namespace FriendshipGate.System.Tests;

/// <summary>
/// A node killed (SIGKILL) in the middle of a stream of payments, between reserves and posts, then started again: every
/// payment it acknowledged is there once, no money is lost or created, and no reservation outlives its timeout.
/// </summary>
public abstract class LedgerCrashTests(string backend, ITestOutputHelper output)
{
    private const int Wallets = 24, Merchants = 6;
    private const decimal WalletVnd = 200_000_000, WalletCny = 50_000, FxVnd = 10_000_000_000, FxCny = 5_000_000;

    /// <summary>One request a worker sent: what to send again after the restart, and what the node answered before the kill.</summary>
    private sealed record Sent(string Key, object Body, bool PostAfter)
    {
        public string? AcknowledgedId { get; set; }
        public string? AcknowledgedState { get; set; }
    }

    [Fact]
    public async Task KilledMidStream_EveryAcknowledgedPaymentIsThereOnce_MoneyIsConserved_AndNoReservationOutlivesItsTimeout()
    {
        var environment = new Dictionary<string, string>(TestNodes.FastRetries)
        {
            ["FGATE_Payments__PendingTimeoutSeconds"] = "3",
            ["FGATE_Payments__SweepIntervalMilliseconds"] = "200",
        };
        await using var nodes = await NodePair.CreateAsync(FgateExecutable.Current(), TestNodes.Postgres(backend), environment: environment, start: false);
        await nodes.Vn.StartAsync();
        var api = new PaymentsClient(nodes.VnApi.Http);
        await OpenAndFundAsync(api);

        var sent = new ConcurrentQueue<Sent>();
        using var stop = new CancellationTokenSource();
        var acknowledged = 0;
        var workers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var request = await NextAsync(api, random);
                    if (request is null) return;
                    sent.Enqueue(request);
                    var answer = await api.PayAsync(request.Body, request.Key);
                    if (answer.Status != 201) throw new InvalidOperationException($"refused before the kill: {answer.Status} {answer.Body}");
                    (request.AcknowledgedId, request.AcknowledgedState) = (answer.Id, answer.State);
                    Interlocked.Increment(ref acknowledged);
                    if (request.PostAfter && (await api.PostAsync(answer.Id)).Status == 200) request.AcknowledgedState = "posted";
                }
                catch (HttpRequestException) { return; } // the node is gone: what was in flight is unknown
                catch (TaskCanceledException) { return; }
            }
        })).ToArray();

        await TestNodes.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref acknowledged) >= 400), TimeSpan.FromSeconds(90), "400 acknowledged payments");
        await nodes.Vn.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        await nodes.Vn.StartAsync();

        var reservedAtRestart = (await api.GetAsync("?state=reserved&limit=10000")).Body.GetArrayLength();
        output.WriteLine($"{backend}: {sent.Count} payments sent, {acknowledged} acknowledged before the kill, " +
                         $"{sent.Count(r => r.AcknowledgedId is null)} in flight, {reservedAtRestart} reservations at restart");

        // Every request, acknowledged or in flight, sent again with its key: acknowledged ones come back as they were, unchanged.
        var committedInFlight = 0;
        foreach (var request in sent)
        {
            var again = await api.PayAsync(request.Body, request.Key);
            Assert.True(again.Status == 201, $"{again.Status}: {again.Body}");
            if (request.AcknowledgedId is null)
            {
                if (again.Replayed) committedInFlight++;
                continue;
            }
            Assert.True(again.Replayed, $"payment {request.AcknowledgedId} was acknowledged but is not in the ledger after the restart");
            Assert.Equal(request.AcknowledgedId, again.Id);
        }
        var keys = sent.Count;
        output.WriteLine($"{committedInFlight} of the payments in flight had committed before the kill (answered as replays)");

        // Every reservation's time runs out (3 s): the sweeper, or the recovery at start, voids each one not posted.
        await TestNodes.WaitUntilAsync(async () => (await api.GetAsync("?state=reserved&limit=10000")).Body.GetArrayLength() == 0,
            TimeSpan.FromSeconds(60), "no reservation left");

        var payments = (await api.GetAsync("?limit=10000")).Body.EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "payment").ToList();
        Assert.Equal(keys, payments.Count);
        Assert.Equal(keys, payments.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
        var byId = payments.ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("state").GetString()!);
        foreach (var request in sent.Where(r => r.AcknowledgedId is not null))
        {
            var state = byId[request.AcknowledgedId!];
            if (request.AcknowledgedState == "posted") Assert.Equal("posted", state);
            else Assert.Contains(state, new[] { "expired", "posted" });
        }

        // No money lost or created: the accounts hold exactly what was funded into them, and the ledger checks out.
        var accounts = (await api.GetAsync("accounts")).Body.EnumerateArray().ToList();
        decimal Sum(string currency, bool settlement) => accounts
            .Where(a => a.GetProperty("currency").GetString() == currency && (a.GetProperty("kind").GetString() == "settlement") == settlement)
            .Sum(a => a.GetProperty("balance").GetProperty("value").GetDecimal());
        Assert.Equal((Wallets / 2 * WalletVnd + FxVnd, Wallets / 2 * WalletCny + FxCny), (Sum("VND", false), Sum("CNY", false)));
        Assert.Equal((0m, 0m), (Sum("VND", false) + Sum("VND", true), Sum("CNY", false) + Sum("CNY", true)));
        Assert.All(accounts, a => Assert.Equal(0, a.GetProperty("pending").GetProperty("debits").GetProperty("minor").GetInt64()));
        var check = await api.GetAsync("ledger/check");
        Assert.True(check.Body.GetProperty("balanced").GetBoolean(), check.Body.ToString());
    }

    private static async Task OpenAndFundAsync(PaymentsClient api)
    {
        for (var i = 0; i < Wallets; i++)
        {
            var currency = i % 2 == 0 ? "VND" : "CNY";
            Assert.Equal(201, (await api.OpenAsync($"crash.w{i}", currency, $"PAYER-{i}")).Status);
            Assert.Equal(201, (await api.FundAsync($"crash.w{i}", currency, currency == "VND" ? WalletVnd : WalletCny)).Status);
        }
        for (var i = 0; i < Merchants; i++) Assert.Equal(201, (await api.OpenAsync($"crash.m{i}", i % 2 == 0 ? "VND" : "CNY", $"MERCHANT-{i}", "merchant")).Status);
        Assert.Equal(201, (await api.FundAsync("fx:VND", "VND", FxVnd)).Status);
        Assert.Equal(201, (await api.FundAsync("fx:CNY", "CNY", FxCny)).Status);
    }

    /// <summary>
    /// A payment to make: half post at once, a third are reserved and then posted, the rest reserved and left to time out;
    /// one in four crosses currencies (with a quote). Strongly authenticated, so the day's limits never refuse one.
    /// </summary>
    private static async Task<Sent?> NextAsync(PaymentsClient api, Random random)
    {
        var wallet = random.Next(Wallets);
        var payerVnd = wallet % 2 == 0;
        var cross = random.Next(4) == 0;
        var merchantVnd = payerVnd != cross;
        var merchant = $"crash.m{random.Next(Merchants / 2) * 2 + (merchantVnd ? 0 : 1)}";
        var amount = merchantVnd ? random.Next(10, 500) * 1_000m : random.Next(100, 5_000) / 100m;
        var flow = random.Next(6);
        string? quote = null;
        if (cross)
        {
            var quoted = await api.QuoteAsync(payerVnd ? "VND" : "CNY", merchantVnd ? "VND" : "CNY", merchantVnd ? "VND" : "CNY", amount);
            if (quoted.Status != 201) throw new InvalidOperationException($"quote refused: {quoted.Body}");
            quote = quoted.Id;
        }
        object body = new
        {
            payer = $"crash.w{wallet}", payee = merchant, quote, strongAuthentication = true, post = flow < 3,
            amount = quote is null ? new { currency = merchantVnd ? "VND" : "CNY", value = amount } : null,
        };
        return new Sent(Guid.NewGuid().ToString(), body, PostAfter: flow is 3 or 4);
    }
}

public sealed class SqliteLedgerCrashTests(ITestOutputHelper output) : LedgerCrashTests("sqlite", output);

public sealed class PostgresLedgerCrashTests(ITestOutputHelper output) : LedgerCrashTests("postgres", output);
