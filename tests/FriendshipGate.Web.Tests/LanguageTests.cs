using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>The browser's language is the default; a user's choice is kept with the account, so it follows them to any browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserNodes nodes)
{
    [Fact]
    public async Task ALanguageChosenInOneBrowser_IsTheLanguageOfTheNextSignInFromAnother()
    {
        // First browser, English: the user picks Chinese.
        var first = await nodes.NewPageAsync("en-GB");
        await BrowserNodes.SignInAsync(first, nodes.VnUrl, "vn.linguist");
        await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync("Trader portal");
        await first.ClickAsync("a[data-language='zh']");
        await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync("企业门户");

        // Second browser (its own cookies), Vietnamese: after sign-in the screens are in the user's Chinese, not the browser's Vietnamese.
        var second = await nodes.NewPageAsync("vi-VN");
        await second.GotoAsync(nodes.VnUrl + "signin");
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await BrowserNodes.SignInAsync(second, nodes.VnUrl, "vn.linguist");
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("企业门户");
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await BrowserNodes.ScreenshotAsync(second, "language-follows-user-zh");

        // A later choice wins: Vietnamese picked in the second browser is what a third one opens in.
        await second.ClickAsync("a[data-language='vi']");
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Cổng doanh nghiệp");
        var third = await nodes.NewPageAsync("en-GB");
        await BrowserNodes.SignInAsync(third, nodes.VnUrl, "vn.linguist");
        await Assertions.Expect(third.Locator("h1")).ToHaveTextAsync("Cổng doanh nghiệp");
    }
}
