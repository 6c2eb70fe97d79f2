using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserNodes nodes)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "", "signin", "en-GB" },
        { "vn.officer", "command-center", "vi-VN" },
        { "vn.officer", "officer", "vi-VN" },
        { "vn.trader", "trader", "vi-VN" },
        { "vn.trader", "trader/declarations/new", "vi-VN" },
        { "vn.trader", "denied", "zh-CN" },
        { "vn.officer", "command-center", "zh-CN" },
        { "vn.officer", "command-center/joint", "vi-VN" },
        { "vn.officer", "command-center/joint", "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolations(string user, string path, string locale)
    {
        var page = await nodes.NewPageAsync(locale);
        if (user.Length > 0) await BrowserNodes.SignInAsync(page, nodes.VnUrl, user);
        await page.GotoAsync(nodes.VnUrl + path);
        if (user.Length > 0 && path != "denied") await BrowserNodes.WaitInteractiveAsync(page);
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, $"axe-{path.Replace('/', '-')}-{locale}");
    }

    [Fact]
    public async Task TheKeyboardAlone_SignsIn_FromThePagesHeading()
    {
        var page = await nodes.NewPageAsync();
        await page.GotoAsync(nodes.VnUrl + "signin");
        // Focus starts at the heading (announced by screen readers); one Tab reaches the first field.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("signin-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("#main", await page.GetAttributeAsync(".skip-link", "href") is { } href ? href[href.IndexOf('#')..] : null);
        await page.Keyboard.TypeAsync("vn.officer");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserNodes.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/officer", StringComparison.Ordinal));
    }
}
