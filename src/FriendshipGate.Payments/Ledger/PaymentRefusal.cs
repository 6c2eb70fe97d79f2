using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// Why the ledger refused a request: an HTTP status, a stable rule code (docs/payments/ledger.md lists them), the field the
/// refusal is about, and a sentence in Vietnamese, Chinese and English. Nothing was changed by a refused request.
/// </summary>
public sealed record PaymentRefusal(int Status, string Rule, string Field, Trilingual Text)
{
    private static PaymentRefusal Of(int status, string rule, string field, string en, string vi, string zh) =>
        new(status, rule, field, new Trilingual(vi, zh, en));

    public static PaymentRefusal NoPayment(string id) =>
        Of(404, "not-found", "id", $"there is no payment {id}.", $"không có khoản thanh toán {id}.", $"没有支付{id}。");

    public static PaymentRefusal NoAccount(string field, string id, int status = 422) =>
        Of(status, "unknown-account", field, $"there is no account {id}.", $"không có tài khoản {id}.", $"没有账户{id}。");

    public static PaymentRefusal NotYours(string field, string id) =>
        Of(403, "forbidden", field, $"account {id} is not held by your company.", $"tài khoản {id} không thuộc doanh nghiệp của bạn.", $"账户{id}不属于贵公司。");

    public static PaymentRefusal OperatorOnly(string what) =>
        Of(403, "forbidden", "role", $"only the node's operator may {what}.", $"chỉ người vận hành nút mới được {what}.", $"只有节点运营方可以{what}。");

    public static PaymentRefusal SameAccount() =>
        Of(422, "same-account", "payee", "the payer and the payee are the same account.", "bên trả và bên nhận là cùng một tài khoản.", "付款方和收款方是同一账户。");

    public static PaymentRefusal KindCannotPay(string id, string kind) =>
        Of(422, "account-kind", "payer", $"account {id} is a {kind} account and cannot pay.", $"tài khoản {id} thuộc loại {kind}, không thể thanh toán.", $"账户{id}为{kind}类账户，不能付款。");

    public static PaymentRefusal KindCannotReceive(string id, string kind) =>
        Of(422, "account-kind", "payee", $"account {id} is a {kind} account and cannot be paid.", $"tài khoản {id} thuộc loại {kind}, không thể nhận thanh toán.", $"账户{id}为{kind}类账户，不能收款。");

    public static PaymentRefusal CurrencyMismatch(string payee, Currency payeeCurrency, Currency amount) =>
        Of(422, "currency-mismatch", "amount.currency", $"the amount is in {amount} but account {payee} holds {payeeCurrency}.",
            $"số tiền bằng {amount} nhưng tài khoản {payee} giữ {payeeCurrency}.", $"金额币种为{amount}，但账户{payee}的币种为{payeeCurrency}。");

    public static PaymentRefusal AmountRequired() =>
        Of(422, "amount-required", "amount", "a payment in one currency needs an amount.", "thanh toán cùng loại tiền cần có số tiền.", "同币种支付需要金额。");

    public static PaymentRefusal QuoteRequired(Currency payer, Currency payee) =>
        Of(422, "quote-required", "quote", $"the payer holds {payer} and the payee {payee}: name an FX quote (POST /api/v1/payments/quotes).",
            $"bên trả giữ {payer}, bên nhận giữ {payee}: cần nêu báo giá tỷ giá (POST /api/v1/payments/quotes).",
            $"付款方币种为{payer}，收款方为{payee}：请指定汇率报价（POST /api/v1/payments/quotes）。");

    public static PaymentRefusal QuoteUnknown(string id) =>
        Of(422, "quote-unknown", "quote", $"there is no FX quote {id}.", $"không có báo giá tỷ giá {id}.", $"没有汇率报价{id}。");

    public static PaymentRefusal QuoteExpired(string id, DateTimeOffset expiredAt) =>
        Of(422, "quote-expired", "quote", $"FX quote {id} expired at {expiredAt:u}; ask for a new quote.",
            $"báo giá tỷ giá {id} đã hết hạn lúc {expiredAt:u}; hãy yêu cầu báo giá mới.", $"汇率报价{id}已于{expiredAt:u}过期；请重新报价。");

    public static PaymentRefusal QuoteUsed(string id) =>
        Of(422, "quote-used", "quote", $"FX quote {id} has paid for another payment already.", $"báo giá tỷ giá {id} đã được dùng cho một khoản thanh toán khác.", $"汇率报价{id}已用于另一笔支付。");

    public static PaymentRefusal QuoteMismatch(string id, string what) =>
        Of(422, "quote-mismatch", "quote", $"FX quote {id} does not fit this payment: {what}.", $"báo giá tỷ giá {id} không khớp với khoản thanh toán: {what}.", $"汇率报价{id}与本次支付不符：{what}。");

    public static PaymentRefusal InsufficientFunds(string field, string account, Money wanted, long available) =>
        Of(422, "insufficient-funds", field, $"account {account} has {Money.OfMinor(wanted.Currency, available)} available, less than {wanted}.",
            $"tài khoản {account} chỉ còn {Money.OfMinor(wanted.Currency, available)} khả dụng, ít hơn {wanted}.",
            $"账户{account}可用余额为{Money.OfMinor(wanted.Currency, available)}，少于{wanted}。");

    public static PaymentRefusal IdempotencyKeyReused(string key) =>
        Of(422, "idempotency-key-reused", "Idempotency-Key", $"Idempotency-Key '{key}' was used for a different request; use a new key for a new payment.",
            $"Idempotency-Key “{key}” đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho khoản thanh toán mới.",
            $"Idempotency-Key“{key}”已用于另一请求；新的支付请使用新的键。");

    public static PaymentRefusal AlreadyFinal(string id, string state, string wanted) =>
        Of(409, "payment-" + state, "id", $"payment {id} is {state} and cannot be {wanted}.", $"khoản thanh toán {id} đang ở trạng thái {state}, không thể {wanted}.",
            $"支付{id}的状态为{state}，无法{wanted}。");

    public static PaymentRefusal TimedOut(string id, DateTimeOffset at) =>
        Of(409, "payment-expired", "id", $"payment {id} was reserved until {at:u}; the reservation has been voided.",
            $"khoản thanh toán {id} chỉ được giữ đến {at:u}; khoản giữ tiền đã bị hủy.", $"支付{id}的预留有效期至{at:u}，预留已撤销。");

    public static PaymentRefusal AccountExists(string id) =>
        Of(409, "account-exists", "id", $"account {id} exists already with other details.", $"tài khoản {id} đã tồn tại với thông tin khác.", $"账户{id}已存在且信息不同。");
}
