using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>This part: the NAPAS VietQR and UnionPay profiles.</summary>
internal static partial class QrMessages
{
    public static readonly QrMessage VietQrCurrency = new(QrRule.Value,
        "the transaction currency (53) is '{0}'; VietQR is in Vietnamese dong, {1}.",
        "Mã tiền tệ giao dịch (53) là “{0}”; VietQR dùng đồng Việt Nam, {1}.",
        "交易币种（53）为“{0}”；VietQR以越南盾计价，代码{1}。");

    public static readonly QrMessage VietQrCountry = new(QrRule.Value,
        "the country code (58) is '{0}'; VietQR merchants are in Viet Nam, VN.",
        "Mã quốc gia (58) là “{0}”; đơn vị nhận thanh toán VietQR ở Việt Nam, mã VN.",
        "国家代码（58）为“{0}”；VietQR商户位于越南，代码VN。");

    public static readonly QrMessage NapasTemplate = new(QrRule.Mandatory,
        "VietQR carries the beneficiary in merchant account template 38 (identifier {0}); it is missing.",
        "VietQR ghi người thụ hưởng trong mẫu thông tin tài khoản 38 (định danh {0}); mẫu này bị thiếu.",
        "VietQR在商户账户信息模板38（标识符{0}）中记载收款方；该模板缺失。");

    public static readonly QrMessage NapasIdentifierMissing = new(QrRule.Mandatory,
        "the NAPAS identifier (38.00, {0}) is mandatory under the vietqr profile.",
        "Định danh NAPAS (38.00, {0}) là bắt buộc theo bộ quy tắc vietqr.",
        "在vietqr规则下，NAPAS标识符（38.00，{0}）为必填项。");

    public static readonly QrMessage NapasIdentifierWrong = new(QrRule.Value,
        "template 38 is identified as '{0}'; VietQR's is NAPAS's {1}.",
        "Mẫu 38 có định danh “{0}”; VietQR dùng định danh của NAPAS, {1}.",
        "模板38的标识符为“{0}”；VietQR应使用NAPAS的标识符{1}。");

    public static readonly QrMessage ServiceCodeMissing = new(QrRule.Mandatory,
        "the service code (38.02) is mandatory under the vietqr profile: {0} (to an account) or {1} (to a card).",
        "Mã dịch vụ (38.02) là bắt buộc theo bộ quy tắc vietqr: {0} (chuyển đến tài khoản) hoặc {1} (chuyển đến thẻ).",
        "在vietqr规则下，服务代码（38.02）为必填项：{0}（转入账户）或{1}（转入卡）。");

    public static readonly QrMessage ServiceCodeWrong = new(QrRule.Value,
        "the service code (38.02) is '{0}'; it must be one of {1}.",
        "Mã dịch vụ (38.02) là “{0}”; phải là một trong các mã {1}.",
        "服务代码（38.02）为“{0}”；必须为{1}之一。");

    public static readonly QrMessage CardDigits = new(QrRule.Format,
        "the card number (38.01.01) is '{0}'; with service code {1} it must be digits only.",
        "Số thẻ (38.01.01) là “{0}”; với mã dịch vụ {1}, số thẻ chỉ được gồm chữ số.",
        "卡号（38.01.01）为“{0}”；服务代码为{1}时只能包含数字。");

    public static readonly QrMessage UnionPayDigits = new(QrRule.Format,
        "UnionPay merchant account information ({0}) is '{1}'; it must be digits (acquirer IIN, forwarding IIN, merchant ID).",
        "Thông tin tài khoản đơn vị UnionPay ({0}) là “{1}”; phải là chữ số (IIN của tổ chức thanh toán, IIN chuyển tiếp, mã đơn vị).",
        "银联商户账户信息（{0}）为“{1}”；必须为数字（收单机构IIN、转接机构IIN、商户号）。");

    public static readonly QrMessage UnionPayAccount = new(QrRule.Mandatory,
        "a UnionPay merchant account is mandatory under the unionpay profile: ID 15 or 16, or a template in 26–51 identified by a UnionPay AID ({0}…).",
        "Theo bộ quy tắc unionpay, phải có tài khoản đơn vị UnionPay: ID 15 hoặc 16, hoặc một mẫu trong khoảng 26–51 có định danh là AID của UnionPay ({0}…).",
        "在unionpay规则下，银联商户账户为必填项：ID 15或16，或26–51中以银联AID（{0}…）标识的模板。");

    /// <summary>Codes listed as each language lists them: "A, B, C", and in Chinese "A、B、C".</summary>
    public static Trilingual List(IEnumerable<string> codes) =>
        new(string.Join(", ", codes), string.Join("、", codes), string.Join(", ", codes));

    public static readonly Trilingual BeneficiaryOrganisation = new("Tổ chức thụ hưởng", "收款机构", "The beneficiary organisation");
    public static readonly Trilingual AcquirerId = new("Mã định danh ngân hàng (BIN)", "收单机构标识（银行BIN）", "The acquirer ID (bank BIN)");
    public static readonly Trilingual AccountOrCard = new("Số tài khoản hoặc số thẻ", "账号或卡号", "The account or card number");
}
