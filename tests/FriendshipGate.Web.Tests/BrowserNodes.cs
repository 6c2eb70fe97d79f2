using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;
using FriendshipGate.Testing;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// Two real node processes (VN and CN, SQLite) with demo-like users, and Debian's Chromium driven by Playwright.
/// Durian goes to the yellow lane on both sides, so an officer decides on it.
/// </summary>
public sealed class BrowserNodes : IAsyncLifetime
{
    public const string Password = "browser-test-2026";
    public const string VnCompany = SampleClearance.VnExporter, CnCompany = SampleClearance.CnImporter, OtherVnCompany = "0309999999";

    private static readonly string YellowDurianRules =
        SampleClearance.DurianRules("yellow", "DURIAN-YELLOW", "Sầu riêng: kiểm tra hồ sơ", "榴莲：单证审核", "Durian: document check");

    private readonly Dictionary<string, string> tokens = [];
    private IPlaywright? playwright;
    private string? rulesFile;

    public NodePair Nodes { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string VnUrl => Nodes.VnApi.Http.BaseAddress!.ToString();
    public string CnUrl => Nodes.CnApi.Http.BaseAddress!.ToString();

    public async Task InitializeAsync()
    {
        rulesFile = Path.Combine(Path.GetTempPath(), $"fgate-rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(rulesFile, YellowDurianRules);
        Nodes = await NodePair.CreateAsync(FgateExecutable.Current(), environment: new Dictionary<string, string>
        {
            ["FGATE_Exchange__RetryBaseMilliseconds"] = "50",
            ["FGATE_Exchange__RetryMaxSeconds"] = "1",
            ["FGATE_Clearance__RiskRulesFile"] = rulesFile,
        });
        await AddUserAsync(Nodes.VnApi, "vn.trader", "trader", VnCompany, "Công ty TNHH Trái cây Đắk Lắk");
        await AddUserAsync(Nodes.VnApi, "vn.other", "trader", OtherVnCompany, "Công ty Cổ phần Nông sản Miền Nam");
        // Its own account for the language tests: a language chosen there follows the user, and must not change vn.trader's screens.
        await AddUserAsync(Nodes.VnApi, "vn.linguist", "trader", VnCompany, "Trần Thị Bình");
        await AddUserAsync(Nodes.VnApi, "vn.officer", "officer", null, "Nguyễn Văn An");
        // The gate operator at the booth (the fee desk); the node's operator token stays with the tools.
        await AddUserAsync(Nodes.VnApi, "vn.operator", "operator", null, "Phạm Thị Hoa");
        await AddUserAsync(Nodes.CnApi, "cn.officer", "officer", null, "李明");
        await AddUserAsync(Nodes.CnApi, "cn.trader", "trader", CnCompany, "广西凭祥果品有限公司");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    private async Task AddUserAsync(NodeApi node, string name, string role, string? company, string displayName)
    {
        using var response = await node.Http.PostAsJsonAsync("api/v1/users", new { name, role, company, displayName, password = Password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        tokens[name] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>An API client signed in as <paramref name="user"/> (for the steps no screen covers yet).</summary>
    public HttpClient Api(string user)
    {
        var node = user.StartsWith("vn.", StringComparison.Ordinal) ? Nodes.VnApi : Nodes.CnApi;
        var http = new HttpClient { BaseAddress = node.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
        return http;
    }

    /// <summary>A fresh browser context (its own cookies) whose language is <paramref name="locale"/>, on a desktop or phone-sized screen.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string nodeUrl, string user)
    {
        await page.GotoAsync(nodeUrl + "signin");
        await page.FillAsync("#signin-name", user);
        await page.FillAsync("#signin-password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>Waits until the page's interactive (live) connection is up, so that clicks reach the server.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-interactive]') !== null");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await Nodes.DisposeAsync();
        if (rulesFile is not null) File.Delete(rulesFile);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserNodes>
{
    public const string Name = "browser";
}
