using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Qr;
using Microsoft.Extensions.Configuration;

namespace FriendshipGate.Web;

/// <summary>
/// Section "Payments:Fees" of node.json: the gate operator's merchant details for fee codes. Each side starts from its own
/// defaults (VND and VietQR in Viet Nam, CNY and UnionPay in China, <see cref="FeeOptions.ForSide"/>); a setting given overrides it.
/// </summary>
internal static class GateFeeSettings
{
    public static FeeOptions Load(IConfiguration configuration, string side)
    {
        var defaults = FeeOptions.ForSide(side);
        string Text(string key, string fallback) => configuration["Payments:Fees:" + key] is { Length: > 0 } value ? value : fallback;
        var fees = defaults with
        {
            PayeeAccount = Text("PayeeAccount", defaults.PayeeAccount),
            PayeeOwner = Text("PayeeOwner", defaults.PayeeOwner),
            PayeeParticipant = Text("PayeeParticipant", defaults.PayeeParticipant),
            BankBin = Text("BankBin", defaults.BankBin),
            BankAccount = Text("BankAccount", defaults.BankAccount),
            UnionPayAccount = Text("UnionPayAccount", defaults.UnionPayAccount ?? ""),
            MerchantCategory = Text("MerchantCategory", defaults.MerchantCategory),
            MerchantName = Text("MerchantName", defaults.MerchantName),
            MerchantCity = Text("MerchantCity", defaults.MerchantCity),
            LocalName = Text("LocalName", defaults.LocalName ?? ""),
            Validity = TimeSpan.FromHours(configuration.GetValue("Payments:Fees:ValidityHours", defaults.Validity.TotalHours)),
        };
        if (fees.Validity <= TimeSpan.Zero) throw new InvalidOperationException("Payments:Fees:ValidityHours must be positive.");
        // A fee's code is built from these on every issue: check them once at start, with a sample fee, so a wrong BIN or
        // account stops the node with its setting named instead of failing the first fee.
        try { FeeQr.Payload("FEE0000000000000000000000", "parking", Payments.Ledger.Money.OfMinor(fees.Currency, 1), "check", fees); }
        catch (InvalidOperationException e) { throw new InvalidOperationException($"{e.Message} (profile {fees.Profile}, side {side})."); }
        return fees;
    }
}
