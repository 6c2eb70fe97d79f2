using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Fees;

/// <summary>
/// How this node's gate charges fees (node.json section "Payments:Fees"): in its own currency, into the gate operator's merchant
/// account, with dynamic codes of its own scheme. The defaults are the VN side's; the node host sets the CN side's
/// (<see cref="ForSide"/>). Bank details are example figures until the operator configures its own.
/// </summary>
public sealed record FeeOptions
{
    public Currency Currency { get; init; } = Currency.Vnd;

    /// <summary>The scheme's profile the codes keep: vietqr (NAPAS) on the VN side, unionpay on the CN side.</summary>
    public QrProfile Profile { get; init; } = QrProfile.VietQr;

    /// <summary>The ledger account fees are paid into, a merchant account opened at the node's first start.</summary>
    public string PayeeAccount { get; init; } = "gate-fees:VND";

    /// <summary>Who holds the payee account: the gate operator.</summary>
    public string PayeeOwner { get; init; } = "GATE-OPERATOR";

    /// <summary>The participant (bank) that holds the payee account.</summary>
    public string PayeeParticipant { get; init; } = "970436";

    /// <summary>NAPAS: the gate operator's bank BIN and account (38.01.00, 38.01.01).</summary>
    public string BankBin { get; init; } = "970436";

    public string BankAccount { get; init; } = "0011001234567";

    /// <summary>UnionPay: the merchant account information its acquirer assigned (ID 15).</summary>
    public string? UnionPayAccount { get; init; }

    /// <summary>ISO 18245 category: 4789, transportation services.</summary>
    public string MerchantCategory { get; init; } = "4789";

    public string MerchantName { get; init; } = "Huu Nghi Border Gate";

    public string MerchantCity { get; init; } = "Lang Son";

    public string? LocalName { get; init; } = "Cửa khẩu Hữu Nghị";

    public string Country { get; init; } = "VN";

    /// <summary>How long a fee's dynamic code may be paid.</summary>
    public TimeSpan Validity { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The defaults of one side: VND and VietQR in Viet Nam, CNY and UnionPay in China.</summary>
    public static FeeOptions ForSide(string side) => side == "CN"
        ? new FeeOptions
        {
            Currency = Currency.Cny, Profile = QrProfile.UnionPay, PayeeAccount = "gate-fees:CNY", PayeeParticipant = "UNIONPAY-ACQUIRER",
            UnionPayAccount = "2501000025010000123456789012345", MerchantName = "Youyiguan Border Gate", MerchantCity = "Pingxiang",
            LocalName = "友谊关口岸", Country = "CN",
        }
        : new FeeOptions();
}
