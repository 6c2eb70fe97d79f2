namespace FriendshipGate.Clearance;

/// <summary>
/// Rules for goods under a bilateral protocol: fruit and vegetables (chapters 07 and 08) and every other product on the
/// protocol list cross only as a licensed product, from registered growing areas and packing houses, with the
/// documents its protocol requires.
/// </summary>
public static class ProtocolRules
{
    private static readonly string[] ControlledChapters = ["07", "08"];

    /// <summary>Resolves each item's protocol product (in place) and checks the documents; null when a rule is broken.</summary>
    public static Documents? Check(DocumentsInput? input, string type, bool summary, List<GoodsItem> items, DeclarationContext context, ValidationErrors errors)
    {
        var exportingSide = type == DeclarationType.Import ? DeclarationContent.Other(context.Side) : context.Side;
        var products = new List<ProtocolProduct>();
        if (type is DeclarationType.Export or DeclarationType.Import)
            for (var i = 0; i < items.Count; i++)
                if (ResolveProduct(items[i], exportingSide, context, errors) is { } product)
                {
                    items[i] = items[i] with { Product = product.Id };
                    if (!products.Contains(product)) products.Add(product);
                }

        bool Requires(string document) => products.Any(p => p.RequiredDocuments.Contains(document));
        var quarantine = items.Any(i => context.Crosswalk.Find(i.CommodityCode)?.Quarantine == true);

        var phyto = Text(input?.PhytosanitaryCertificate);
        if (phyto is null && (Requires(RequiredDocument.PhytosanitaryCertificate) || quarantine))
            errors.Add("documents.phytosanitaryCertificate", $"is required: {Because(products, RequiredDocument.PhytosanitaryCertificate, quarantine)}.");
        var veterinary = Text(input?.VeterinaryHealthCertificate);
        if (veterinary is null && Requires(RequiredDocument.VeterinaryHealthCertificate))
            errors.Add("documents.veterinaryHealthCertificate", $"is required: {Because(products, RequiredDocument.VeterinaryHealthCertificate, false)}.");
        var origin = CheckCertificateOfOrigin(input?.CertificateOfOrigin, Requires(RequiredDocument.CertificateOfOrigin) && !summary, products, errors);

        var growingAreas = CheckSites(input?.GrowingAreaCodes, "documents.growingAreaCodes", "growing area", RequiredDocument.GrowingAreaCode,
            context.Products.FindGrowingArea, products, exportingSide, errors);
        var packingHouses = CheckSites(input?.PackingHouseCodes, "documents.packingHouseCodes", "packing house", RequiredDocument.PackingHouseCode,
            context.Products.FindPackingHouse, products, exportingSide, errors);
        var facilities = Codes(input?.ProcessingFacilityCodes);
        if (facilities.Count == 0 && Requires(RequiredDocument.ProcessingFacilityCode))
            errors.Add("documents.processingFacilityCodes", $"is required: {Because(products, RequiredDocument.ProcessingFacilityCode, false)}.");
        return errors.Has("documents") ? null : new Documents(phyto, veterinary, origin, growingAreas, packingHouses, facilities);
    }

    private static ProtocolProduct? ResolveProduct(GoodsItem item, string exportingSide, DeclarationContext context, ValidationErrors errors)
    {
        var field = $"items[{item.Number - 1}]";
        var licensed = context.Products.LicensedFor(item.CommodityCode, exportingSide);
        var importingSide = DeclarationContent.Other(exportingSide);
        if (item.Product is { } id)
        {
            if (context.Products.Find(id) is not { } named) errors.Add($"{field}.product", $"'{id}' is not on the protocol product list {context.Products.Version}.");
            else if (!licensed.Contains(named))
                errors.Add($"{field}.product", $"{id} is not licensed from {exportingSide} into {importingSide} under code {item.CommodityCode}.");
            else return named;
            return null;
        }
        if (licensed.Count == 1) return licensed[0];
        if (licensed.Count > 1)
        {
            errors.Add($"{field}.product", $"code {item.CommodityCode} covers several licensed products; name one of {string.Join(", ", licensed.Select(p => p.Id))}.");
            return null;
        }
        if (ControlledChapters.Contains(item.CommodityCode[..2]) || context.Products.Covers(item.CommodityCode))
            errors.Add($"{field}.commodityCode",
                $"unlicensed product: no protocol between {exportingSide} and {importingSide} licenses {item.CommodityCode} from {exportingSide} (protocol product list {context.Products.Version}).");
        return null;
    }

    private static List<string> CheckSites(List<string?>? input, string field, string what, string document, Func<string, RegisteredSite?> find,
        List<ProtocolProduct> products, string exportingSide, ValidationErrors errors)
    {
        var codes = Codes(input);
        var usable = new List<RegisteredSite>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (find(codes[i]) is not { } site) errors.Add($"{field}[{i}]", $"{codes[i]} is not a registered {what}.");
            else if (site.Side != exportingSide) errors.Add($"{field}[{i}]", $"{codes[i]} is registered in {site.Side}; the goods leave {exportingSide}.");
            else if (!site.IsActive) errors.Add($"{field}[{i}]", $"{codes[i]} is {site.Status}; goods from it may not be exported.");
            else usable.Add(site);
        }
        foreach (var product in products.Where(p => p.RequiredDocuments.Contains(document)))
            if (!usable.Any(s => s.Products.Contains(product.Id)))
                errors.Add(field, $"{product.Id} requires a registered {what} code for it; none of those given is registered for {product.Id}.");
        return codes;
    }

    private static CertificateOfOrigin? CheckCertificateOfOrigin(CertificateOfOriginInput? input, bool required, List<ProtocolProduct> products, ValidationErrors errors)
    {
        if (input is null)
        {
            if (required) errors.Add("documents.certificateOfOrigin", $"is required: {Because(products, RequiredDocument.CertificateOfOrigin, false)}.");
            return null;
        }
        var kind = input.Kind?.Trim();
        if (kind is not ("formE" or "rcep")) errors.Add("documents.certificateOfOrigin.kind", $"'{input.Kind}' must be formE (ACFTA) or rcep.");
        var number = Text(input.Number);
        if (number is null) errors.Add("documents.certificateOfOrigin.number", "is required.");
        return kind is null || number is null ? null : new CertificateOfOrigin(kind, number);
    }

    private static string Because(List<ProtocolProduct> products, string document, bool quarantine)
    {
        var requiring = products.Where(p => p.RequiredDocuments.Contains(document)).Select(p => p.Id).ToList();
        return requiring.Count > 0 ? $"the protocol for {string.Join(", ", requiring)} requires it" : quarantine ? "the goods are subject to quarantine" : "required";
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Codes(List<string?>? input) =>
        input?.Select(Text).OfType<string>().Select(c => c.ToUpperInvariant()).Distinct().ToList() ?? [];
}
