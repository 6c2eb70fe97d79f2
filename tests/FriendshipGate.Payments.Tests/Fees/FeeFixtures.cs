using System.Text;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.PaymentsNode;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>A VN (or CN) node with a booking owed by one trader's company, its funded wallet, and a way to alter a scanned code.</summary>
internal static class FeeFixtures
{
    public const string Company = "0101234567", Booking = "BK-0001", Wallet = "trader.wallet";

    public static PaymentsCaller Trader => TraderOf(Company);

    public static async Task<PaymentsNode> StartAsync(string backend, string side = "VN", decimal funds = 1_000_000)
    {
        var node = await PaymentsNode.StartAsync(backend, new PaymentsOptions { Fees = FeeOptions.ForSide(side) });
        node.References.Bookings[Booking] = Company;
        var currency = side == "CN" ? Currency.Cny : Currency.Vnd;
        await node.OpenAsync(Wallet, currency, funds: side == "CN" ? funds / 1000 : funds, owner: Company);
        return node;
    }

    public static async Task<Fee> IssueAsync(PaymentsNode node, Money amount, string kind = FeeKind.Parking, string reference = Booking)
    {
        var (fee, refusal) = await node.Fees.IssueAsync(new FeeRequest(kind, amount, reference), Operator);
        Assert.Null(refusal);
        return fee!;
    }

    public static Task<LedgerOutcome> PayAsync(PaymentsNode node, string payload, string? key = null, string payer = Wallet, PaymentsCaller? caller = null) =>
        node.Fees.PayAsync(payload, payer, key ?? node.NewKey(), caller ?? Trader);

    /// <summary>The payload with one data object's value replaced (its length rewritten), and with its CRC recomputed unless told not to.</summary>
    public static string Alter(string payload, string tag, string value, bool fixCrc = true)
    {
        var tree = QrDecoder.Read(payload);
        var text = new StringBuilder();
        foreach (var field in tree.Fields.Where(f => f.Id != "63"))
        {
            var v = field.Id == tag ? value : field.Value;
            text.Append(field.Id).Append(v.Length.ToString("D2")).Append(v);
        }
        var body = text + "6304";
        return body + (fixCrc ? Crc16.Hex(body) : payload[^4..]);
    }
}
