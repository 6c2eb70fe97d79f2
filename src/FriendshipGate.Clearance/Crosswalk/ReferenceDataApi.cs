using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class ReferenceDataApi
{
    public sealed record CrosswalkSummary(string Version, int VnTariffYear, int CnTariffYear, int VnCodes, int CnCodes, IReadOnlyDictionary<string, int> MappingsByType);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("crosswalk", (GoodsCrosswalk crosswalk) => TypedResults.Ok(new CrosswalkSummary(crosswalk.Version, crosswalk.VnTariffYear, crosswalk.CnTariffYear,
                crosswalk.Codes.Count(c => c.Side == "VN"), crosswalk.Codes.Count(c => c.Side == "CN"),
                crosswalk.Mappings.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Count()))))
            .WithSummary("The goods crosswalk's version, tariff years and size.");
        group.MapGet("crosswalk/{code}", Lookup)
            .WithSummary("Look up a VN 8-digit or CN 10-digit code: its entry and the other side's candidates; an unmapped or unknown code says so.");
        group.MapGet("protocol-products", (ProtocolProductCatalog catalog, string? exportingSide) =>
                TypedResults.Ok(catalog.Products.Where(p => exportingSide is null || p.ExportingSide == exportingSide).OrderBy(p => p.Id).ToList()))
            .WithSummary("Agricultural products licensed under the two countries' protocols, with the documents each requires.");
        group.MapGet("protocol-products/sites/{code}", (string code, ProtocolProductCatalog catalog) =>
                (catalog.FindGrowingArea(code) ?? catalog.FindPackingHouse(code)) is { } site
                    ? Results.Ok(site)
                    : Results.Problem(title: "Not registered.", detail: $"{code} is neither a registered growing area nor a registered packing house.", statusCode: 404))
            .WithSummary("A registered growing area or packing house, its products and status.");
    }

    private static Results<Ok<CrosswalkLookup>, ValidationProblem> Lookup(string code, GoodsCrosswalk crosswalk)
    {
        var compact = code.Replace(".", "", StringComparison.Ordinal);
        if (!GoodsCrosswalk.IsCodeShape(compact))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [$"'{code}' must be an 8-digit VN or a 10-digit CN code."] });
        return TypedResults.Ok(crosswalk.Lookup(compact));
    }
}
