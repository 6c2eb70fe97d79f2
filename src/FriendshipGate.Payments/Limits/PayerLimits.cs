using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Limits;

/// <summary>
/// One rule of a scheme on what a payer may pay. A payment breaks it when its amount is above <see cref="PerTransferAbove"/>,
/// or when it takes the payer's day total above <see cref="PerDayAbove"/> (counting only static-code payments when
/// <see cref="StaticQrOnly"/>). Where <see cref="StrongAuthenticationLifts"/>, a payment whose payer was authenticated strongly
/// (biometrics) passes; otherwise it is refused. Sources: docs/payments/ledger.md, "Limits".
/// </summary>
public sealed record PayerLimitRule(
    string Code, Currency Currency, long? PerTransferAbove, long? PerDayAbove, bool StaticQrOnly, bool StrongAuthenticationLifts, string Source);

/// <summary>The schemes' published limits on payers, as a table, and the check that applies them.</summary>
public static class PayerLimits
{
    public const string StaticQrDailyLimit = "static-qr-daily-limit";
    public const string NeedsStrongAuthentication = "needs-strong-authentication";

    public static readonly IReadOnlyList<PayerLimitRule> Rules =
    [
        // PBOC, 条码支付业务规范（试行）(银发〔2017〕296号), in force 1 April 2018: a static code is risk level D, whatever the
        // verification, and one customer may pay at most CNY 500 a day with static codes. Nothing lifts it: use a dynamic code.
        new(StaticQrDailyLimit, Currency.Cny, null, 500_00, StaticQrOnly: true, StrongAuthenticationLifts: false,
            "PBOC Yinfa [2017] No. 296, Barcode Payment Business Specification (trial), static codes: CNY 500 per customer per day"),
        // SBV Decision 2345/QĐ-NHNN (18 Dec 2023), in force 1 July 2024: an online payment above VND 10 million, or one that takes
        // the day's total above VND 20 million, needs biometric authentication against the national ID data.
        new(NeedsStrongAuthentication, Currency.Vnd, 10_000_000, null, StaticQrOnly: false, StrongAuthenticationLifts: true,
            "SBV Decision 2345/QD-NHNN: above VND 10 million per transaction needs biometric authentication"),
        new(NeedsStrongAuthentication, Currency.Vnd, null, 20_000_000, StaticQrOnly: false, StrongAuthenticationLifts: true,
            "SBV Decision 2345/QD-NHNN: above VND 20 million per day needs biometric authentication"),
    ];

    /// <summary>The first rule <paramref name="debit"/> breaks given what the payer paid today before it, or null.</summary>
    public static PaymentRefusal? Check(Money debit, string? qr, bool strongAuthentication, DayUsage today)
    {
        var staticQr = qr == QrKind.Static;
        foreach (var rule in Rules)
        {
            if (rule.Currency != debit.Currency || rule.StaticQrOnly && !staticQr) continue;
            if (rule.StrongAuthenticationLifts && strongAuthentication) continue;
            var before = rule.StaticQrOnly ? today.StaticQr : today.Paid;
            if (rule.PerTransferAbove is { } perTransfer && debit.Minor > perTransfer)
                return Refuse(rule, debit, Money.OfMinor(debit.Currency, perTransfer), perDay: false, before);
            if (rule.PerDayAbove is { } perDay && checked(before + debit.Minor) > perDay)
                return Refuse(rule, debit, Money.OfMinor(debit.Currency, perDay), perDay: true, before);
        }
        return null;
    }

    private static PaymentRefusal Refuse(PayerLimitRule rule, Money debit, Money limit, bool perDay, long before)
    {
        var paid = Money.OfMinor(debit.Currency, before);
        var text = rule.Code == StaticQrDailyLimit
            ? new Trilingual(
                En: $"static QR codes allow at most {limit} a day per payer; this payer has paid {paid} by static code today and {debit} more would exceed it. Ask the merchant for a dynamic code.",
                Vi: $"mã QR tĩnh chỉ cho phép tối đa {limit} mỗi ngày cho mỗi người trả; hôm nay người này đã trả {paid} bằng mã tĩnh, thêm {debit} sẽ vượt hạn mức. Hãy đề nghị người bán dùng mã động.",
                Zh: $"静态二维码每位付款人每日累计不超过{limit}；该付款人今日已用静态码支付{paid}，再付{debit}将超限。请商户提供动态码。")
            : perDay
                ? new Trilingual(
                    En: $"needs strong authentication: {paid} paid today plus {debit} is above {limit} a day. Authenticate the payer by biometrics and send strongAuthentication: true.",
                    Vi: $"cần xác thực mạnh: đã trả {paid} hôm nay, thêm {debit} vượt {limit} mỗi ngày. Hãy xác thực sinh trắc học người trả và gửi strongAuthentication: true.",
                    Zh: $"需要强身份验证：今日已付{paid}，加上{debit}超过每日{limit}。请对付款人进行生物识别验证并发送 strongAuthentication: true。")
                : new Trilingual(
                    En: $"needs strong authentication: {debit} is above {limit} per transfer. Authenticate the payer by biometrics and send strongAuthentication: true.",
                    Vi: $"cần xác thực mạnh: {debit} vượt {limit} mỗi giao dịch. Hãy xác thực sinh trắc học người trả và gửi strongAuthentication: true.",
                    Zh: $"需要强身份验证：{debit}超过单笔{limit}。请对付款人进行生物识别验证并发送 strongAuthentication: true。");
        return new PaymentRefusal(422, rule.Code, rule.StaticQrOnly ? "qr" : "strongAuthentication", text);
    }
}
