using System.Text.Json.Serialization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

public static class DeclarationType
{
    public const string Export = "export", Import = "import", Transit = "transit";
    public static readonly IReadOnlyList<string> All = [Export, Import, Transit];
}

/// <summary>China's two-step option: a summary declaration releases the goods, the complete one follows.</summary>
public static class DeclarationKind
{
    public const string Complete = "complete", Summary = "summary";
}

public static class TransportMode
{
    public const string Road = "road", Rail = "rail", Unmanned = "unmanned";
    public static readonly IReadOnlyList<string> All = [Road, Rail, Unmanned];
}

/// <summary>A party to the declaration: its company id (tax or enterprise code), name, country and, if it holds one, its AEO id.</summary>
public sealed record Party(string Id, string Name, string? Country, string? AeoId);

/// <summary>One goods item, shaped after the WCO Data Model's GovernmentAgencyGoodsItem.</summary>
public sealed record GoodsItem(
    int Number, Trilingual Description, string CommodityCode, string? Product, decimal Quantity, string Unit,
    decimal NetKg, decimal GrossKg, decimal? Value, string? Currency, string Origin);

public sealed record Transport(string Mode, string? Plate, string? Nationality, IReadOnlyList<string> Containers, IReadOnlyList<string> Seals);

public sealed record CertificateOfOrigin(string Kind, string Number);

public sealed record Documents(
    string? PhytosanitaryCertificate, string? VeterinaryHealthCertificate, CertificateOfOrigin? CertificateOfOrigin,
    IReadOnlyList<string> GrowingAreaCodes, IReadOnlyList<string> PackingHouseCodes, IReadOnlyList<string> ProcessingFacilityCodes)
{
    public static readonly Documents None = new(null, null, null, [], [], []);
}

/// <summary>What a declaration says, once every rule holds. Each version of a declaration is one of these.</summary>
public sealed record DeclarationContent(
    string Type, string Kind, Party Exporter, Party Importer, Party? Declarant, IReadOnlyList<GoodsItem> Items, Transport Transport, Documents Documents,
    string? AdvanceData = null)
{
    /// <summary>The side the goods leave: the declaring side for an export, the other side for an import.</summary>
    public string ExportingSide(string declaringSide) => Type == DeclarationType.Import ? Other(declaringSide) : declaringSide;

    [JsonIgnore]
    public IEnumerable<Party> Parties => Declarant is null ? [Exporter, Importer] : [Exporter, Importer, Declarant];

    [JsonIgnore]
    public decimal GrossKg => Items.Sum(i => i.GrossKg);

    public static string Other(string side) => side == "VN" ? "CN" : "VN";
}
