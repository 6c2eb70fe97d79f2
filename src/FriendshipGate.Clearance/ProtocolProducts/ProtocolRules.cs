using FriendshipGate.Exchange;

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
            errors.Add("documents.phytosanitaryCertificate", RequiredBecause(products, RequiredDocument.PhytosanitaryCertificate, quarantine));
        var veterinary = Text(input?.VeterinaryHealthCertificate);
        if (veterinary is null && Requires(RequiredDocument.VeterinaryHealthCertificate))
            errors.Add("documents.veterinaryHealthCertificate", RequiredBecause(products, RequiredDocument.VeterinaryHealthCertificate, false));
        var origin = CheckCertificateOfOrigin(input?.CertificateOfOrigin, Requires(RequiredDocument.CertificateOfOrigin) && !summary, products, errors);

        var growingAreas = CheckSites(input?.GrowingAreaCodes, "documents.growingAreaCodes", GrowingArea, RequiredDocument.GrowingAreaCode,
            context.Products.FindGrowingArea, products, exportingSide, errors);
        var packingHouses = CheckSites(input?.PackingHouseCodes, "documents.packingHouseCodes", PackingHouse, RequiredDocument.PackingHouseCode,
            context.Products.FindPackingHouse, products, exportingSide, errors);
        var facilities = Codes(input?.ProcessingFacilityCodes);
        if (facilities.Count == 0 && Requires(RequiredDocument.ProcessingFacilityCode))
            errors.Add("documents.processingFacilityCodes", RequiredBecause(products, RequiredDocument.ProcessingFacilityCode, false));
        return errors.Has("documents") ? null : new Documents(phyto, veterinary, origin, growingAreas, packingHouses, facilities);
    }

    private static ProtocolProduct? ResolveProduct(GoodsItem item, string exportingSide, DeclarationContext context, ValidationErrors errors)
    {
        var field = $"items[{item.Number - 1}]";
        var licensed = context.Products.LicensedFor(item.CommodityCode, exportingSide);
        var importingSide = DeclarationContent.Other(exportingSide);
        if (item.Product is { } id)
        {
            if (context.Products.Find(id) is not { } named)
                errors.Add($"{field}.product", $"'{id}' is not on the protocol product list {context.Products.Version}.",
                    $"“{id}” không có trong danh mục sản phẩm theo nghị định thư {context.Products.Version}.", $"“{id}”不在议定书产品清单{context.Products.Version}中。");
            else if (!licensed.Contains(named))
                errors.Add($"{field}.product", $"{id} is not licensed from {exportingSide} into {importingSide} under code {item.CommodityCode}.",
                    $"{id} không được phép xuất khẩu từ {exportingSide} vào {importingSide} với mã số {item.CommodityCode}.",
                    $"{id}未获准以商品编码{item.CommodityCode}从{exportingSide}输入{importingSide}。");
            else return named;
            return null;
        }
        if (licensed.Count == 1) return licensed[0];
        if (licensed.Count > 1)
        {
            var names = string.Join(", ", licensed.Select(p => p.Id));
            errors.Add($"{field}.product", $"code {item.CommodityCode} covers several licensed products; name one of {names}.",
                $"mã số {item.CommodityCode} bao gồm nhiều sản phẩm được phép; hãy ghi rõ một trong các sản phẩm {names}.",
                $"商品编码{item.CommodityCode}涵盖多个准入产品；请指明其中之一：{names}。");
            return null;
        }
        if (ControlledChapters.Contains(item.CommodityCode[..2]) || context.Products.Covers(item.CommodityCode))
            errors.Add($"{field}.commodityCode",
                $"unlicensed product: no protocol between {exportingSide} and {importingSide} licenses {item.CommodityCode} from {exportingSide} (protocol product list {context.Products.Version}).",
                $"sản phẩm chưa được phép: không có nghị định thư nào giữa {exportingSide} và {importingSide} cho phép xuất khẩu {item.CommodityCode} từ {exportingSide} (danh mục sản phẩm theo nghị định thư {context.Products.Version}).",
                $"未准入产品：{exportingSide}与{importingSide}之间没有任何议定书准许{item.CommodityCode}从{exportingSide}输出（议定书产品清单{context.Products.Version}）。");
        return null;
    }

    private static List<string> CheckSites(List<string?>? input, string field, Trilingual what, string document, Func<string, RegisteredSite?> find,
        List<ProtocolProduct> products, string exportingSide, ValidationErrors errors)
    {
        var codes = Codes(input);
        var usable = new List<RegisteredSite>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (find(codes[i]) is not { } site)
                errors.Add($"{field}[{i}]", $"{codes[i]} is not a registered {what.En}.", $"{codes[i]} không phải là {what.Vi} đã đăng ký.", $"{codes[i]}不是已注册的{what.Zh}。");
            else if (site.Side != exportingSide)
                errors.Add($"{field}[{i}]", $"{codes[i]} is registered in {site.Side}; the goods leave {exportingSide}.",
                    $"{codes[i]} được đăng ký tại {site.Side}; hàng hóa xuất đi từ {exportingSide}.", $"{codes[i]}在{site.Side}注册；而货物从{exportingSide}输出。");
            else if (!site.IsActive)
                errors.Add($"{field}[{i}]", $"{codes[i]} is {site.Status}; goods from it may not be exported.",
                    $"{codes[i]} đang ở trạng thái {site.Status}; hàng hóa từ đây không được xuất khẩu.", $"{codes[i]}处于{site.Status}状态；来自该处的货物不得出口。");
            else usable.Add(site);
        }
        foreach (var product in products.Where(p => p.RequiredDocuments.Contains(document)))
            if (!usable.Any(s => s.Products.Contains(product.Id)))
                errors.Add(field, $"{product.Id} requires a registered {what.En} code for it; none of those given is registered for {product.Id}.",
                    $"{product.Id} yêu cầu mã số {what.Vi} đã đăng ký cho sản phẩm này; không mã nào đã khai được đăng ký cho {product.Id}.",
                    $"{product.Id}须提供为其注册的{what.Zh}注册号；所填注册号均未就{product.Id}注册。");
        return codes;
    }

    private static CertificateOfOrigin? CheckCertificateOfOrigin(CertificateOfOriginInput? input, bool required, List<ProtocolProduct> products, ValidationErrors errors)
    {
        if (input is null)
        {
            if (required) errors.Add("documents.certificateOfOrigin", RequiredBecause(products, RequiredDocument.CertificateOfOrigin, false));
            return null;
        }
        var kind = input.Kind?.Trim();
        if (kind is not ("formE" or "rcep")) errors.Add("documents.certificateOfOrigin.kind", $"'{input.Kind}' must be formE (ACFTA) or rcep.",
            $"“{input.Kind}” phải là formE (ACFTA) hoặc rcep.", $"“{input.Kind}”必须是 formE（中国—东盟自贸协定）或 rcep。");
        var number = Text(input.Number);
        if (number is null) errors.Add("documents.certificateOfOrigin.number", ValidationErrors.IsRequired);
        return kind is null || number is null ? null : new CertificateOfOrigin(kind, number);
    }

    private static readonly Trilingual GrowingArea = new(Vi: "vùng trồng", Zh: "种植园", En: "growing area");
    private static readonly Trilingual PackingHouse = new(Vi: "cơ sở đóng gói", Zh: "包装厂", En: "packing house");

    /// <summary>"is required", with the reason: the protocol of the products that require the document, or quarantine.</summary>
    private static Trilingual RequiredBecause(List<ProtocolProduct> products, string document, bool quarantine)
    {
        var requiring = string.Join(", ", products.Where(p => p.RequiredDocuments.Contains(document)).Select(p => p.Id));
        return requiring.Length > 0
            ? new Trilingual(Vi: $"là bắt buộc: nghị định thư đối với {requiring} yêu cầu giấy này.", Zh: $"必填：{requiring}的议定书要求提供。",
                En: $"is required: the protocol for {requiring} requires it.")
            : quarantine
                ? new Trilingual(Vi: "là bắt buộc: hàng hóa thuộc diện kiểm dịch.", Zh: "必填：货物须经检疫。", En: "is required: the goods are subject to quarantine.")
                : new Trilingual(Vi: "là bắt buộc.", Zh: "必填。", En: "is required: required.");
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Codes(List<string?>? input) =>
        input?.Select(Text).OfType<string>().Select(c => c.ToUpperInvariant()).Distinct().ToList() ?? [];
}
