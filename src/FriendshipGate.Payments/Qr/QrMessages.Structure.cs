using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// Every sentence a violation can carry, in English, Vietnamese and simplified Chinese (docs/payments/emvco-qr.md, section
/// 6). The English is the reference: clients read it unchanged. This part: how the payload is written (TLV, lengths,
/// formats, order, checksum).
/// </summary>
internal static partial class QrMessages
{
    public static readonly QrMessage Empty = new(QrRule.Mandatory,
        "the payload is empty.",
        "Chuỗi dữ liệu QR trống.",
        "二维码数据为空。");

    public static readonly QrMessage CutShort = new(QrRule.Length,
        "{0} ends with '{1}', too short for an ID and a length: the payload is cut short.",
        "Phần cuối của {0} là “{1}”, quá ngắn để chứa một ID và một độ dài: chuỗi dữ liệu bị cắt cụt.",
        "{0}以“{1}”结尾，不足以构成ID和长度：二维码数据被截断。");

    public static readonly QrMessage IdNotDigits = new(QrRule.Format,
        "expected a two-digit ID in {0} but found '{1}'; what follows cannot be read.",
        "Cần một ID gồm hai chữ số trong {0} nhưng gặp “{1}”; không thể đọc phần tiếp theo.",
        "{0}中应为两位数字的ID，实际为“{1}”；其后内容无法读取。");

    public static readonly QrMessage LengthNotDigits = new(QrRule.Format,
        "the length of {0} must be two digits but is '{1}'; what follows cannot be read.",
        "Độ dài của {0} phải gồm hai chữ số nhưng là “{1}”; không thể đọc phần tiếp theo.",
        "{0}的长度必须为两位数字，实际为“{1}”；其后内容无法读取。");

    public static readonly QrMessage RunsPastEnd = new(QrRule.Length,
        "{0} declares {1} characters but only {2} remain: the payload is cut short or a length is wrong.",
        "{0} khai báo {1} ký tự nhưng chỉ còn {2}: chuỗi dữ liệu bị cắt cụt hoặc một độ dài bị sai.",
        "{0}声明长度为{1}个字符，但只剩{2}个：二维码数据被截断或某个长度有误。");

    public static readonly QrMessage ZeroLength = new(QrRule.Length,
        "{0} declares length 00; a value has at least one character.",
        "{0} khai báo độ dài 00; một giá trị phải có ít nhất một ký tự.",
        "{0}声明长度为00；值至少应有一个字符。");

    public static readonly QrMessage Duplicate = new(QrRule.Duplicate,
        "{0} appears more than once in {1}; only the first one counts.",
        "{0} xuất hiện nhiều lần trong {1}; chỉ lần đầu tiên được tính.",
        "{0}在{1}中出现多次；仅第一次出现有效。");

    public static readonly QrMessage LengthExact = new(QrRule.Length,
        "{0} ({1}) has {2} characters; it must have exactly {3}.",
        "{0} ({1}) có {2} ký tự; phải có đúng {3} ký tự.",
        "{0}（{1}）有{2}个字符；必须恰好为{3}个字符。");

    public static readonly QrMessage LengthRange = new(QrRule.Length,
        "{0} ({1}) has {2} characters; it must have {3} to {4}.",
        "{0} ({1}) có {2} ký tự; phải có từ {3} đến {4} ký tự.",
        "{0}（{1}）有{2}个字符；必须为{3}至{4}个字符。");

    public static readonly QrMessage DigitsOnly = new(QrRule.Format,
        "{0} ({1}) is '{2}'; it must be digits only.",
        "{0} ({1}) là “{2}”; chỉ được gồm chữ số.",
        "{0}（{1}）为“{2}”；只能包含数字。");

    public static readonly QrMessage NotAscii = new(QrRule.Format,
        "{0} ({1}) contains {2}; EMVCo allows only printable ASCII here (write names without diacritics, and put the local spelling in 64).",
        "{0} ({1}) chứa {2}; EMVCo chỉ cho phép ký tự ASCII in được ở đây (viết tên không dấu, và ghi cách viết bản địa trong 64).",
        "{0}（{1}）包含{2}；EMVCo在此只允许可打印的ASCII字符（名称请去掉变音符号书写，本地写法请填入64）。");

    public static readonly QrMessage FormatIndicatorFirst = new(QrRule.Order,
        "the payload format indicator (00) must be the first data object.",
        "Chỉ báo định dạng dữ liệu (00) phải là đối tượng dữ liệu đầu tiên.",
        "载荷格式指示符（00）必须是第一个数据对象。");

    public static readonly QrMessage CrcLast = new(QrRule.Order,
        "the CRC (63) must be the last data object.",
        "Mã kiểm tra CRC (63) phải là đối tượng dữ liệu cuối cùng.",
        "校验码CRC（63）必须是最后一个数据对象。");

    public static readonly QrMessage CrcNotHex = new(QrRule.Format,
        "the CRC (63) is '{0}'; it must be four hexadecimal digits.",
        "Mã kiểm tra CRC (63) là “{0}”; phải gồm bốn chữ số thập lục phân.",
        "校验码CRC（63）为“{0}”；必须为四位十六进制数字。");

    public static readonly QrMessage CrcMismatch = new(QrRule.Crc,
        "the payload carries CRC {0} but its content gives {1}: it was altered, cut or mistyped.",
        "Chuỗi dữ liệu mang CRC {0} nhưng nội dung của nó cho ra {1}: dữ liệu đã bị sửa, cắt bớt hoặc nhập sai.",
        "二维码数据所带CRC为{0}，但按其内容计算应为{1}：数据被篡改、截断或输入错误。");

    public static readonly QrMessage TemplateOwner = new(QrRule.Mandatory,
        "the template {0} must name its owner with a globally unique identifier in {0}.00.",
        "Mẫu {0} phải nêu chủ sở hữu bằng một định danh duy nhất toàn cầu trong {0}.00.",
        "模板{0}必须在{0}.00中以全局唯一标识符注明其所属方。");

    /// <summary>Where a fault was read: the payload, or a template inside it.</summary>
    public static Trilingual Where(string prefix) => prefix.Length == 0
        ? new("chuỗi dữ liệu", "二维码数据", "the payload")
        : new($"mẫu {prefix.TrimEnd('.')}", $"模板{prefix.TrimEnd('.')}", $"template {prefix.TrimEnd('.')}");

    /// <summary>A character a format does not allow, shown so that it can be found: a control character by its code point.</summary>
    public static Trilingual Character(string value, int at) =>
        char.IsControl(value[at]) ? new($"ký tự điều khiển U+{(int)value[at]:X4}", $"控制字符U+{(int)value[at]:X4}", $"the control character U+{(int)value[at]:X4}")
        : Quoted(char.IsSurrogatePair(value, at) ? value.Substring(at, 2) : value[at].ToString());

    private static Trilingual Quoted(string text) => new($"“{text}”", $"“{text}”", $"'{text}'");
}
