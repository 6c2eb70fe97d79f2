using FriendshipGate.Payments.Ledger;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>A request retried with its Idempotency-Key gets the first answer; the key with another request is refused.</summary>
public sealed class IdempotencyTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ARetry_ReturnsTheFirstPayment_AndPaysOnce(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);

        var first = await node.PayAsync("payer", "stall", Vnd(150_000), post: true, key: "order-42");
        node.Time.Advance(TimeSpan.FromMinutes(5));
        var retry = await node.PayAsync("payer", "stall", Vnd(150_000), post: true, key: "order-42");

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Payment!.Id, retry.Payment!.Id);
        Assert.Equal(first.Payment.CreatedAt, retry.Payment.CreatedAt);
        Assert.Equal(850_000, await node.BalanceAsync("payer"));
        Assert.Equal(1, await node.CountAsync("SELECT COUNT(*) FROM pay_payments WHERE kind = 'payment'"));
    }

    /// <summary>Each row changes one thing of the first request under the same key.</summary>
    public static TheoryData<string> Changes => new() { "amount", "payee", "post", "strong authentication", "qr" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task TheSameKey_WithAnotherRequest_IsRefused(string change)
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        await node.OpenAsync("other.stall", Currency.Vnd, kind: AccountKind.Merchant);
        Assert.Null((await node.PayAsync("payer", "stall", Vnd(150_000), key: "order-42")).Refusal);

        var outcome = change switch
        {
            "amount" => await node.PayAsync("payer", "stall", Vnd(150_001), key: "order-42"),
            "payee" => await node.PayAsync("payer", "other.stall", Vnd(150_000), key: "order-42"),
            "post" => await node.PayAsync("payer", "stall", Vnd(150_000), post: true, key: "order-42"),
            "strong authentication" => await node.PayAsync("payer", "stall", Vnd(150_000), strong: true, key: "order-42"),
            _ => await node.PayAsync("payer", "stall", Vnd(150_000), qr: QrKind.Static, key: "order-42"),
        };
        Assert.Equal((422, "idempotency-key-reused", "Idempotency-Key"), (outcome.Refusal!.Status, outcome.Refusal.Rule, outcome.Refusal.Field));
        Assert.Equal(850_000, await node.AvailableAsync("payer"));
    }

    [Fact]
    public async Task TwoCallers_MayUseTheSameKey_ForTheirOwnPayments()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer.a", Currency.Vnd, funds: 1_000_000, owner: "A");
        await node.OpenAsync("payer.b", Currency.Vnd, funds: 1_000_000, owner: "B");
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var a = await node.PayAsync("payer.a", "stall", Vnd(1_000), key: "1", caller: TraderOf("A"));
        var b = await node.PayAsync("payer.b", "stall", Vnd(2_000), key: "1", caller: TraderOf("B"));
        Assert.NotEqual(a.Payment!.Id, b.Payment!.Id);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task ConcurrentRetries_OfOneRequest_MakeOnePayment(string backend)
    {
        await using var node = await StartAsync(backend);
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => node.PayAsync("payer", "stall", Vnd(10_000), post: true, key: "tap-twice"))));
        Assert.Single(outcomes.Select(o => o.Payment!.Id).Distinct());
        Assert.Single(outcomes, o => !o.Replayed);
        Assert.Equal(990_000, await node.BalanceAsync("payer"));
    }

    [Fact]
    public async Task ARefusedRequest_LeavesNothing_SoItsRetryIsJudgedAfresh()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 10_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        Assert.Equal("insufficient-funds", (await node.PayAsync("payer", "stall", Vnd(50_000), key: "k")).Refusal?.Rule);
        await node.FundAsync("payer", Vnd(100_000));
        Assert.Null((await node.PayAsync("payer", "stall", Vnd(50_000), key: "k")).Refusal);
    }
}
