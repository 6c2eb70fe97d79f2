using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>Issuing a fee: a dynamic code of the node's scheme that names the fee, its amount and currency; only for a known reference.</summary>
public sealed class FeeIssueTests
{
    [Fact]
    public async Task OnTheVnSide_AFeeIsADynamicVietQr_WithItsAmountCurrencyAndId()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));

        var decoded = QrDecoder.Decode(fee.Payload, QrProfile.VietQr);
        Assert.True(decoded.Valid, string.Join("; ", decoded.Errors));
        var tree = QrDecoder.Read(fee.Payload);
        Assert.Equal(("12", "704", "150000", fee.Id), (tree.Find("01")!.Value, tree.Find("53")!.Value, tree.Find("54")!.Value, tree.Find("62.01")!.Value));
        Assert.Equal(("A000000727", "970436", "0011001234567"), (tree.Find("38.00")!.Value, tree.Find("38.01.00")!.Value, tree.Find("38.01.01")!.Value));
        Assert.Equal(FeeFixtures.Booking, tree.Find("62.05")!.Value);
        Assert.Equal((FeeState.Issued, "gate-fees:VND", FeeFixtures.Company), (fee.StateAt(node.Time.GetUtcNow()), fee.Payee, fee.Debtor));
        Assert.True(QrDecoder.Decode(fee.Payload, QrProfile.Emvco).Valid, "a fee's code carries the merchant's category, name and city, so strict EMVCo wallets read it too");
        // The reference's owner learnt of it once its transaction committed.
        Assert.Equal(FeeState.Issued, node.References.Seen[fee.Id].StoredState);
    }

    [Fact]
    public async Task OnTheCnSide_AFeeIsADynamicUnionPayCode_InYuanWithTwoDecimals()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite", side: "CN");
        var fee = await FeeFixtures.IssueAsync(node, Cny(23.72m), FeeKind.Weighing);

        var decoded = QrDecoder.Decode(fee.Payload, QrProfile.UnionPay);
        Assert.True(decoded.Valid, string.Join("; ", decoded.Errors));
        var tree = QrDecoder.Read(fee.Payload);
        Assert.Equal(("12", "156", "23.72", fee.Id, "CN"), (tree.Find("01")!.Value, tree.Find("53")!.Value, tree.Find("54")!.Value, tree.Find("62.01")!.Value, tree.Find("58")!.Value));
        Assert.NotNull(tree.Find("15"));
        Assert.Null(tree.Find("38"));
        Assert.False(QrDecoder.Decode(fee.Payload, QrProfile.VietQr).Valid);
    }

    [Fact]
    public async Task AFeeFor_AnUnknownReference_OrByATrader_IsRefused()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var (_, unknown) = await node.Fees.IssueAsync(new FeeRequest(FeeKind.Storage, Vnd(10_000), "BK-NONE"), Operator);
        Assert.Equal((422, "reference-unknown", "reference"), (unknown!.Status, unknown.Rule, unknown.Field));
        var (_, trader) = await node.Fees.IssueAsync(new FeeRequest(FeeKind.Storage, Vnd(10_000), FeeFixtures.Booking), FeeFixtures.Trader);
        Assert.Equal((403, "forbidden"), (trader!.Status, trader.Rule));
        Assert.Equal(0, await node.CountAsync("SELECT COUNT(*) FROM pay_fees"));
    }

    [Fact]
    public async Task FeeIds_FitTheBillNumber_AndSortByTime()
    {
        var earlier = FeeDesk.NewId(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var later = FeeDesk.NewId(new DateTimeOffset(2026, 7, 1, 8, 0, 1, TimeSpan.Zero));
        Assert.Equal(25, earlier.Length);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }
}
