using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>The characters a value may hold, after EMVCo's data formats.</summary>
internal enum QrCharset
{
    /// <summary>"N": the digits 0–9.</summary>
    Numeric,

    /// <summary>"ans": printable ASCII, space to tilde (0x20–0x7E).</summary>
    AlphanumericSpecial,

    /// <summary>"S": any Unicode character (alternate-language names, templates, context-specific data).</summary>
    Any,
}

/// <summary>
/// Where a data object sits. The same ID means different things in different places ("01" is the point of initiation at
/// the root, the bill number in 62); the scope decides its name, format and whether its value is itself a template.
/// </summary>
internal enum QrScope
{
    Root,
    MerchantAccount,
    NapasAccount,
    NapasBeneficiary,
    UnionPayAccount,
    AdditionalData,
    PaymentSystemTemplate,
    Language,
    Unreserved,
}

/// <summary>What a data object is: its name (in English, Vietnamese and Chinese), characters and length range, and the scope of its children when it is a template.</summary>
internal sealed record QrTagSpec(Trilingual Name, QrCharset Charset, int MinLength, int MaxLength, QrScope? Template = null)
{
    public static QrTagSpec Numeric(Trilingual name, int length) => new(name, QrCharset.Numeric, length, length);

    public static QrTagSpec Text(Trilingual name, int maxLength) => new(name, QrCharset.AlphanumericSpecial, 1, maxLength);

    public static QrTagSpec Unicode(Trilingual name, int maxLength) => new(name, QrCharset.Any, 1, maxLength);

    public static QrTagSpec TemplateOf(Trilingual name, QrScope children) => new(name, QrCharset.Any, 1, 99, children);
}

/// <summary>The data objects of an EMVCo merchant-presented payload, with the NAPAS and UnionPay templates inside them.</summary>
internal static class QrTagCatalog
{
    /// <summary>The NAPAS application identifier that opens a VietQR merchant account template.</summary>
    public const string NapasGuid = "A000000727";

    /// <summary>UnionPay's registered application provider identifier; its AIDs (A000000333010101, …) start with it.</summary>
    public const string UnionPayRid = "A000000333";

    public static QrTagSpec Spec(QrScope scope, string id)
    {
        var n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        return scope switch
        {
            QrScope.Root => Root(n),
            QrScope.NapasAccount => n switch
            {
                0 => QrTagSpec.Text(Name("Globally unique identifier (NAPAS)", "Định danh duy nhất toàn cầu (NAPAS)", "全局唯一标识符（NAPAS）"), 32),
                1 => QrTagSpec.TemplateOf(Name("Beneficiary organisation", "Tổ chức thụ hưởng", "收款机构"), QrScope.NapasBeneficiary),
                2 => QrTagSpec.Text(Name("Service code", "Mã dịch vụ", "服务代码"), 99),
                _ => QrTagSpec.Unicode(NapasSpecific, 99),
            },
            QrScope.NapasBeneficiary => n switch
            {
                0 => QrTagSpec.Numeric(Name("Acquirer ID (bank BIN)", "Mã định danh ngân hàng (BIN)", "收单机构标识（银行BIN）"), 6),
                1 => QrTagSpec.Text(Name("Merchant or consumer ID (account or card number)", "Mã định danh đơn vị hoặc người nhận (số tài khoản hoặc số thẻ)", "商户或收款人标识（账号或卡号）"), 19),
                _ => QrTagSpec.Unicode(NapasSpecific, 99),
            },
            QrScope.AdditionalData => AdditionalData(n),
            QrScope.Language => n switch
            {
                0 => new QrTagSpec(Name("Language preference", "Ngôn ngữ ưu tiên", "语言偏好"), QrCharset.AlphanumericSpecial, 2, 2),
                1 => QrTagSpec.Unicode(Name("Merchant name, alternate language", "Tên đơn vị bằng ngôn ngữ khác", "商户名称（其他语言）"), 25),
                2 => QrTagSpec.Unicode(Name("Merchant city, alternate language", "Thành phố bằng ngôn ngữ khác", "商户所在城市（其他语言）"), 15),
                _ => QrTagSpec.Unicode(Reserved, 99),
            },
            // Merchant account templates (26–51) of other networks, UnionPay's, unreserved templates (80–99) and the payment
            // system templates inside 62 share one shape: a globally unique identifier in 00, then the owner's own data.
            _ => n == 0
                ? QrTagSpec.Text(scope == QrScope.UnionPayAccount
                    ? Name("Globally unique identifier (UnionPay AID)", "Định danh duy nhất toàn cầu (AID của UnionPay)", "全局唯一标识符（银联AID）")
                    : Name("Globally unique identifier", "Định danh duy nhất toàn cầu", "全局唯一标识符"), 32)
                : QrTagSpec.Unicode(scope == QrScope.UnionPayAccount
                    ? Name("UnionPay specific", "Dữ liệu riêng của UnionPay", "银联专用数据")
                    : Name("Payment system specific", "Dữ liệu riêng của hệ thống thanh toán", "支付系统专用数据"), 99),
        };
    }

    /// <summary>The scope of a merchant account template's children, from the identifier in its 00.</summary>
    public static QrScope MerchantAccountScope(string? guid) =>
        guid == NapasGuid ? QrScope.NapasAccount
        : guid is not null && guid.StartsWith(UnionPayRid, StringComparison.OrdinalIgnoreCase) ? QrScope.UnionPayAccount
        : QrScope.MerchantAccount;

