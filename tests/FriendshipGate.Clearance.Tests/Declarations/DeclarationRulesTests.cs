namespace FriendshipGate.Clearance.Tests;

public sealed class DeclarationRulesTests
{
    private static (DeclarationContent? Content, IReadOnlyDictionary<string, string[]> Errors) Check(DeclarationInput input, string side = "VN", params AeoStanding[] aeos)
    {
        var errors = new ValidationErrors();
        var content = DeclarationRules.Check(input, Reference.Context(side, aeos), errors);
        return (content, errors.ToDictionary());
    }

    [Fact]
    public void ADurianExport_WithEveryDocument_IsValid_AndNamesItsProtocolProduct()
    {
        var (content, errors) = Check(Reference.DurianExport());
        Assert.Empty(errors);
        Assert.NotNull(content);
        Assert.Equal("durian-fresh", content.Items[0].Product);
        Assert.Equal(["CSQU3054383"], content.Transport.Containers);
        Assert.Equal(DeclarationKind.Complete, content.Kind);
    }

    [Fact]
    public void EveryBrokenRule_IsReportedAtOnce_EachNamingItsField()
    {
        var input = Reference.DurianExport() with
        {
            Type = "exprt",
            Importer = null,
            Items = [new GoodsItemInput(null, "0810", null, -1, "BAGS", 10, 5, null, "usd1", "Vietnam")],
            Transport = new TransportInput("road", null, null, ["CSQU3054384"], ["x"]),
        };
        var (content, errors) = Check(input);
        Assert.Null(content);
        foreach (var field in new[] { "type", "importer", "items[0].description", "items[0].commodityCode", "items[0].quantity", "items[0].unit",
                     "items[0].grossKg", "items[0].value", "items[0].currency", "items[0].origin", "transport.plate", "transport.nationality",
                     "transport.containers[0]", "transport.seals[0]" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}; errors: {string.Join(", ", errors.Keys)}");
        Assert.Contains("check digit", errors["transport.containers[0]"][0]);
        Assert.Contains("less than the net weight", errors["items[0].grossKg"][0]);
    }

    [Fact]
    public void AnExportOfAnUnmappedCode_IsRefused_NeverGuessed()
    {
        var input = Reference.DurianExport() with
        {
            Items = [Reference.DurianExport().Items![0]! with { CommodityCode = "08109099" }],
        };
        var (_, errors) = Check(input);
        Assert.Contains("no mapping to CN codes", errors["items[0].commodityCode"][0]);
        var unknown = Reference.DurianExport() with { Items = [Reference.DurianExport().Items![0]! with { CommodityCode = "03021100" }] };
        Assert.Contains("not in goods crosswalk", Check(unknown).Errors["items[0].commodityCode"][0]);
    }

    [Fact]
    public void ACodeOfTheOtherSidesLength_IsRefused()
    {
        var (_, errors) = Check(Reference.DurianExport() with { Items = [Reference.DurianExport().Items![0]! with { CommodityCode = "0810600000" }] });
        Assert.Contains("8-digit", errors["items[0].commodityCode"][0]);
    }

    [Fact]
    public void ASummaryDeclaration_IsChinasImportOption_Only()
    {
        Assert.Contains("China's option", Check(Reference.DurianExport() with { Kind = "summary" }).Errors["kind"][0]);
    }

    [Fact]
    public void AnExporterOfTheOtherSide_CannotExportFromHere()
    {
        var input = Reference.DurianExport() with { Exporter = new PartyInput("0101234567", "X", "CN", null) };
        Assert.Contains("exporter in VN", Check(input).Errors["exporter.country"][0]);
    }

    [Fact]
    public void ARevokedAeo_StillClaimed_IsRefused_AndAnActiveOneOfAnotherCompanyToo()
    {
        var revoked = new AeoStanding("VN-AEO-0001", "VN", "0101234567", "X", AeoStatus.Revoked, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var other = new AeoStanding("VN-AEO-0002", "VN", "0309999999", "Y", AeoStatus.Active, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var claimsRevoked = Reference.DurianExport() with { Exporter = Reference.DurianExport().Exporter! with { AeoId = "VN-AEO-0001" } };
        Assert.Contains("revoked on 2026-10-01", Check(claimsRevoked, "VN", revoked, other).Errors["exporter.aeoId"][0]);
        var claimsOther = Reference.DurianExport() with { Exporter = Reference.DurianExport().Exporter! with { AeoId = "VN-AEO-0002" } };
        Assert.Contains("granted to company 0309999999", Check(claimsOther, "VN", revoked, other).Errors["exporter.aeoId"][0]);
        var claimsUnknown = Reference.DurianExport() with { Exporter = Reference.DurianExport().Exporter! with { AeoId = "VN-AEO-9999" } };
        Assert.Contains("neither side's AEO register", Check(claimsUnknown, "VN", revoked, other).Errors["exporter.aeoId"][0]);
        var active = new AeoStanding("VN-AEO-0003", "VN", "0101234567", "X", AeoStatus.Active, DateTimeOffset.UnixEpoch);
        var claimsActive = Reference.DurianExport() with { Exporter = Reference.DurianExport().Exporter! with { AeoId = "VN-AEO-0003" } };
        Assert.Equal("VN-AEO-0003", Check(claimsActive, "VN", active).Content!.Exporter.AeoId);
    }

    [Fact]
    public void AnUnmannedVehicle_CarriesAContainer()
    {
        var input = Reference.DurianExport() with { Transport = new TransportInput("unmanned", null, null, null, null) };
        Assert.Contains("at least one container", Check(input).Errors["transport.containers"][0]);
    }
}
