using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>docs/payments/emvco-qr.md and the code agree: every rule code is in its table, and its profiles are the code's.</summary>
public sealed class QrDocumentTests
{
    private static readonly string Document = File.ReadAllText(Find("docs/payments/emvco-qr.md"));

    [Fact]
    public void EveryRuleCode_IsInTheDocumentsTable()
    {
        foreach (var rule in QrRule.All) Assert.Contains($"| `{rule}` |", Document);
    }

    [Fact]
    public void EveryWarningCode_IsInTheErrataTable()
    {
        foreach (var warning in QrWarning.All) Assert.Contains($"`{warning}`", Document);
        Assert.Contains("## 10 NAPAS specification errata", Document);
    }

    [Fact]
    public void EveryProfile_IsDescribed()
    {
        foreach (var profile in QrProfile.All) Assert.Contains($"- **`{profile.Name}`**", Document);
    }

    [Fact]
    public void TheDocumentsCheckValues_Hold()
    {
        Assert.Contains("`123456789` → `29B1`", Document);
        Assert.Equal("29B1", Crc16.Hex("123456789"));
        Assert.Contains("`A000000727`", Document);
        Assert.Equal("A000000727", QrTagCatalog.NapasGuid);
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
