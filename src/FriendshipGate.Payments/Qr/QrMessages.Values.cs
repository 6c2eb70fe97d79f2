using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>This part: values the EMVCo core allows (fixed values, code lists, amounts and fees) and what the profiles require.</summary>
internal static partial class QrMessages
{
    public static readonly QrMessage FormatIndicator = new(QrRule.Value,
        "the payload format indicator (00) is '{0}'; it must be '01'.",
        "Chỉ báo định dạng dữ liệu (00) là “{0}”; phải là “01”.",
        "载荷格式指示符（00）为“{0}”；必须为“01”。");

    public static readonly QrMessage Initiation = new(QrRule.Value,
        "the point of initiation method (01) is '{0}'; it must be '11' (static) or '12' (dynamic).",
        "Phương thức khởi tạo (01) là “{0}”; phải là “11” (mã tĩnh) hoặc “12” (mã động).",
        "发起方式（01）为“{0}”；必须为“11”（静态码）或“12”（动态码）。");

    public static readonly QrMessage CountryCapitals = new(QrRule.Format,
        "the country code (58) is '{0}'; it must be two capital letters (ISO 3166-1 alpha-2).",
        "Mã quốc gia (58) là “{0}”; phải gồm hai chữ cái in hoa (ISO 3166-1 alpha-2).",
        "国家代码（58）为“{0}”；必须为两个大写字母（ISO 3166-1 alpha-2）。");

    public static readonly QrMessage ConsumerDataRequest = new(QrRule.Value,
        "the additional consumer data request (62.09) is '{0}'; it may hold only A, M and E, each once.",
        "Yêu cầu dữ liệu bổ sung của người thanh toán (62.09) là “{0}”; chỉ được chứa A, M và E, mỗi chữ một lần.",
        "附加消费者数据请求（62.09）为“{0}”；只能包含A、M和E，且每个最多一次。");

    public static readonly QrMessage LanguageLetters = new(QrRule.Format,
        "the language preference (64.00) is '{0}'; it must be two letters (ISO 639-1).",
        "Ngôn ngữ ưu tiên (64.00) là “{0}”; phải gồm hai chữ cái (ISO 639-1).",
        "语言偏好（64.00）为“{0}”；必须为两个字母（ISO 639-1）。");

    public static readonly QrMessage LanguageTemplate = new(QrRule.Mandatory,
        "{0} (64.{1}) is mandatory in the language template.",
        "{0} (64.{1}) là bắt buộc trong mẫu ngôn ngữ.",
        "{0}（64.{1}）在语言模板中为必填项。");

    public static readonly QrMessage AmountFormat = new(QrRule.Format,
        "the {0} ({1}) is '{2}'; it must be digits with an optional '.' and decimals, e.g. 150000 or 23.72.",
        "{0} ({1}) là “{2}”; phải là chữ số, có thể kèm dấu “.” và phần thập phân, ví dụ 150000 hoặc 23.72.",
        "{0}（{1}）为“{2}”；必须为数字，可带“.”和小数，例如150000或23.72。");

    public static readonly QrMessage AmountNoMinorUnit = new(QrRule.Value,
        "the {0} ({1}) is '{2}'; {3} ({4}) has no minor unit, so it takes no decimals.",
        "{0} ({1}) là “{2}”; {3} ({4}) không có đơn vị tiền lẻ nên không được có phần thập phân.",
        "{0}（{1}）为“{2}”；{3}（{4}）没有辅币单位，不能带小数。");

    public static readonly QrMessage AmountDecimals = new(QrRule.Value,
        "the {0} ({1}) is '{2}'; {3} ({4}) takes at most {5} decimals.",
        "{0} ({1}) là “{2}”; {3} ({4}) chỉ được có tối đa {5} chữ số thập phân.",
        "{0}（{1}）为“{2}”；{3}（{4}）最多只能有{5}位小数。");

    public static readonly QrMessage TipIndicator = new(QrRule.Value,
        "the tip or convenience indicator (55) is '{0}'; it must be 01, 02 or 03.",
        "Chỉ báo tiền boa hoặc phí tiện ích (55) là “{0}”; phải là 01, 02 hoặc 03.",
        "小费或便利费指示符（55）为“{0}”；必须为01、02或03。");

    public static readonly QrMessage FeeNeeded = new(QrRule.Mandatory,
        "{0} ({1}) is mandatory when 55 is '{2}'.",
        "{0} ({1}) là bắt buộc khi 55 là “{2}”.",
        "55为“{2}”时，{0}（{1}）为必填项。");

    public static readonly QrMessage FeeNotAllowed = new(QrRule.Value,
        "{0} ({1}) may be present only when 55 is '{2}'.",
        "{0} ({1}) chỉ được có khi 55 là “{2}”.",
        "仅当55为“{2}”时才可出现{0}（{1}）。");

    public static readonly QrMessage FeePercentage = new(QrRule.Value,
        "the convenience fee percentage (57) is '{0}'; it must be between 00.01 and 99.99.",
        "Phí tiện ích theo tỷ lệ phần trăm (57) là “{0}”; phải nằm trong khoảng từ 00.01 đến 99.99.",
        "便利费百分比（57）为“{0}”；必须在00.01至99.99之间。");

    public static readonly QrMessage Mandatory = new(QrRule.Mandatory,
        "{0} ({1}) is mandatory under the {2} profile.",
        "{0} ({1}) là bắt buộc theo bộ quy tắc {2}.",
        "在{2}规则下，{0}（{1}）为必填项。");

    public static readonly QrMessage MerchantAccount = new(QrRule.Mandatory,
        "at least one merchant account information data object (02–51) is mandatory under the {0} profile.",
        "Theo bộ quy tắc {0}, phải có ít nhất một đối tượng dữ liệu thông tin tài khoản đơn vị chấp nhận thanh toán (02–51).",
        "在{0}规则下，至少须有一个商户账户信息数据对象（02–51）。");

    public static readonly Trilingual TransactionAmount = new("Số tiền giao dịch", "交易金额", "transaction amount");
    public static readonly Trilingual FixedFee = new("Phí tiện ích cố định", "固定便利费", "fixed convenience fee");
    public static readonly Trilingual LanguagePreference = new("Ngôn ngữ ưu tiên", "语言偏好", "the language preference");
    public static readonly Trilingual AlternateName = new("Tên đơn vị bằng ngôn ngữ khác", "其他语言的商户名称", "the merchant name in the alternate language");

    /// <summary>A data object inside a template, when a sentence needs a name and has none better.</summary>
    public static readonly Trilingual DataObject = new("Đối tượng dữ liệu", "数据对象", "The data object");
}