    private static readonly Trilingual Reserved = Name("Reserved for future use", "Dành riêng cho tương lai", "预留供将来使用");
    private static readonly Trilingual NapasSpecific = Name("NAPAS specific", "Dữ liệu riêng của NAPAS", "NAPAS专用数据");

    // English first: it is the reference the specifications use, and what the API has always answered.
    private static Trilingual Name(string en, string vi, string zh) => new(vi, zh, en);

    private static QrTagSpec Root(int n) => n switch
    {
        0 => QrTagSpec.Numeric(Name("Payload format indicator", "Chỉ báo định dạng dữ liệu", "载荷格式指示符"), 2),
        1 => QrTagSpec.Numeric(Name("Point of initiation method", "Phương thức khởi tạo", "发起方式"), 2),
        >= 2 and <= 25 => QrTagSpec.Text(Name($"Merchant account information ({CardNetwork(n)})", $"Thông tin tài khoản đơn vị chấp nhận thanh toán ({CardNetwork(n)})", $"商户账户信息（{CardNetwork(n)}）"), 99),
        >= 26 and <= 51 => QrTagSpec.TemplateOf(Name("Merchant account information template", "Mẫu thông tin tài khoản đơn vị chấp nhận thanh toán", "商户账户信息模板"), QrScope.MerchantAccount),
        52 => QrTagSpec.Numeric(Name("Merchant category code", "Mã danh mục đơn vị chấp nhận thanh toán", "商户类别码"), 4),
        53 => QrTagSpec.Numeric(Name("Transaction currency", "Mã tiền tệ giao dịch", "交易币种"), 3),
        54 => QrTagSpec.Text(Name("Transaction amount", "Số tiền giao dịch", "交易金额"), 13),
        55 => QrTagSpec.Numeric(Name("Tip or convenience indicator", "Chỉ báo tiền boa hoặc phí tiện ích", "小费或便利费指示符"), 2),
        56 => QrTagSpec.Text(Name("Convenience fee, fixed", "Phí tiện ích cố định", "固定便利费"), 13),
        57 => QrTagSpec.Text(Name("Convenience fee, percentage", "Phí tiện ích theo tỷ lệ phần trăm", "便利费百分比"), 5),
        58 => new QrTagSpec(Name("Country code", "Mã quốc gia", "国家代码"), QrCharset.AlphanumericSpecial, 2, 2),
        59 => QrTagSpec.Text(Name("Merchant name", "Tên đơn vị chấp nhận thanh toán", "商户名称"), 25),
        60 => QrTagSpec.Text(Name("Merchant city", "Thành phố của đơn vị chấp nhận thanh toán", "商户所在城市"), 15),
        61 => QrTagSpec.Text(Name("Postal code", "Mã bưu chính", "邮政编码"), 10),
        62 => QrTagSpec.TemplateOf(Name("Additional data field template", "Mẫu dữ liệu bổ sung", "附加数据模板"), QrScope.AdditionalData),
        63 => new QrTagSpec(Name("CRC", "Mã kiểm tra CRC", "校验码CRC"), QrCharset.AlphanumericSpecial, 4, 4),
        64 => QrTagSpec.TemplateOf(Name("Merchant information, language template", "Mẫu thông tin đơn vị theo ngôn ngữ khác", "商户信息语言模板"), QrScope.Language),
        >= 80 => QrTagSpec.TemplateOf(Name("Unreserved template", "Mẫu không dành riêng", "非预留模板"), QrScope.Unreserved),
        _ => QrTagSpec.Unicode(Reserved, 99),
    };

    // The IDs EMVCo reserves for the card networks' own primitive merchant account data.
    private static string CardNetwork(int n) => n switch
    {
        2 or 3 => "Visa",
        4 or 5 => "Mastercard",
        9 or 10 => "Discover",
        11 or 12 => "Amex",
        13 or 14 => "JCB",
        15 or 16 => "UnionPay",
        _ => "EMVCo",
    };

    private static QrTagSpec AdditionalData(int n) => n switch
    {
        1 => QrTagSpec.Text(Name("Bill number", "Số hóa đơn", "账单号"), 25),
        2 => QrTagSpec.Text(Name("Mobile number", "Số điện thoại di động", "手机号码"), 25),
        3 => QrTagSpec.Text(Name("Store label", "Nhãn cửa hàng", "门店标签"), 25),
        4 => QrTagSpec.Text(Name("Loyalty number", "Số thẻ khách hàng thân thiết", "会员号"), 25),
        5 => QrTagSpec.Text(Name("Reference label", "Nhãn tham chiếu", "参考标签"), 25),
        6 => QrTagSpec.Text(Name("Customer label", "Nhãn khách hàng", "客户标签"), 25),
        7 => QrTagSpec.Text(Name("Terminal label", "Nhãn thiết bị đầu cuối", "终端标签"), 25),
        8 => QrTagSpec.Text(Name("Purpose of transaction", "Mục đích giao dịch", "交易用途"), 25),
        9 => QrTagSpec.Text(Name("Additional consumer data request", "Yêu cầu dữ liệu bổ sung của người thanh toán", "附加消费者数据请求"), 3),
        10 => QrTagSpec.Text(Name("Merchant tax ID", "Mã số thuế của đơn vị", "商户税号"), 20),
        11 => new QrTagSpec(Name("Merchant channel", "Kênh của đơn vị", "商户渠道"), QrCharset.AlphanumericSpecial, 3, 3),
        >= 50 => QrTagSpec.TemplateOf(Name("Payment system specific template", "Mẫu riêng của hệ thống thanh toán", "支付系统专用模板"), QrScope.PaymentSystemTemplate),
        _ => QrTagSpec.Unicode(Reserved, 99),
    };
}
