using System.Text;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance.Tests;

public sealed class RiskEngineTests
{
    private static RiskRuleSet Rules(string rules, string expected = """{ "red": 0, "yellow": 0, "blue": 0 }""", string random = """{ "red": 0, "yellow": 0 }""",
        string aeo = """{ "randomRateFactor": 0.5, "topUp": false }""") =>
        RiskRuleSet.Load(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "version": "t1", "expectedRates": {{expected}}, "randomRates": {{random}}, "aeo": {{aeo}}, "rules": {{rules}} }""")));

    private static RiskSubject Subject(string code = "08106000", string origin = "VN", decimal net = 1000, decimal gross = 1100, decimal value = 3000,
        bool aeo = false, int prior = 5, int discrepancies = 0, string flow = "export", string mode = "road", string id = "D1") =>
        new(id, "VN", flow, mode, [new RiskItem(code, origin, net, gross, value, "USD", true, true)], ["0101234567"], aeo, new RiskHistory(prior, 0, discrepancies));

    private static string Rule(string id, string lane, string when) =>
        $$"""{ "id": "{{id}}", "lane": "{{lane}}", "title": { "en": "{{id}}" }, "when": {{when}} }""";

    [Theory]
    [InlineData("""{ "commodityPrefixes": ["0810"] }""", true)]
    [InlineData("""{ "commodityPrefixes": ["0804"] }""", false)]
    [InlineData("""{ "origins": ["TH"] }""", false)]
    [InlineData("""{ "origins": ["VN"] }""", true)]
    [InlineData("""{ "traders": ["0101234567"] }""", true)]
    [InlineData("""{ "flows": ["import"] }""", false)]
    [InlineData("""{ "transportModes": ["road"] }""", true)]
    [InlineData("""{ "aeo": true }""", false)]
    [InlineData("""{ "quarantine": true, "perishable": true }""", true)]
    [InlineData("""{ "unitValuePerKgBelow": 3.5 }""", true)]
    [InlineData("""{ "unitValuePerKgBelow": 2.5 }""", false)]
    [InlineData("""{ "unitValuePerKgAbove": 2.5 }""", true)]
    [InlineData("""{ "grossToNetRatioAbove": 1.05 }""", true)]
    [InlineData("""{ "grossToNetRatioAbove": 1.2 }""", false)]
    [InlineData("""{ "minPriorDiscrepancies": 1 }""", false)]
    [InlineData("""{ "maxPriorDeclarations": 5 }""", true)]
    [InlineData("""{ "maxPriorDeclarations": 4 }""", false)]
    public void EachCondition_FiresOnlyWhenItHolds(string when, bool fires)
    {
        var decision = new RiskEngine(Rules($"[{Rule("R1", "yellow", when)}]")).Decide(Subject(), 1, LaneCounts.Zero);
        Assert.Equal(fires ? RiskLanes.Yellow : RiskLanes.Green, decision.Lane);
        Assert.Equal(fires, decision.Reasons.Any(r => r.RuleId == "R1"));
    }

    [Fact]
    public void ItemConditions_MustHoldOnOneAndTheSameItem()
    {
        var subject = Subject() with
        {
            Items = [new RiskItem("08106000", "VN", 1000, 1100, 3000, "USD", true, true), new RiskItem("85423100", "TH", 10, 12, 50, "USD", false, false)],
        };
        var engine = new RiskEngine(Rules($"[{Rule("R1", "red", """{ "commodityPrefixes": ["0810"], "origins": ["TH"] }""")}]"));
        Assert.Equal(RiskLanes.Green, engine.Decide(subject, 1, LaneCounts.Zero).Lane);
    }

    [Fact]
    public void TheMostSevereLane_Wins_AndEveryFiredRuleIsListed()
    {
        var engine = new RiskEngine(Rules($"[{Rule("B", "blue", """{ "flows": ["export"] }""")}, {Rule("R", "red", """{ "commodityPrefixes": ["08"] }""")}, {Rule("Y", "yellow", """{ "origins": ["VN"] }""")}]"));
        var decision = engine.Decide(Subject(), 1, LaneCounts.Zero);
        Assert.Equal(RiskLanes.Red, decision.Lane);
        Assert.Equal(["B", "R", "Y"], decision.Reasons.Select(r => r.RuleId!).Order());
        Assert.Contains("item 08106000", decision.Reasons.Single(r => r.RuleId == "R").Explanation.En);
    }

    [Fact]
    public void TheSameRulesSeedAndInput_GiveTheSameDecision_AndAReplayFromTheRecordIsIdentical()
    {
        var engine = new RiskEngine(RiskRuleSet.LoadDefault());
        var counts = new LaneCounts(700, 100, 150, 50);
        var seed = RiskEngine.SeedFor(42, "326000000001");
        var first = engine.Decide(Subject(id: "326000000001"), seed, counts);
        var again = new RiskEngine(RiskRuleSet.LoadDefault()).Decide(Subject(id: "326000000001"), seed, counts);
        Assert.Equal(JsonSerializer.Serialize(first, WireJson.Options), JsonSerializer.Serialize(again, WireJson.Options));
        var recorded = JsonSerializer.Deserialize<RiskDecision>(JsonSerializer.Serialize(first, WireJson.Options), WireJson.Options)!;
        Assert.Equal(JsonSerializer.Serialize(first.Reasons, WireJson.Options),
            JsonSerializer.Serialize(engine.Decide(Subject(id: "326000000001"), recorded.Seed, recorded.CountsBefore).Reasons, WireJson.Options));
        Assert.NotEqual(RiskEngine.SeedFor(42, "326000000001"), RiskEngine.SeedFor(42, "326000000002"));
    }

    [Fact]
    public void OverManyDeclarations_EachLanesShare_ConvergesOnItsExpectedRate()
    {
        // Criteria select about 2 % red and random another 1 %; top-up brings each lane to its expected rate.
        var engine = new RiskEngine(Rules($"[{Rule("R", "red", """{ "origins": ["TH"] }""")}]",
            expected: """{ "red": 0.05, "yellow": 0.15, "blue": 0.10 }""", random: """{ "red": 0.01, "yellow": 0.02 }"""));
        var counts = LaneCounts.Zero;
        var random = new SplitMix64(7);
        for (var i = 0; i < 100_000; i++)
        {
            var subject = Subject(origin: random.NextDouble() < 0.02 ? "TH" : "VN", id: $"D{i}");
            var decision = engine.Decide(subject, RiskEngine.SeedFor(99, subject.DeclarationId), counts);
            counts = counts.Add(decision.Lane);
        }
        Assert.InRange(counts.Red / (double)counts.Total, 0.047, 0.053);
        Assert.InRange(counts.Yellow / (double)counts.Total, 0.142, 0.158);
        Assert.InRange(counts.Blue / (double)counts.Total, 0.094, 0.106);
    }

    [Fact]
    public void ARecognisedAeo_HasFewerRandomSelections_AndNoTopUp()
    {
        var engine = new RiskEngine(Rules("[]", expected: """{ "red": 0.2, "yellow": 0, "blue": 0 }""", random: """{ "red": 0.2, "yellow": 0 }""",
            aeo: """{ "randomRateFactor": 0.25, "topUp": false }"""));
        int Reds(bool aeo) => Enumerable.Range(0, 20_000).Count(i =>
            engine.Decide(Subject(aeo: aeo, id: $"D{i}"), RiskEngine.SeedFor(5, $"D{i}"), LaneCounts.Zero).Lane == RiskLanes.Red);
        Assert.InRange(Reds(aeo: true) / 20_000.0, 0.04, 0.06);
        Assert.True(Reds(aeo: false) > 4 * Reds(aeo: true));
        Assert.Contains(engine.Decide(Subject(aeo: true), 1, LaneCounts.Zero).Reasons, r => r.Kind == RiskReason.AeoBenefit);
    }

    [Fact]
    public void ARuleFileWithErrors_IsRefused_NamingEveryErrorWithItsPath()
    {
        var json = """
            { "version": "", "expectedRates": { "red": 0.7, "yellow": 0.5, "purple": 0.1 }, "randomRates": { "red": 2 },
              "rules": [ { "id": "A", "lane": "orange", "title": { "en": "a" }, "when": { "colour": "red" } },
                         { "id": "A", "lane": "red", "title": { "en": "b" }, "when": { } } ] }
            """;
        var error = Assert.Throws<InvalidDataException>(() => RiskRuleSet.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)))).Message;
        foreach (var expected in new[] { "$.version", "$.expectedRates.purple", "$.expectedRates: the rates add up to", "$.randomRates.red",
                     "$.rules[0].lane", "$.rules[0].when.colour", "$.rules[1].id: 'A' is used", "$.rules[1].when: is required" })
            Assert.Contains(expected, error);
    }

    [Fact]
    public void TheDefaultRuleFile_Loads_WithTitlesInThreeLanguages()
    {
        var rules = RiskRuleSet.LoadDefault();
        Assert.True(rules.Rules.Count >= 20);
        Assert.All(rules.Rules, r => Assert.True(r.Title.Vi is not null && r.Title.Zh is not null && r.Title.En is not null, r.Id));
        Assert.InRange(rules.Expected(RiskLanes.Red), 0.01, 0.2);
    }
}
