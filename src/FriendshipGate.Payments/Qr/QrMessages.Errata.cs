namespace FriendshipGate.Payments.Qr;

/// <summary>This part: the warnings for the NAPAS specification's errata and the deviations of real generators (<see cref="QrWarning"/>).</summary>
internal static partial class QrMessages
{
    public static readonly QrMessage LengthMiscounted = new(QrWarning.LengthMiscounted,
        "{0} declares {1} characters but {2} remain before template {3} ends: read whole it is '{4}', read as declared '{5}'. The NAPAS specification's own static transfer example has this miscount; the code stays refused, since readers would not agree on the value.",
        "{0} khai báo {1} ký tự nhưng còn {2} ký tự trước khi mẫu {3} kết thúc: đọc trọn là “{4}”, đọc theo độ dài khai báo là “{5}”. Ví dụ mã tĩnh chuyển khoản trong chính đặc tả NAPAS cũng đếm sai như vậy; mã vẫn bị từ chối vì các bên đọc sẽ không hiểu cùng một giá trị.",
        "{0}声明长度为{1}个字符，但模板{3}结束前还剩{2}个字符：整体读取为“{4}”，按声明长度读取为“{5}”。NAPAS规范自身的静态转账示例就有这种计数错误；由于各读取方对该值的理解不一致，该码仍被拒绝。");

    public static readonly QrMessage LengthInBytes = new(QrWarning.LengthInBytes,
        "with its lengths counted in UTF-8 bytes this payload is well-formed: its producer counts bytes where EMVCo and NAPAS count characters, as some VietQR libraries do. It stays refused: a reader counting characters reads other values.",
        "Nếu đếm độ dài theo byte UTF-8 thì chuỗi dữ liệu này đúng cấu trúc: nơi tạo mã đã đếm byte trong khi EMVCo và NAPAS đếm ký tự, như một số thư viện VietQR vẫn làm. Mã vẫn bị từ chối: bên đọc đếm theo ký tự sẽ đọc ra giá trị khác.",
        "若按UTF-8字节计算长度，此载荷结构完整：生成方按字节计数，而EMVCo和NAPAS按字符计数，部分VietQR库即如此。该码仍被拒绝：按字符计数的读取方会读出不同的值。");

    public static readonly QrMessage FormatIndicatorZero = new(QrWarning.FormatIndicatorZero,
        "the payload format indicator (00) is '00', not '01'. A published VietQR generator writes '00' and bank apps are reported to scan it, so the vietqr profile reads the code; a strict EMVCo reader refuses it. Write '01'.",
        "Chỉ báo định dạng dữ liệu (00) là “00”, không phải “01”. Một thư viện tạo VietQR công khai ghi “00” và ứng dụng ngân hàng được cho là vẫn quét được, nên bộ quy tắc vietqr vẫn đọc mã này; bên đọc tuân thủ chặt EMVCo sẽ từ chối. Hãy ghi “01”.",
        "载荷格式指示符（00）为“00”而非“01”。某公开的VietQR生成库写入“00”，据称银行应用仍可扫描，因此vietqr规则仍读取该码；严格遵循EMVCo的读取方会拒绝。请写“01”。");
}
