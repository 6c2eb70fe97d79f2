using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Simulation.LiveTraffic;

namespace FriendshipGate.Cli;

/// <summary>
/// The export declaration the demo's trader lodges for one scenario truck: its load as a goods item, described as the
/// protocol product list or the crosswalk names it, with the documents that product's protocol asks for (registered
/// growing areas and packing houses taken from the shipped list).
/// </summary>
internal static class DemoExport
{
    public static DeclarationInput For(ScenarioTruck truck, string plate, string container, string seal, ProtocolProductCatalog products, GoodsCrosswalk crosswalk)
    {
        var load = truck.Load;
        var product = products.LicensedFor(load.CommodityCode, "VN").FirstOrDefault();
        var names = product?.Name ?? crosswalk.Find(load.CommodityCode)?.Description;
        var description = names is null ? new Trilingual(null, null, load.CommodityCode)
            : new Trilingual(names.GetValueOrDefault("vi"), names.GetValueOrDefault("zh"), names.GetValueOrDefault("en"));
        bool Requires(string document) => product?.RequiredDocuments.Contains(document) == true;
        var stamp = $"{DateTimeOffset.UtcNow:yyMMddHHmm}-{truck.Number:D5}";
        List<string?>? Sites(IEnumerable<RegisteredSite> sites, string document) => !Requires(document) ? null
            : sites.FirstOrDefault(s => s.Side == "VN" && s.IsActive && s.Products.Contains(product!.Id))?.Code is { } code ? [code] : null;
        return new DeclarationInput(
            DeclarationType.Export, null,
            new PartyInput("0101234567", "Công ty TNHH Trái cây Đắk Lắk", "VN", null),
            new PartyInput("91450100MA5KXXXX1", "广西凭祥果品有限公司", "CN", null),
            null,
            [new GoodsItemInput(description, load.CommodityCode, product?.Id, load.NetKg, "KGM", load.NetKg, load.GrossKg, load.Value, load.Currency, "VN")],
            new TransportInput(TransportMode.Road, plate, "VN", [container], [seal]),
            new DocumentsInput(
                load.Quarantine || Requires(RequiredDocument.PhytosanitaryCertificate) ? $"VN-PC-DEMO-{stamp}" : null,
                Requires(RequiredDocument.VeterinaryHealthCertificate) ? $"VN-VHC-DEMO-{stamp}" : null,
                new CertificateOfOriginInput("formE", $"E-DEMO-{stamp}"),
                Sites(products.GrowingAreas, RequiredDocument.GrowingAreaCode),
                Sites(products.PackingHouses, RequiredDocument.PackingHouseCode),
                Requires(RequiredDocument.ProcessingFacilityCode) ? ["VN-PF-DEMO-0001"] : null));
    }
}
