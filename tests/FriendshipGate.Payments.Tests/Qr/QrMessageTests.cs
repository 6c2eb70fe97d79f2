using System.Reflection;
using System.Text.RegularExpressions;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Qr;
using static FriendshipGate.Payments.Tests.Qr.Samples;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>
/// Violations people can read: every sentence and every data object's name in Vietnamese, Chinese and English, English
/// unchanged by default, and one known-bad VietQR payload read in each language.
/// </summary>
public sealed partial class QrMessageTests
{
    public static TheoryData<string> MessageNames => [.. Messages().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void EveryMessage_HasAllThreeLanguages_WithTheSamePlaceholders(string name)
    {
        var message = Messages().Single(m => m.Name == name).Message;
        Assert.Contains(message.Rule, QrRule.All.Concat(QrWarning.All));
        string[] sentences = [message.En, message.Vi, message.Zh];
        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.Equal(Placeholders(message.En), Placeholders(message.Vi));
        Assert.Equal(Placeholders(message.En), Placeholders(message.Zh));
        // A translation is not the English copied: Vietnamese has its own letters, Chinese its characters.
        Assert.NotEqual(message.En, message.Vi);
        Assert.Matches(Han(), message.Zh);
    }

    [Fact]
    public void EveryRuleAndWarning_HasMessages()
    {
        var rules = Messages().Select(m => m.Message.Rule).ToHashSet();
        Assert.Equal(QrRule.All.Concat(QrWarning.All).Order(), rules.Order());
    }

    [Fact]
    public void EveryDataObject_IsNamedInAllThreeLanguages()
    {
        var ids = Enumerable.Range(0, 100).Select(n => n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        var names = Enum.GetValues<QrScope>().SelectMany(scope => ids.Select(id => (Where: $"{scope} {id}", QrTagCatalog.Spec(scope, id).Name))).ToList();
        var missing = names.Where(n => string.IsNullOrWhiteSpace(n.Name.Vi) || string.IsNullOrWhiteSpace(n.Name.Zh) || string.IsNullOrWhiteSpace(n.Name.En)
            || !Han().IsMatch(n.Name.Zh!)).Select(n => n.Where).ToList();
        Assert.True(missing.Count == 0, "not named in every language: " + string.Join(", ", missing));
    }

    [Fact]
    public void WithoutALanguage_TheMessagesAndNamesAreTheEnglishOnesClientsAlwaysRead()
    {
        var decoding = QrDecoder.Decode(VietQrTransfer, QrProfile.Emvco);
        Assert.Equal("Merchant name (59) is mandatory under the emvco profile.", decoding.Errors[1].Message);
        Assert.Equal(decoding.Errors.Select(e => e.Message), decoding.In("en").Errors.Select(e => e.Message));
        Assert.Equal("Merchant account information template (NAPAS VietQR)", decoding.Fields.Single(f => f.Tag == "38").Name);
        Assert.Equal("Tên đơn vị chấp nhận thanh toán (59) là bắt buộc theo bộ quy tắc emvco.", decoding.In("vi").Errors[1].Message);
        Assert.Equal("在emvco规则下，商户名称（59）为必填项。", decoding.In("zh").Errors[1].Message);
        Assert.Equal("商户账户信息模板（NAPAS VietQR）", decoding.In("zh").Fields.Single(f => f.Tag == "38").Name);
        Assert.Equal("Mã định danh ngân hàng (BIN)", decoding.In("vi").Fields.Single(f => f.Tag == "38").Fields![1].Fields![0].Name);
    }

    // A VietQR code broken in five places: a letter in the bank BIN, a Vietnamese name at the root, US dollars, China, and an
    // unknown service code. Every violation keeps its tag and rule in every language; only the sentence changes.
    private static readonly string BadVietQr =
        Strict(("53", "840"), ("58", "CN"), ("38", VietQrAccount(bin: "97043X", service: "QRPAY")), ("59", "CỬA KHẨU"));

    public static TheoryData<string, string, string, string> BadVietQrInEachLanguage => new()
    {
        { "vi", "38.01.00", QrRule.Format, "Mã định danh ngân hàng (BIN) (38.01.00) là “97043X”; chỉ được gồm chữ số." },
        { "vi", "59", QrRule.Format, "Tên đơn vị chấp nhận thanh toán (59) chứa “Ử”; EMVCo chỉ cho phép ký tự ASCII in được ở đây (viết tên không dấu, và ghi cách viết bản địa trong 64)." },
        { "vi", "53", QrRule.Value, "Mã tiền tệ giao dịch (53) là “840”; VietQR dùng đồng Việt Nam, 704." },
        { "vi", "58", QrRule.Value, "Mã quốc gia (58) là “CN”; đơn vị nhận thanh toán VietQR ở Việt Nam, mã VN." },
        { "vi", "38.02", QrRule.Value, "Mã dịch vụ (38.02) là “QRPAY”; phải là một trong các mã QRIBFTTA, QRIBFTTC, QRPUSH, QRCASH." },
        { "zh", "38.01.00", QrRule.Format, "收单机构标识（银行BIN）（38.01.00）为“97043X”；只能包含数字。" },
        { "zh", "59", QrRule.Format, "商户名称（59）包含“Ử”；EMVCo在此只允许可打印的ASCII字符（名称请去掉变音符号书写，本地写法请填入64）。" },
        { "zh", "53", QrRule.Value, "交易币种（53）为“840”；VietQR以越南盾计价，代码704。" },
        { "zh", "58", QrRule.Value, "国家代码（58）为“CN”；VietQR商户位于越南，代码VN。" },
        { "zh", "38.02", QrRule.Value, "服务代码（38.02）为“QRPAY”；必须为QRIBFTTA、QRIBFTTC、QRPUSH、QRCASH之一。" },
        { "en", "53", QrRule.Value, "the transaction currency (53) is '840'; VietQR is in Vietnamese dong, 704." },
    };

    [Theory]
    [MemberData(nameof(BadVietQrInEachLanguage))]
    public void AKnownBadVietQrCode_GivesItsViolations_InTheReadersLanguage(string language, string tag, string rule, string message)
    {
        var decoding = QrDecoder.Decode(BadVietQr, QrProfile.VietQr);
        Assert.True(decoding.CrcValid);
        Assert.Equal(["38.01.00", "59", "53", "58", "38.02"], decoding.Errors.Select(e => e.Tag));
        var violation = decoding.In(language).Errors.Single(e => e.Tag == tag);
        Assert.Equal((rule, message), (violation.Rule, violation.Message));
    }

    private static IEnumerable<(string Name, QrMessage Message)> Messages() =>
        typeof(QrMessages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(QrMessage))
            .Select(f => (f.Name, (QrMessage)f.GetValue(null)!));

    private static string[] Placeholders(string sentence) => [.. Placeholder().Matches(sentence).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
