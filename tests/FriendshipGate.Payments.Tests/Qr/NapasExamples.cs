namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>
/// The example payloads of the NAPAS VietQR specification, as libraries that test against them quote them (the official
/// text itself could not be read: docs/payments/emvco-qr.md, "NAPAS specification errata"), and payloads of real generators
/// that deviate. Each checksum was recomputed outside this code (CRC-16/CCITT-FALSE in Python).
/// </summary>
internal static class NapasExamples
{
    /// <summary>
    /// Static transfer to card 9704031101234567 at BIN 970403 (QRIBFTTC). Quoted by binhnguyenduc/vietqr-ts
    /// (tests/compliance/napas-static-card.test.ts, "qr_format_v1.5.2.md line 953") and Ngochiendev/generate_qrcode_vietnam.
    /// </summary>
    public const string StaticCard =
        "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";

    /// <summary>
    /// Dynamic transfer of 180,000 VND to account 0011012345678, bill NPS6869, purpose "thanh toan don hang". Quoted by
    /// binhnguyenduc/vietqr-ts (tests/compliance/napas-dynamic-account.test.ts, "qr_format_v1.5.2.md line 981").
    /// </summary>
    public const string DynamicAccount =
        "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";

    /// <summary>
    /// The same dynamic transfer to card 9704031101234567 (QRIBFTTC), checksum A203, as trantuan94/vietqrjs's checksum
    /// tests quote it (src/utils/index.spec.ts; the specification's sample data, though the file does not name its source).
    /// </summary>
    public const string DynamicCard =
        "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203";

    /// <summary>
    /// Cash withdrawal (QRCASH, added to tag 38 in version 1.4 of the specification): ATM 12345678 at BIN 970403, MCC 6011,
    /// reference and terminal labels in 62, as trantuan94/vietqrjs's checksum tests quote it (source not named there).
    /// </summary>
    public const string CashWithdrawal =
        "00020101021238500010A000000727012200069704030108123456780206QRCASH5204601153037045802VN5915NGUYEN HUU HUAN6005HANOI6237052120190109155714228384707080000111163041009";

    /// <summary>
    /// The specification's static transfer to account 0011012345678 as printed: 38.01.01 declares 12 for the 13-character
    /// account, and the checksum F4E5 was computed over that miscounted text. binhnguyenduc/vietqr-ts notes the fault
    /// ("qr_format_v1.5.2.md line 925"); Ngochiendev/generate_qrcode_vietnam checks F4E5 as the official example.
    /// </summary>
    public const string StaticAccountAsPrinted =
        "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";

    /// <summary>The same example with the length counted right (13) and its checksum recomputed, as vietqr-ts corrects it (9E6F).</summary>
    public const string StaticAccountCorrected =
        "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F";

    /// <summary>
    /// thanhtinhpas1/vietqr-parser's README output: payload format indicator '00' (its NapasDefaultVersion), which its author
    /// reports bank apps (TPBank, with a screenshot) scan.
    /// </summary>
    public const string FormatIndicatorZero =
        "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60";

    /// <summary>
    /// binhnguyenduc/vietqr-ts's fixture WITH_UTF8_MESSAGE (tests/fixtures/vietqr-samples.ts): 62.08 "Thanh toán hóa đơn" is
    /// 18 characters but declared 22, its UTF-8 byte count (and 62 is 26 likewise); the checksum 32F8 holds.
    /// </summary>
    public const string LengthsInBytes =
        "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405100005802VN62260822Thanh toán hóa đơn630432F8";

    /// <summary>
    /// binhnguyenduc/vietqr-ts's NAPAS_EXAMPLE_1 (tests/compliance/napas-parsing.test.ts), said to derive from the
    /// specification: its checksum does not hold and its service code sits in 38.01.02. Not traceable to the specification.
    /// </summary>
    public const string UntraceableLibraryExample =
        "00020101021138560010A0000007270138000697042201120123456789020208QRIBFTTA53037045802VN6304B682";
}
