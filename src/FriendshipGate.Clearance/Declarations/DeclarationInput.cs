using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

// What a trader sends: every field optional here, so that validation can name each missing one at once.

public sealed record PartyInput(string? Id, string? Name, string? Country, string? AeoId);

public sealed record GoodsItemInput(
    Trilingual? Description, string? CommodityCode, string? Product, decimal? Quantity, string? Unit,
    decimal? NetKg, decimal? GrossKg, decimal? Value, string? Currency, string? Origin);

public sealed record TransportInput(string? Mode, string? Plate, string? Nationality, List<string?>? Containers, List<string?>? Seals);

public sealed record CertificateOfOriginInput(string? Kind, string? Number);

public sealed record DocumentsInput(
    string? PhytosanitaryCertificate, string? VeterinaryHealthCertificate, CertificateOfOriginInput? CertificateOfOrigin,
    List<string?>? GrowingAreaCodes, List<string?>? PackingHouseCodes, List<string?>? ProcessingFacilityCodes);

public sealed record DeclarationInput(
    string? Type, string? Kind, PartyInput? Exporter, PartyInput? Importer, PartyInput? Declarant, List<GoodsItemInput?>? Items,
    TransportInput? Transport, DocumentsInput? Documents);
