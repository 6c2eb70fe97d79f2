using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>A scanned code that is not exactly the one issued, a payer in the wrong currency, or a stranger: refused, and nothing moves.</summary>
public sealed class FeeRefusalTests
{
    /// <summary>Each row alters the VN fee's code (VND 150,000) one way; the expected rule and field.</summary>
    public static TheoryData<string, string, string> Alterations => new()
    {
        { "amount, CRC recomputed", "fee-amount", "payload.54" },
        { "amount, CRC left", "qr-crc", "payload.63" },
        { "payee account, CRC recomputed", "qr-mismatch", "payload" },
        { "static code", "qr-not-fee", "payload" },
        { "no bill number", "qr-not-fee", "payload" },
        { "unknown fee id", "fee-unknown", "payload.62.01" },
        { "not an EMVCo code", "qr-invalid", "payload" },
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task AnAlteredCode_IsRefused(string alteration, string rule, string field)
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));
        var tree = QrDecoder.Read(fee.Payload);
        var additional = tree.Find("62")!.Value;
        var payload = alteration switch
        {
            "amount, CRC recomputed" => FeeFixtures.Alter(fee.Payload, "54", "15000"),
            "amount, CRC left" => FeeFixtures.Alter(fee.Payload, "54", "15000", fixCrc: false),
            "payee account, CRC recomputed" => FeeFixtures.Alter(fee.Payload, "38", tree.Find("38")!.Value.Replace("0011001234567", "0099999999999")),
            "static code" => FeeFixtures.Alter(fee.Payload, "01", "11"),
            "no bill number" => FeeFixtures.Alter(fee.Payload, "62", additional.Replace("0125" + fee.Id, "")),
            "unknown fee id" => FeeFixtures.Alter(fee.Payload, "62", additional.Replace(fee.Id, "FEE" + new string('0', 22))),
            _ => "hello",
        };

        var refused = await FeeFixtures.PayAsync(node, payload);
        Assert.Equal((rule, field), (refused.Refusal?.Rule, refused.Refusal?.Field));
        Assert.True(refused.Refusal!.Status is 409 or 422 or 404);
        Assert.False(string.IsNullOrEmpty(refused.Refusal.Text.Vi));
        Assert.False(string.IsNullOrEmpty(refused.Refusal.Text.Zh));
        Assert.Equal(1_000_000, await node.BalanceAsync(FeeFixtures.Wallet));
        Assert.Equal(FeeState.Issued, (await node.Fees.GetAsync(fee.Id, Operator))!.StoredState);
    }

    [Fact]
    public async Task ABrokenChecksum_IsExplained_WithTheDecodersViolationInEachLanguage()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));
        var text = (await FeeFixtures.PayAsync(node, FeeFixtures.Alter(fee.Payload, "54", "15000", fixCrc: false))).Refusal!.Text;
        Assert.Contains("Chuỗi dữ liệu mang CRC", text.Vi);
        Assert.Contains("二维码数据所带CRC为", text.Zh);
        Assert.Contains("the payload carries CRC", text.En);
        Assert.DoesNotContain("the payload", text.Vi);
        Assert.DoesNotContain("the payload", text.Zh);
    }

    [Fact]
    public async Task OnTheCnSide_ACodeRewrittenIntoDong_IsRefusedForItsCurrency()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite", side: "CN");
        var fee = await FeeFixtures.IssueAsync(node, Cny(23.72m));
        // Valid UnionPay code (any currency), CRC recomputed: 2,372 đồng instead of 23.72 yuan.
        var payload = FeeFixtures.Alter(FeeFixtures.Alter(fee.Payload, "53", "704"), "54", "2372");
        var refused = await FeeFixtures.PayAsync(node, payload);
        Assert.Equal((422, "fee-currency", "payload.53"), (refused.Refusal!.Status, refused.Refusal.Rule, refused.Refusal.Field));
    }

    [Fact]
    public async Task APayerHoldingAnotherCurrency_IsRefused()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        await node.OpenAsync("trader.cny", Currency.Cny, funds: 1_000, owner: FeeFixtures.Company);
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));
        var refused = await FeeFixtures.PayAsync(node, fee.Payload, payer: "trader.cny");
        Assert.Equal((422, "currency-mismatch", "payer"), (refused.Refusal!.Status, refused.Refusal.Rule, refused.Refusal.Field));
    }

    [Fact]
    public async Task AnotherCompanysTrader_NeitherSeesNorPaysTheFee()
    {
        await using var node = await FeeFixtures.StartAsync("sqlite");
        await node.OpenAsync("stranger.wallet", Currency.Vnd, funds: 1_000_000, owner: "0309999999");
        var fee = await FeeFixtures.IssueAsync(node, Vnd(150_000));
        var stranger = TraderOf("0309999999");

        Assert.Null(await node.Fees.GetAsync(fee.Id, stranger));
        Assert.Empty(await node.Fees.ForReferenceAsync(FeeFixtures.Booking, stranger));
        Assert.Single(await node.Fees.ForReferenceAsync(FeeFixtures.Booking, FeeFixtures.Trader));
        var refused = await FeeFixtures.PayAsync(node, fee.Payload, payer: "stranger.wallet", caller: stranger);
        Assert.Equal("fee-unknown", refused.Refusal?.Rule);
        // Nor from the debtor's wallet: a trader moves only its own company's money.
        Assert.Equal("fee-unknown", (await FeeFixtures.PayAsync(node, fee.Payload, caller: stranger)).Refusal?.Rule);
        Assert.Equal("forbidden", (await FeeFixtures.PayAsync(node, fee.Payload, payer: "stranger.wallet")).Refusal?.Rule);
    }
}
