using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Fees;

/// <summary>Why a fee was not issued, paid or cancelled: rule codes of docs/payments/gate-fees.md, each in Vietnamese, Chinese and English.</summary>
internal static class FeeRefusals
{
    private static PaymentRefusal Of(int status, string rule, string field, string en, string vi, string zh) => new(status, rule, field, new Trilingual(vi, zh, en));

    public static PaymentRefusal NoFee(string id, string field = "id", int status = 404) =>
        Of(status, "fee-unknown", field, $"there is no fee {id}.", $"không có khoản phí {id}.", $"没有费用{id}。");

    public static PaymentRefusal NoReference(string reference) =>
        Of(422, "reference-unknown", "reference", $"there is nothing called {reference} to charge a fee for: give a booking id.",
            $"không có {reference} để thu phí: hãy nhập mã lịch hẹn.", $"没有可收费的对象{reference}：请填写预约编号。");

    public static PaymentRefusal NoReferenceOwner() =>
        Of(422, "reference-unknown", "reference", "no module on this node owns the references fees are for.",
            "không có phân hệ nào trên nút này quản lý đối tượng thu phí.", "本节点没有管理收费对象的模块。");

    public static PaymentRefusal Paid(Fee fee) =>
        Of(409, "fee-paid", "fee", $"fee {fee.Id} was paid at {fee.PaidAt:u} (payment {fee.PaymentId}); it is not charged twice.",
            $"khoản phí {fee.Id} đã được thanh toán lúc {fee.PaidAt:u} (giao dịch {fee.PaymentId}); không thu hai lần.",
            $"费用{fee.Id}已于{fee.PaidAt:u}支付（支付{fee.PaymentId}），不会重复收取。");

    public static PaymentRefusal Cancelled(Fee fee) =>
        Of(409, "fee-cancelled", "fee", $"fee {fee.Id} was cancelled by the gate operator at {fee.CancelledAt:u}; nothing is due.",
            $"khoản phí {fee.Id} đã bị điều hành cổng hủy lúc {fee.CancelledAt:u}; không còn phải trả.", $"费用{fee.Id}已于{fee.CancelledAt:u}被口岸运营方取消，无需支付。");

    public static PaymentRefusal Expired(Fee fee) =>
        Of(409, "fee-expired", "fee", $"the code of fee {fee.Id} could be paid until {fee.ExpiresAt:u}; ask the gate operator for a new one.",
            $"mã của khoản phí {fee.Id} chỉ thanh toán được đến {fee.ExpiresAt:u}; hãy đề nghị điều hành cổng cấp mã mới.",
            $"费用{fee.Id}的付款码有效期至{fee.ExpiresAt:u}；请向口岸运营方申请新码。");

    public static PaymentRefusal NotCancellable(Fee fee, string state) =>
        Of(409, "fee-" + state, "fee", $"fee {fee.Id} is {state}; only an issued fee can be cancelled.",
            $"khoản phí {fee.Id} đang ở trạng thái {state}; chỉ hủy được khoản phí chưa thanh toán.", $"费用{fee.Id}的状态为{state}，只能取消未支付的费用。");

    public static PaymentRefusal AmountDiffers(Fee fee, Money scanned) =>
        Of(422, "fee-amount", "payload.54", $"the code says {scanned} but fee {fee.Id} is {fee.Amount}: the code was altered or is not this fee's.",
            $"mã ghi {scanned} nhưng khoản phí {fee.Id} là {fee.Amount}: mã đã bị sửa hoặc không phải của khoản phí này.",
            $"付款码金额为{scanned}，但费用{fee.Id}为{fee.Amount}：付款码被篡改或不属于该费用。");

    public static PaymentRefusal CurrencyDiffers(Fee fee, string scanned) =>
        Of(422, "fee-currency", "payload.53", $"the code is in {scanned} but fee {fee.Id} is in {fee.Amount.Currency}.",
            $"mã dùng loại tiền {scanned} nhưng khoản phí {fee.Id} tính bằng {fee.Amount.Currency}.", $"付款码币种为{scanned}，但费用{fee.Id}以{fee.Amount.Currency}计。");

    public static PaymentRefusal PayerCurrency(Fee fee, string payer, Currency held) =>
        Of(422, "currency-mismatch", "payer", $"fee {fee.Id} is paid in {fee.Amount.Currency}; account {payer} holds {held}: pay from a {fee.Amount.Currency} account, or name a quote from {held} to {fee.Amount} (quoteId).",
            $"khoản phí {fee.Id} phải trả bằng {fee.Amount.Currency}; tài khoản {payer} giữ {held}: hãy trả từ tài khoản {fee.Amount.Currency}, hoặc nêu một báo giá từ {held} sang {fee.Amount} (quoteId).",
            $"费用{fee.Id}须以{fee.Amount.Currency}支付；账户{payer}的币种为{held}：请从{fee.Amount.Currency}账户支付，或提供从{held}兑换为{fee.Amount}的报价（quoteId）。");

    public static PaymentRefusal Altered(Fee fee) =>
        Of(422, "qr-mismatch", "payload", $"the code is not the one issued for fee {fee.Id}: a field other than the amount was changed (the payee's account, the merchant).",
            $"mã không phải mã đã cấp cho khoản phí {fee.Id}: một trường ngoài số tiền đã bị thay đổi (tài khoản người nhận, thông tin đơn vị).",
            $"付款码不是为费用{fee.Id}签发的码：金额以外的字段（收款账户、商户信息）被更改。");

    // The violations the decoder found are put in each sentence in that sentence's language.
    public static PaymentRefusal Crc(QrViolation crc) =>
        Of(422, "qr-crc", "payload.63", $"the code's checksum does not hold: it was altered, cut or mistyped ({crc.In("en").Message}).",
            $"mã kiểm tra (CRC) không khớp: mã đã bị sửa, cắt hoặc nhập sai ({crc.In("vi").Message}).", $"付款码校验和（CRC）不符：付款码被篡改、截断或输入错误（{crc.In("zh").Message}）。");

    public static PaymentRefusal Invalid(string profile, IReadOnlyList<QrViolation> violations)
    {
        string Detail(string language) => string.Join(" ", violations.Select(v => $"{v.Tag}: {v.In(language).Message}"));
        return Of(422, "qr-invalid", "payload", $"the code is not a valid {profile} code: {Detail("en")}", $"mã không phải mã {profile} hợp lệ: {Detail("vi")}",
            $"付款码不是有效的{profile}码：{Detail("zh")}");
    }

    public static PaymentRefusal NotFeeCode(string what) =>
        Of(422, "qr-not-fee", "payload", $"the code is not a gate fee's: {what}. Scan the dynamic code the gate issued for the fee.",
            $"mã không phải mã thu phí của cổng: {what}. Hãy quét mã động mà cổng cấp cho khoản phí.", $"该码不是口岸费用码：{what}。请扫描口岸为该费用签发的动态码。");
}
