namespace FriendshipGate.Testing;

/// <summary>Clearance inputs the system and browser tests share: a durian export and a one-rule risk rule file.</summary>
public static class SampleClearance
{
    public const string VnExporter = "0101234567", CnImporter = "91450100MA5KXXXX1";

    /// <summary>A VN export of fresh durian from a registered growing area and packing house, by road in one container.</summary>
    public static object DurianExport(string exporter = VnExporter, string importer = CnImporter, string phytosanitaryCertificate = "VN-PC-2026-000123",
        string plate = "12C-12345", string seal = "VN123456", string certificateOfOrigin = "E26VN0001") => new
    {
        type = "export",
        exporter = new { id = exporter, name = "Công ty TNHH Trái cây Đắk Lắk", country = "VN" },
        importer = new { id = importer, name = "广西凭祥果品有限公司", country = "CN" },
        items = new[]
        {
            new
            {
                description = new { vi = "Sầu riêng tươi Ri6", zh = "鲜榴莲", en = "Fresh durian" }, commodityCode = "08106000",
                quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500, value = 54_000, currency = "USD", origin = "VN",
            },
        },
        transport = new { mode = "road", plate, nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { seal } },
        documents = new
        {
            phytosanitaryCertificate,
            certificateOfOrigin = new { kind = "formE", number = certificateOfOrigin },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };

    /// <summary>A rule file with no random or top-up selection and one rule sending fresh durian (HS 081060) to <paramref name="lane"/>.</summary>
    public static string DurianRules(string lane, string id, string vi, string zh, string en) => $$"""
        {
          "version": "test-{{lane}}-durian",
          "expectedRates": { "red": 0.0, "yellow": 0.0, "blue": 0.0 },
          "randomRates": { "red": 0.0, "yellow": 0.0 },
          "aeo": { "randomRateFactor": 0.5, "topUp": false },
          "rules": [
            { "id": "{{id}}", "title": { "vi": "{{vi}}", "zh": "{{zh}}", "en": "{{en}}" },
              "lane": "{{lane}}", "enabled": true, "when": { "commodityPrefixes": ["081060"] } }
          ]
        }
        """;
}
