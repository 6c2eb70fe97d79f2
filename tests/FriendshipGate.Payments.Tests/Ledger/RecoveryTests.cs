using FriendshipGate.Payments.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>
/// What a node does when it starts on a ledger a killed process left behind (the rows a crash leaves are made by running the
/// ledger and stopping it between reserve and post; the real kill -9 is in the system tests).
/// </summary>
public sealed class RecoveryTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task AtStart_ReservationsWhoseTimeRanOut_AreVoided_AndTheOthersKept(string backend)
    {
        await using var node = await StartAsync(backend, new PaymentsOptions { PendingTimeout = TimeSpan.FromMinutes(2) });
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        await node.OpenAsync("stall", Currency.Vnd, kind: AccountKind.Merchant);
        var old = (await node.PayAsync("payer", "stall", Vnd(100_000))).Payment!;
        node.Time.Advance(TimeSpan.FromMinutes(1));
        var recent = (await node.PayAsync("payer", "stall", Vnd(200_000))).Payment!;
        // The process dies here; it comes back 90 s later: the old reservation's time has run out, the recent one's has not.
        node.Time.Advance(TimeSpan.FromSeconds(90));

        var startup = new PaymentsStartup(node.Ledger, node.Options, node.Database, NullLogger<PaymentsStartup>.Instance);
        await startup.RunAsync();

        Assert.Equal(PaymentState.Expired, (await node.Ledger.PaymentAsync(old.Id))!.State);
        Assert.Equal(PaymentState.Reserved, (await node.Ledger.PaymentAsync(recent.Id))!.State);
        Assert.Equal(800_000, await node.AvailableAsync("payer"));
        Assert.Equal(PaymentState.Posted, (await node.Ledger.PostAsync(recent.Id, Operator)).Payment!.State);
        Assert.True((await node.CheckAsync()).Balanced);
    }

    [Fact]
    public async Task TheLedgerCheck_FindsABalanceThatDiffersFromItsTransfers()
    {
        await using var node = await StartAsync("sqlite");
        await node.OpenAsync("payer", Currency.Vnd, funds: 1_000_000);
        Assert.True((await node.CheckAsync()).Balanced);
        await node.Database.WriteAsync(tx => Dapper.SqlMapper.ExecuteAsync(tx.Connection, "UPDATE pay_accounts SET credits_posted = credits_posted + 1 WHERE id = 'payer'", transaction: tx.Transaction));
        var check = await node.CheckAsync();
        Assert.False(check.Balanced);
        Assert.Equal(["payer"], check.Mismatched);
        Assert.Equal(1, check.Currencies.Single(c => c.Currency == "VND").BalanceSum);
    }
}
