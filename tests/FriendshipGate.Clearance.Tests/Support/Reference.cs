namespace FriendshipGate.Clearance.Tests;

/// <summary>A small crosswalk and protocol list built in code, so the rules are tested apart from the shipped data.</summary>
internal static class Reference
{
    private static Dictionary<string, string> Text(string language, string text) => new() { [language] = text, ["en"] = text };

    public static readonly GoodsCrosswalk Crosswalk = new("test.1", 2025, 2025,
    [
        new NationalCode("08106000", Text("vi", "Sầu riêng tươi"), Perishable: true, Verified: true),
        new NationalCode("0810600000", Text("zh", "鲜榴莲"), Perishable: true, Verified: true, ["品名", "用途"], "AB", "P.R/Q.S", Quarantine: true),
        new NationalCode("08109092", Text("vi", "Quả thanh long"), Perishable: true, Verified: true),
        new NationalCode("0810907010", Text("zh", "鲜火龙果"), Perishable: true, Verified: true, Quarantine: true),
        new NationalCode("0810907090", Text("zh", "其他火龙果"), Perishable: true, Verified: true, Quarantine: true),
        new NationalCode("08109099", Text("vi", "Quả khác"), Perishable: true, Verified: true),
        new NationalCode("85423100", Text("vi", "Vi mạch xử lý"), Perishable: false, Verified: true),
        new NationalCode("8542311100", Text("zh", "处理器"), Perishable: false, Verified: true),
        new NationalCode("8542319000", Text("zh", "其他处理器"), Perishable: false, Verified: true),
    ],
    [
        new CodeMapping("1:1", ["08106000"], ["0810600000"], null),
        new CodeMapping("1:n", ["08109092"], ["0810907010", "0810907090"], null),
        new CodeMapping("1:n", ["85423100"], ["8542311100", "8542319000"], null),
    ]);

    private static readonly Protocol Protocol = new(Text("en", "Protocol on durian"), new DateOnly(2022, 7, 11), "test");

    public static readonly ProtocolProductCatalog Products = new("test.1",
    [
        new ProtocolProduct("durian-fresh", Text("vi", "Sầu riêng"), "VN", "CN", ["08106000"], ["0810600000"], Protocol,
            [RequiredDocument.PhytosanitaryCertificate, RequiredDocument.GrowingAreaCode, RequiredDocument.PackingHouseCode], true),
        new ProtocolProduct("dragon-fruit", Text("vi", "Thanh long"), "VN", "CN", ["08109092"], ["0810907010", "0810907090"], Protocol,
            [RequiredDocument.PhytosanitaryCertificate, RequiredDocument.GrowingAreaCode, RequiredDocument.PackingHouseCode], true),
    ],
    [
        new RegisteredSite("VN-DLOR-0101", "VN", ["durian-fresh"], "Đắk Lắk", "active", true),
        new RegisteredSite("VN-BTOR-0202", "VN", ["dragon-fruit"], "Bình Thuận", "active", true),
        new RegisteredSite("VN-TGOR-0303", "VN", ["durian-fresh"], "Tiền Giang", "suspended", true),
    ],
    [
        new RegisteredSite("VN-DLPH-0011", "VN", ["durian-fresh", "dragon-fruit"], "Đắk Lắk", "active", true),
    ]);

    public static DeclarationContext Context(string side, params AeoStanding[] aeos) =>
        new(side, Crosswalk, Products, id => aeos.FirstOrDefault(a => a.AeoId == id));

    /// <summary>A valid VN export of fresh durian by road in one container.</summary>
    public static DeclarationInput DurianExport() => new(
        "export", null,
        new PartyInput("0101234567", "Công ty TNHH Trái cây Đắk Lắk", "VN", null),
        new PartyInput("91450100MA5KXXXX1", "广西凭祥果品有限公司", "CN", null),
        null,
        [new GoodsItemInput(new("Sầu riêng tươi Ri6", "鲜榴莲", "Fresh durian"), "08106000", null, 18_000, "KGM", 18_000, 19_500, 54_000, "USD", "VN")],
        new TransportInput("road", "12C-12345", "VN", ["CSQU3054383"], ["VN123456"]),
        new DocumentsInput("VN-PC-2026-000123", null, new CertificateOfOriginInput("formE", "E26VN0001"), ["VN-DLOR-0101"], ["VN-DLPH-0011"], null));
}
