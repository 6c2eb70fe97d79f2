using System.Text.Json;

namespace FriendshipGate.Clearance;

/// <summary>Documents a protocol can require for a consignment.</summary>
public static class RequiredDocument
{
    public const string PhytosanitaryCertificate = "phytosanitaryCertificate";
    public const string VeterinaryHealthCertificate = "veterinaryHealthCertificate";
    public const string GrowingAreaCode = "growingAreaCode";
    public const string PackingHouseCode = "packingHouseCode";
    public const string ProcessingFacilityCode = "processingFacilityCode";
    public const string CertificateOfOrigin = "certificateOfOrigin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        PhytosanitaryCertificate, VeterinaryHealthCertificate, GrowingAreaCode, PackingHouseCode, ProcessingFacilityCode, CertificateOfOrigin,
    };
}

public sealed record Protocol(IReadOnlyDictionary<string, string> Title, DateOnly? Signed, string? Source);

/// <summary>An agricultural product one side may export to the other under a bilateral protocol.</summary>
public sealed record ProtocolProduct(
    string Id, IReadOnlyDictionary<string, string> Name, string ExportingSide, string ImportingSide,
    IReadOnlyList<string> VnCodes, IReadOnlyList<string> CnCodes, Protocol Protocol, IReadOnlyList<string> RequiredDocuments, bool Verified)
{
    public IReadOnlyList<string> CodesOf(string side) => side == "VN" ? VnCodes : CnCodes;
}

/// <summary>A registered growing area or packing house (a site), for the products it may supply.</summary>
public sealed record RegisteredSite(string Code, string Side, IReadOnlyList<string> Products, string? Province, string Status, bool Sample)
{
    public bool IsActive => Status == "active";
}

/// <summary>
/// The products licensed under the two countries' protocols and the registered growing areas and packing houses, from
/// data/clearance/protocol-products.json (provenance next to it).
/// </summary>
public sealed class ProtocolProductCatalog
{
    private readonly Dictionary<string, ProtocolProduct> products;
    private readonly Dictionary<string, RegisteredSite> growingAreas;
    private readonly Dictionary<string, RegisteredSite> packingHouses;

    public ProtocolProductCatalog(string version, IEnumerable<ProtocolProduct> products, IEnumerable<RegisteredSite> growingAreas, IEnumerable<RegisteredSite> packingHouses)
    {
        Version = version;
        var errors = new List<string>();
        this.products = [];
        foreach (var product in products)
        {
            if (!this.products.TryAdd(product.Id, product)) errors.Add($"product {product.Id} is listed twice.");
            foreach (var document in product.RequiredDocuments.Where(d => !RequiredDocument.All.Contains(d)))
                errors.Add($"product {product.Id} requires '{document}', which is not one of {string.Join(", ", RequiredDocument.All)}.");
            if (product.ExportingSide is not ("VN" or "CN") || product.ImportingSide == product.ExportingSide)
                errors.Add($"product {product.Id} goes from {product.ExportingSide} to {product.ImportingSide}.");
        }
        this.growingAreas = Index(growingAreas, "growing area", errors);
        this.packingHouses = Index(packingHouses, "packing house", errors);
        if (errors.Count > 0) throw new InvalidDataException("The protocol product list is not valid: " + string.Join(" ", errors));
    }

    private Dictionary<string, RegisteredSite> Index(IEnumerable<RegisteredSite> sites, string what, List<string> errors)
    {
        var index = new Dictionary<string, RegisteredSite>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            if (!index.TryAdd(site.Code, site)) errors.Add($"{what} {site.Code} is listed twice.");
            foreach (var product in site.Products.Where(p => !products.ContainsKey(p))) errors.Add($"{what} {site.Code} names unknown product {product}.");
        }
        return index;
    }

    public string Version { get; }
    public IEnumerable<ProtocolProduct> Products => products.Values;
    public IEnumerable<RegisteredSite> GrowingAreas => growingAreas.Values;
    public IEnumerable<RegisteredSite> PackingHouses => packingHouses.Values;

    public ProtocolProduct? Find(string id) => products.GetValueOrDefault(id);

    /// <summary>The products licensed for export from <paramref name="exportingSide"/> under <paramref name="code"/> (a VN or a CN code).</summary>
    public IReadOnlyList<ProtocolProduct> LicensedFor(string code, string exportingSide) =>
        products.Values.Where(p => p.ExportingSide == exportingSide && p.CodesOf(code.Length == 8 ? "VN" : "CN").Contains(code)).ToList();

    /// <summary>Products whose protocol covers <paramref name="code"/> in either direction.</summary>
    public bool Covers(string code) => products.Values.Any(p => p.VnCodes.Contains(code) || p.CnCodes.Contains(code));

    public RegisteredSite? FindGrowingArea(string code) => growingAreas.GetValueOrDefault(code);
    public RegisteredSite? FindPackingHouse(string code) => packingHouses.GetValueOrDefault(code);

    public static ProtocolProductCatalog LoadEmbedded() => Load(EmbeddedData.Open("protocol-products.json"));

    public static ProtocolProductCatalog Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<ProductsFile>(json, EmbeddedData.JsonOptions) ?? throw new InvalidDataException("The protocol product file is empty.");
        return new ProtocolProductCatalog(file.Version, file.Products, file.GrowingAreas, file.PackingHouses);
    }

    private sealed record ProductsFile(string Version, List<ProtocolProduct> Products, List<RegisteredSite> GrowingAreas, List<RegisteredSite> PackingHouses);
}
