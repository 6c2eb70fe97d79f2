namespace FriendshipGate.Clearance.Tests;

public sealed class ProtocolRulesTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(DeclarationInput input, string side = "VN")
    {
        var errors = new ValidationErrors();
        DeclarationRules.Check(input, Reference.Context(side), errors);
        return errors.ToDictionary();
    }

    private static DeclarationInput WithDocuments(Func<DocumentsInput, DocumentsInput> change) =>
        Reference.DurianExport() with { Documents = change(Reference.DurianExport().Documents!) };

    [Fact]
    public void FruitWithoutALicensedProduct_IsRefused_AsUnlicensed()
    {
        // 08109099 is mapped nowhere and licensed nowhere: an import of it into VN from CN is checked against the protocols.
        var input = Reference.DurianExport() with
        {
            Type = "import",
            Exporter = new PartyInput("91450100MA5KXXXX1", "广西凭祥果品有限公司", "CN", null),
            Importer = new PartyInput("0101234567", "Công ty TNHH Trái cây Đắk Lắk", "VN", null),
            Items = [Reference.DurianExport().Items![0]! with { CommodityCode = "08109099" }],
        };
        Assert.Contains("unlicensed product", Errors(input)["items[0].commodityCode"][0]);
    }

    [Fact]
    public void AMissingGrowingAreaCode_IsRefused_NamingTheProduct()
    {
        var errors = Errors(WithDocuments(d => d with { GrowingAreaCodes = [] }));
        Assert.Contains("durian-fresh requires a registered growing area", errors["documents.growingAreaCodes"][0]);
    }

    [Fact]
    public void ASuspendedOrUnknownOrWrongProductSite_IsRefused()
    {
        var errors = Errors(WithDocuments(d => d with { GrowingAreaCodes = ["VN-TGOR-0303", "VN-XXOR-9999", "VN-BTOR-0202"] }));
        Assert.Contains("suspended", errors["documents.growingAreaCodes[0]"][0]);
        Assert.Contains("not a registered growing area", errors["documents.growingAreaCodes[1]"][0]);
        Assert.Contains("none of those given is registered for durian-fresh", errors["documents.growingAreaCodes"][0]);
    }

    [Fact]
    public void AMissingPhytosanitaryCertificate_IsRefused()
    {
        Assert.Contains("durian-fresh requires it", Errors(WithDocuments(d => d with { PhytosanitaryCertificate = " " }))["documents.phytosanitaryCertificate"][0]);
    }

    [Fact]
    public void AProductNamedForTheWrongCode_IsRefused()
    {
        var input = Reference.DurianExport() with { Items = [Reference.DurianExport().Items![0]! with { Product = "dragon-fruit" }] };
        Assert.Contains("not licensed from VN into CN under code 08106000", Errors(input)["items[0].product"][0]);
    }

    [Fact]
    public void ElectronicComponents_NeedNoProtocolDocuments()
    {
        var input = Reference.DurianExport() with
        {
            Items = [new GoodsItemInput(new(null, null, "CPU"), "85423100", null, 1000, "H87", 5, 8, 120_000, "USD", "VN")],
            Documents = null,
        };
        Assert.Empty(Errors(input));
    }
}
