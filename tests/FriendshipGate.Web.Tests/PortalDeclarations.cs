namespace FriendshipGate.Web.Tests;

/// <summary>Declarations typed into the portal's form, for the tests whose subject is the form itself.</summary>
internal static class PortalDeclarations
{
    /// <summary>
    /// The fields of a VN export of fresh durian, as a Vietnamese trader types them (numbers in Vietnamese form); each test
    /// gives its own plate, seal and documents, since the service refuses a certificate lodged twice.
    /// </summary>
    public static (string Field, string Value)[] DurianExport(string plate, string seal, string phytosanitaryCertificate, string certificateOfOrigin) =>
    [
        ("exporter.name", "Công ty TNHH Trái cây Đắk Lắk"),
        ("importer.id", BrowserNodes.CnCompany),
        ("importer.name", "广西凭祥果品有限公司"),
        ("items[0].description.vi", "Sầu riêng tươi Ri6"),
        ("items[0].description.zh", "鲜榴莲"),
        ("items[0].commodityCode", "08106000"),
        ("items[0].quantity", "18.000"),
        ("items[0].netKg", "18.000"),
        ("items[0].grossKg", "19.500"),
        ("items[0].value", "54.000"),
        ("transport.plate", plate),
        ("transport.containers[0]", "CSQU3054383"),
        ("transport.seals[0]", seal),
        ("documents.phytosanitaryCertificate", phytosanitaryCertificate),
        ("documents.certificateOfOrigin.number", certificateOfOrigin),
        ("documents.growingAreaCodes[0]", "VN-DLOR-0101"),
        ("documents.packingHouseCodes[0]", "VN-DLPH-0011"),
    ];
}
