using System.Text.RegularExpressions;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Http;

namespace FriendshipGate.Clearance.Tests;

public sealed partial class MessageLanguagesTests
{
    private static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly AeoStanding[] Aeos =
    [
        new("VN-AEO-0001", "VN", "0101234567", "X", AeoStatus.Revoked, Since),
        new("VN-AEO-0002", "VN", "0309999999", "Y", AeoStatus.Active, Since),
    ];

    /// <summary>Declarations broken in as many ways as the rules can tell apart (some rules exclude others, so there are several).</summary>
    private static IEnumerable<(string Side, DeclarationInput Input)> BrokenDeclarations()
    {
        var durian = Reference.DurianExport();
        var item = durian.Items![0]!;
        yield return ("VN", durian with
        {
            Type = "exprt",
            Kind = "final",
            Exporter = new PartyInput("x", new string('n', 201), "Vietnam", "VN-AEO-9999"),
            Importer = null,
            Declarant = new PartyInput(null, null, null, null),
            Items =
            [
                new GoodsItemInput(null, "0810", null, -1, "BAGS", 10, 5, null, "usd1", "Vietnam"),
                null,
                new GoodsItemInput(new(new string('v', 501), null, null), "0810600000", null, null, null, null, null, -1, null, null),
                item with { NetKg = 0, GrossKg = 200_000, Value = 5, Currency = null },
            ],
            Transport = new TransportInput("road", null, null, ["CSQU3054384", "CSQX3054383", "ABC", "CSQU3054383", "CSQU3054383"], ["x", null]),
        });
        yield return ("VN", durian with { Type = null, Kind = "summary", Items = [], Transport = new TransportInput(null, "AB", "VNM", null, null) });
        yield return ("VN", durian with { Exporter = durian.Exporter! with { AeoId = "VN-AEO-0001" }, Transport = null });
        yield return ("VN", durian with { Exporter = durian.Exporter! with { Country = "CN" } });
        yield return ("VN", durian with { Importer = durian.Importer! with { AeoId = "VN-AEO-0002" }, Transport = new TransportInput("ship", null, null, null, null) });
        yield return ("VN", durian with { Transport = new TransportInput("unmanned", null, null, null, null) });
        yield return ("VN", durian with { Items = [item with { CommodityCode = "08109099" }, item with { CommodityCode = "03021100" }, item with { CommodityCode = null }] });
        yield return ("VN", durian with { Items = Enumerable.Repeat<GoodsItemInput?>(item, DeclarationRules.MaxItems + 1).ToList() });
        yield return ("VN", durian with { Items = [item with { Product = "dragon-fruit" }, item with { Product = "jackfruit" }] });
        yield return ("VN", durian with
        {
            Documents = new DocumentsInput(" ", null, new CertificateOfOriginInput("formA", null), ["VN-TGOR-0303", "VN-XXOR-9999"], ["CN-GXPH-0001"], null),
        });
        yield return ("VN", durian with { Items = [item with { CommodityCode = "08109092", Product = null, Value = null }], Documents = null });
        yield return ("CN", durian with
        {
            Type = "import",
            Exporter = new PartyInput("0101234567", "Công ty TNHH Trái cây Đắk Lắk", "VN", null),
            Importer = new PartyInput("91450100MA5KXXXX1", "广西凭祥果品有限公司", "VN", null),
            Items = [item with { CommodityCode = "0810909900" }],
        });
    }

    private static List<(string Field, Trilingual Rule)> AllBrokenRules()
    {
        var entries = new List<(string, Trilingual)>();
        foreach (var (side, input) in BrokenDeclarations())
        {
            var errors = new ValidationErrors();
            Assert.Null(DeclarationRules.Check(input, Reference.Context(side, Aeos), errors));
            entries.AddRange(errors.Entries);
        }
        return entries;
    }

