namespace FriendshipGate.Web.Tests;

/// <summary>Declarations lodged through the API, for the tests whose subject is a screen other than the portal's form.</summary>
internal static class ApiDeclarations
{
    public static object DurianExport(string phytosanitaryCertificate) => new
    {
        type = "export",
        exporter = new { id = BrowserNodes.VnCompany, name = "Công ty TNHH Trái cây Đắk Lắk", country = "VN" },
        importer = new { id = BrowserNodes.CnCompany, name = "广西凭祥果品有限公司", country = "CN" },
        items = new[]
        {
            new
            {
                description = new { vi = "Sầu riêng tươi", zh = "鲜榴莲", en = "Fresh durian" }, commodityCode = "08106000",
                quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500, value = 54_000, currency = "USD", origin = "VN",
            },
        },
        transport = new { mode = "road", plate = "12C-54321", nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { "VN654321" } },
        documents = new
        {
            phytosanitaryCertificate,
            certificateOfOrigin = new { kind = "formE", number = "E26VN0901" },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };
}
