using System.Text.RegularExpressions;
using FriendshipGate.Clearance;
using FriendshipGate.Payments.Qr;
using FriendshipGate.Web.Ui;

namespace FriendshipGate.Web.Tests;

/// <summary>Every label and message exists in Vietnamese, Chinese and English, and every key the screens use exists.</summary>
public sealed partial class UiTextTests
{
    private readonly UiText text = new();

    [Fact]
    public void EveryText_HasAllThreeLanguages()
    {
        var missing = text.All.Where(t => string.IsNullOrWhiteSpace(t.Value.Vi) || string.IsNullOrWhiteSpace(t.Value.Zh) || string.IsNullOrWhiteSpace(t.Value.En))
            .Select(t => t.Key).ToList();
        Assert.True(missing.Count == 0, "missing a language: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryKeyTheScreensName_Exists()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "FriendshipGate.sln"))) root = Path.GetDirectoryName(root)!;
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "FriendshipGate.Web", "Ui"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        var named = sources.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).ToHashSet();
        Assert.NotEmpty(named);
        var missing = named.Where(k => !text.All.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "no text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryStateLaneTypeModeQrRuleAndProfile_HasItsName()
    {
        IEnumerable<string> keys =
        [
            .. ClearanceState.All.Select(s => $"state.{s}"),
            .. new[] { RiskLanes.Green, RiskLanes.Blue, RiskLanes.Yellow, RiskLanes.Red }.Select(l => $"lane.{l}"),
            .. new[] { DeclarationType.Export, DeclarationType.Import, DeclarationType.Transit }.Select(t => $"type.{t}"),
            .. new[] { TransportMode.Road, TransportMode.Rail, TransportMode.Unmanned }.Select(m => $"mode.{m}"),
            .. new[] { RiskReason.Rule, RiskReason.Random, RiskReason.TopUp, RiskReason.AeoBenefit }.Select(k => $"risk.{k}"),
            .. QrRule.All.Select(r => $"qr.rule.{r}"),
            .. QrProfile.All.Select(p => $"qr.profile.{p.Name}"),
        ];
        var missing = keys.Where(k => !text.All.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "no text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void ATextIsShownInTheAskedLanguage()
    {
        Assert.Equal("Trung tâm chỉ huy", text.Get("cc.title", UiLanguage.Vietnamese));
        Assert.Equal("指挥中心", text.Get("cc.title", UiLanguage.Chinese));
        Assert.Equal("[no.such.key]", text.Get("no.such.key", UiLanguage.English));
    }

    // T["key"] and T.Format("key", ...) in the screens; label keys in field tables (("netKg", "form.netKg", true)).
    [GeneratedRegex("""T(?:\[|\.Format\()"(?<key>[a-zA-Z0-9.]+)"|\("[^"]+", "(?<key>(?:form|item)\.[a-zA-Z0-9.]+)"[,)]""")]
    private static partial Regex Key();
}
