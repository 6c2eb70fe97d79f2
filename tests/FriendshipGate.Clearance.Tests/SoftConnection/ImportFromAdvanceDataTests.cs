namespace FriendshipGate.Clearance.Tests;

public sealed class ImportFromAdvanceDataTests
{
    private static AdvanceData Advance(params string[] codes)
    {
        var errors = new ValidationErrors();
        var export = DeclarationRules.Check(Reference.DurianExport(), Reference.Context("VN"), errors)!;
        var items = codes.Select((c, i) => export.Items[0] with { Number = i + 1, CommodityCode = c }).ToList();
        var content = export with { Items = items };
        var advanceItems = items.Select(i =>
        {
            var lookup = Reference.Crosswalk.Lookup(i.CommodityCode);
            return new AdvanceItem(i.Number, i.CommodityCode, lookup.Status, lookup.MappingType, lookup.Candidates);
        }).ToList();
        return new AdvanceData("326000000001", "VN", 1, content, advanceItems, "91450100MA5KXXXX1", DateTimeOffset.UnixEpoch, null);
    }

    private static readonly ImportFromAdvanceInput NoChoices = new(null, null, null, null, null);

    [Fact]
    public void AOneToOneCode_IsTakenWithoutAChoice_AndNothingIsRetyped()
    {
        var errors = new ValidationErrors();
        var input = ImportFromAdvanceData.Build(Advance("08106000"), NoChoices, errors);
        Assert.False(errors.Any);
        Assert.Equal("0810600000", input.Items![0]!.CommodityCode);
        Assert.Equal("import", input.Type);
        Assert.Equal(["VN-DLOR-0101"], input.Documents!.GrowingAreaCodes!);
        Assert.Equal(["CSQU3054383"], input.Transport!.Containers!);
    }

    [Fact]
    public void AOneToManyCode_NeedsAChoiceAmongTheCandidates()
    {
        var errors = new ValidationErrors();
        ImportFromAdvanceData.Build(Advance("08109092"), NoChoices, errors);
        Assert.Contains("choose one of 0810907010, 0810907090", errors.ToDictionary()["items[0].commodityCode"][0]);
        var outside = new ValidationErrors();
        ImportFromAdvanceData.Build(Advance("08109092"), NoChoices with { Items = [new ItemCodeChoice(1, "0810600000")] }, outside);
        Assert.Contains("not a candidate", outside.ToDictionary()["items[0].commodityCode"][0]);
        var chosen = new ValidationErrors();
        var input = ImportFromAdvanceData.Build(Advance("08109092"), NoChoices with { Items = [new ItemCodeChoice(1, "0810907090")] }, chosen);
        Assert.False(chosen.Any);
        Assert.Equal("0810907090", input.Items![0]!.CommodityCode);
    }

    [Fact]
    public void AnUnmappedCode_IsNeverGuessed()
    {
        var errors = new ValidationErrors();
        ImportFromAdvanceData.Build(Advance("08109099"), NoChoices, errors);
        Assert.Contains("never guessed", errors.ToDictionary()["items[0].commodityCode"][0]);
    }
}
