using FriendshipGate.Clearance;
using FriendshipGate.Exchange;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>
/// The export declaration a trader lodges for one truck's load (the twin's goods mix): the load as a goods item, described
/// as the protocol product list or the crosswalk names it, with the documents that product's protocol asks for (registered
/// growing areas and packing houses taken from the shipped list). The demo and the twin's nodes lodge these.
/// </summary>
internal static class ExportDeclarations
{
    /// <param name="documents">Makes the document numbers unique (e.g. a time stamp and the truck's number).</param>
    public static DeclarationInput For(RiskItem load, PartyInput exporter, PartyInput importer, string plate, IReadOnlyList<string> containers, string seal,
        string documents, ProtocolProductCatalog products, GoodsCrosswalk crosswalk)
    {
        var product = products.LicensedFor(load.CommodityCode, "VN").FirstOrDefault();
        var names = product?.Name ?? crosswalk.Find(load.CommodityCode)?.Description;
        var description = names is null ? new Trilingual(null, null, load.CommodityCode)
            : new Trilingual(names.GetValueOrDefault("vi"), names.GetValueOrDefault("zh"), names.GetValueOrDefault("en"));
        bool Requires(string document) => product?.RequiredDocuments.Contains(document) == true;
        List<string?>? Sites(IEnumerable<RegisteredSite> sites, string document) => !Requires(document) ? null
            : sites.FirstOrDefault(s => s.Side == "VN" && s.IsActive && s.Products.Contains(product!.Id))?.Code is { } code ? [code] : null;
        return new DeclarationInput(
            DeclarationType.Export, null, exporter, importer, null,
            [new GoodsItemInput(description, load.CommodityCode, product?.Id, load.NetKg, "KGM", load.NetKg, load.GrossKg, load.Value, load.Currency, "VN")],
            new TransportInput(TransportMode.Road, plate, "VN", [.. containers], [seal]),
            new DocumentsInput(
                load.Quarantine || Requires(RequiredDocument.PhytosanitaryCertificate) ? $"VN-PC-{documents}" : null,
                Requires(RequiredDocument.VeterinaryHealthCertificate) ? $"VN-VHC-{documents}" : null,
                new CertificateOfOriginInput("formE", $"E-{documents}"),
                Sites(products.GrowingAreas, RequiredDocument.GrowingAreaCode),
                Sites(products.PackingHouses, RequiredDocument.PackingHouseCode),
                Requires(RequiredDocument.ProcessingFacilityCode) ? ["VN-PF-0001"] : null));
    }

    /// <summary>A container number with owner code FGTU and serial <paramref name="serial"/> (six digits), with its ISO 6346 check digit.</summary>
    public static string Container(int serial)
    {
        var first10 = $"FGTU{serial % 1_000_000:D6}";
        return first10 + ContainerNumber.CheckDigit(first10);
    }
}