    [Fact]
    public void EveryMessageOfABrokenDeclaration_IsInVietnameseChineseAndEnglish()
    {
        var entries = AllBrokenRules();
        // Different rules, not the same one many times: the broken declarations reach most of the rules.
        Assert.True(entries.Select(e => e.Rule.En).Distinct().Count() >= 55, $"only {entries.Select(e => e.Rule.En).Distinct().Count()} different messages");
        foreach (var (field, rule) in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.En), $"{field}: no English");
            Assert.False(string.IsNullOrWhiteSpace(rule.Vi), $"{field}: no Vietnamese for '{rule.En}'");
            Assert.False(string.IsNullOrWhiteSpace(rule.Zh), $"{field}: no Chinese for '{rule.En}'");
            Assert.NotEqual(rule.En, rule.Vi);
            Assert.NotEqual(rule.En, rule.Zh);
            Assert.True(VietnameseLetter().IsMatch(rule.Vi!), $"{field}: '{rule.Vi}' does not look Vietnamese");
            Assert.True(ChineseCharacter().IsMatch(rule.Zh!), $"{field}: '{rule.Zh}' does not look Chinese");
            Assert.False(VietnameseLetter().IsMatch(rule.Zh!.Replace("Đắk Lắk", "", StringComparison.Ordinal)), $"{field}: '{rule.Zh}' has Vietnamese in it");
        }
    }

    [Fact]
    public void ValuesInAMessage_StayAsTheyAre_InEachLanguage()
    {
        var errors = new ValidationErrors();
        var durian = Reference.DurianExport();
        DeclarationRules.Check(durian with { Items = [durian.Items![0]! with { NetKg = 19_600 }] }, Reference.Context("VN"), errors);
        var rule = Assert.Single(errors.Entries).Rule;
        foreach (var text in new[] { rule.En, rule.Vi, rule.Zh })
        {
            Assert.Contains("19500", text);
            Assert.Contains("19600", text);
        }
    }

    [Fact]
    public void ToDictionary_AnswersInTheLanguageAsked_EnglishByDefault_AndForAnUnknownLanguage()
    {
        var errors = new ValidationErrors();
        DeclarationRules.Check(Reference.DurianExport() with { Items = [], Transport = null }, Reference.Context("VN"), errors);
        Assert.Equal(["至少需要一项商品。"], errors.ToDictionary("zh")["items"]);
        Assert.Equal(["必填。"], errors.ToDictionary("zh")["transport"]);
        Assert.Equal(["cần có ít nhất một dòng hàng."], errors.ToDictionary("vi")["items"]);
        Assert.Equal(["at least one goods item is required."], errors.ToDictionary()["items"]);
        Assert.Equal(errors.ToDictionary()["items"], errors.ToDictionary("fr")["items"]);
        Assert.Equal(errors.ToDictionary().Keys, errors.ToDictionary("zh").Keys);
    }

    [Fact]
    public void ImportFromAdvanceData_ExplainsItsCodeChoices_InEachLanguage()
    {
        var errors = new ValidationErrors();
        var export = DeclarationRules.Check(Reference.DurianExport(), Reference.Context("VN"), errors)!;
        var items = new[] { "08109092", "08109092", "08109099" }.Select((c, i) => export.Items[0] with { Number = i + 1, CommodityCode = c }).ToList();
        var advance = new AdvanceData("326000000001", "VN", 1, export with { Items = items },
            items.Select(i => Reference.Crosswalk.Lookup(i.CommodityCode) is var l ? new AdvanceItem(i.Number, i.CommodityCode, l.Status, l.MappingType, l.Candidates) : null!).ToList(),
            "91450100MA5KXXXX1", DateTimeOffset.UnixEpoch, null);
        ImportFromAdvanceData.Build(advance, new ImportFromAdvanceInput(null, [new ItemCodeChoice(2, "0810600000")], null, null, null), errors);
        var rules = errors.Entries.Select(e => e.Rule).ToList();
        Assert.Equal(3, rules.Count);
        foreach (var rule in rules)
        {
            Assert.True(VietnameseLetter().IsMatch(rule.Vi!), rule.Vi);
            Assert.True(ChineseCharacter().IsMatch(rule.Zh!), rule.Zh);
        }
        Assert.Contains("0810907010, 0810907090", rules[0].Vi);
        Assert.Contains("请从0810907010, 0810907090中选择一个", rules[0].Zh);
        Assert.Contains("0810600000", rules[1].Zh);
    }

    [Fact]
    public void ARefusal_KeepsItsEnglishMessage_AndCarriesTheOtherLanguages()
    {
        var refusal = new DeclarationRefusal(DeclarationRefusal.Conflict, "state", "en text.", "văn bản.", "中文。");
        Assert.Equal("en text.", refusal.Message);
        Assert.Equal(new Trilingual("văn bản.", "中文。", "en text."), refusal.Text);
    }

    [Fact]
    public void AContainerNumber_IsExplained_InEachLanguage_WithTheSameEnglishAsTryParse()
    {
        Assert.False(ContainerNumber.TryParse("CSQU3054384", out _, out var reason));
        var problem = ContainerNumber.Check("CSQU3054384", out _);
        Assert.NotNull(problem);
        Assert.Equal(reason, problem.En);
        Assert.Contains("校验", problem.Zh);
        Assert.Null(ContainerNumber.Check("CSQU3054383", out var number));
        Assert.Equal("CSQU3054383", number.Value);
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("vi", "vi")]
    [InlineData("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7", "vi")]
    [InlineData("zh-CN,zh;q=0.9", "zh")]
    [InlineData("zh-Hans-CN", "zh")]
    [InlineData("fr-FR, zh-CN;q=0.8, en;q=0.5", "zh")]
    [InlineData("en;q=0.2, zh;q=0.9, vi;q=0.5", "zh")]
    [InlineData("en-GB,vi;q=0.9", "en")]
    [InlineData("zh;q=0, vi;q=0.1", "vi")]
    [InlineData("de-DE, fr;q=0.5", "en")]
    [InlineData("*", "en")]
    [InlineData("VI-vn", "vi")]
    [InlineData(";;;q=x", "en")]
    public void TheAnswerLanguage_IsTheFirstOfViZhEn_ByQuality(string? acceptLanguage, string expected) =>
        Assert.Equal(expected, ClearanceApi.LanguageOf(acceptLanguage));

    private static HttpRequest Request(string? acceptLanguage)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null) context.Request.Headers.AcceptLanguage = acceptLanguage;
        return context.Request;
    }

    [Fact]
    public void AnInvalidRequest_IsAnswered_InTheRequestsLanguage_EnglishWithoutAcceptLanguage()
    {
        var errors = new ValidationErrors();
        errors.Add("items", "at least one goods item is required.", "cần có ít nhất một dòng hàng.", "至少需要一项商品。");
        var title = new Trilingual("Tờ khai không hợp lệ.", "报关单无效。", "The declaration is not valid.");

        var chinese = ClearanceApi.Invalid(errors, title, Request("zh-CN,zh;q=0.9,en;q=0.8")).ProblemDetails;
        Assert.Equal("报关单无效。", chinese.Title);
        Assert.Equal(["至少需要一项商品。"], chinese.Errors["items"]);
        var english = ClearanceApi.Invalid(errors, title, Request(null)).ProblemDetails;
        Assert.Equal("The declaration is not valid.", english.Title);
        Assert.Equal(["at least one goods item is required."], english.Errors["items"]);
    }

    [Fact]
    public void ARefusal_IsAnswered_InTheRequestsLanguage_EnglishWithoutAcceptLanguage()
    {
        var refusal = new DeclarationRefusal(DeclarationRefusal.NotFound, "number", "there is no declaration 1 on the VN node.",
            "không có tờ khai 1 trên nút VN.", "VN节点上没有报关单1。");

        var vietnamese = ClearanceApi.Refused(refusal, Request("vi-VN")).ProblemDetails;
        Assert.Equal("Không tìm thấy.", vietnamese.Title);
        Assert.Equal("không có tờ khai 1 trên nút VN.", vietnamese.Detail);
        Assert.Equal(404, vietnamese.Status);
        Assert.Equal("number", vietnamese.Extensions["field"]);
        var english = ClearanceApi.Refused(refusal, Request(null)).ProblemDetails;
        Assert.Equal("Not found.", english.Title);
        Assert.Equal("there is no declaration 1 on the VN node.", english.Detail);
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseCharacter();
}
