namespace FriendshipGate.Clearance.Tests;

public sealed class GoodsCrosswalkTests
{
    private static Dictionary<string, string> En(string text) => new() { ["en"] = text };

    [Fact]
    public void Lookup_GivesCandidates_FlagsUnmapped_AndSaysUnknown()
    {
        var mapped = Reference.Crosswalk.Lookup("08109092");
        Assert.Equal(CrosswalkLookup.Mapped, mapped.Status);
        Assert.Equal("1:n", mapped.MappingType);
        Assert.Equal(["0810907010", "0810907090"], mapped.Candidates.Select(c => c.Code));
        Assert.Equal(["08106000"], Reference.Crosswalk.Lookup("0810600000").Candidates.Select(c => c.Code));
        Assert.Equal(CrosswalkLookup.Unmapped, Reference.Crosswalk.Lookup("08109099").Status);
        Assert.Empty(Reference.Crosswalk.Lookup("08109099").Candidates);
        Assert.Equal(CrosswalkLookup.Unknown, Reference.Crosswalk.Lookup("01012100").Status);
    }

    [Fact]
    public void AMappingWhoseTypeDoesNotMatchItsCodes_OrACodeInTwoMappings_IsRefused()
    {
        NationalCode Vn(string code) => new(code, En(code), false, true);
        NationalCode Cn(string code) => new(code, En(code), false, true);
        var error = Assert.Throws<InvalidDataException>(() => new GoodsCrosswalk("x", 2025, 2025,
            [Vn("08106000"), Cn("0810600000"), Cn("0810600001"), Vn("123")],
            [new CodeMapping("1:1", ["08106000"], ["0810600000", "0810600001"], null), new CodeMapping("1:1", ["08106000"], ["0810600000"], null)])).Message;
        Assert.Contains("typed '1:1' but has 1:2", error);
        Assert.Contains("08106000 appears in more than one mapping", error);
        Assert.Contains("'123' is neither", error);
    }

    [Fact]
    public void TheShippedData_Loads_AndEveryProtocolProductCodeIsInTheCrosswalk()
    {
        var crosswalk = GoodsCrosswalk.LoadEmbedded();
        var products = ProtocolProductCatalog.LoadEmbedded();
        Assert.NotEmpty(crosswalk.Mappings);
        foreach (var product in products.Products)
            foreach (var code in product.VnCodes.Concat(product.CnCodes))
                Assert.True(crosswalk.Find(code) is not null, $"{product.Id} names {code}, which the crosswalk does not list.");
        Assert.Contains(products.GrowingAreas, s => !s.IsActive);
    }
}
