using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FriendshipGate.Testing;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// The trader portal's screens against two real nodes: a declaration with several goods items, the import declaration made
/// from the other side's advance data, amending and cancelling, and what a trader of another company cannot do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TraderPortalTests(BrowserNodes nodes)
{
    private static readonly (string Field, string Value)[] DurianExport = PortalDeclarations.DurianExport("12C-71001", "VN710001", "VN-PC-2026-000711", "E26VN0711");

    [Fact]
    public async Task ATrader_DeclaresTwoGoodsItems_SeesTheSecondItemsMessagesAsTheyType_AndLodges()
    {
        var page = await nodes.NewPageAsync("vi-VN");
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.trader");
        await page.GotoAsync(nodes.VnUrl + "trader/declarations/new");
        await BrowserNodes.WaitInteractiveAsync(page);
        foreach (var (field, value) in DurianExport)
            await page.Locator($"[data-field='{field}']").FillAsync(value);

        // A second item: the new item's first field takes the focus, and its messages land under its own fields.
        await page.ClickAsync("[data-add='items']");
        await Assertions.Expect(page.Locator("[data-field='items[1].description.vi']")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-item='1'] legend")).ToHaveTextAsync("Dòng hàng 2");
        await Assertions.Expect(page.Locator("[data-field='items[1].unit']")).ToHaveValueAsync("KGM");
        await page.Keyboard.TypeAsync("Bộ vi xử lý");
        await page.Locator("[data-field='items[1].description.zh']").FillAsync("微处理器");
        await page.Locator("[data-field='items[1].commodityCode']").FillAsync("8542310");
        await Assertions.Expect(page.Locator("[data-error-for='items[1].commodityCode']")).ToContainTextAsync("8 chữ số");
        await page.Locator("[data-field='items[1].commodityCode']").FillAsync("85423100");
        await Assertions.Expect(page.Locator("[data-error-for='items[1].commodityCode']")).ToHaveCountAsync(0);
        await page.Locator("[data-field='items[1].quantity']").FillAsync("5.000");
        await page.Locator("[data-field='items[1].unit']").FillAsync("C62");
        await page.Locator("[data-field='items[1].netKg']").FillAsync("50");
        await page.Locator("[data-field='items[1].grossKg']").FillAsync("40");
        await Assertions.Expect(page.Locator("[data-error-for='items[1].grossKg']")).ToHaveTextAsync("40 kg nhỏ hơn trọng lượng tịnh 50 kg.");
        await Assertions.Expect(page.Locator("[data-error-for='items[0].grossKg']")).ToHaveCountAsync(0);
        await page.Locator("[data-field='items[1].grossKg']").FillAsync("80");
        await Assertions.Expect(page.Locator("[data-error-for='items[1].grossKg']")).ToHaveCountAsync(0);
        await page.Locator("[data-field='items[1].value']").FillAsync("120.000");

        // A third item added by mistake goes again by keyboard; the keyboard continues from the add button.
        await page.ClickAsync("[data-add='items']");
        await Assertions.Expect(page.Locator("[data-item='2']")).ToHaveCountAsync(1);
        await page.Locator("[data-remove='items[2]']").FocusAsync();
        Assert.Equal("Xóa Dòng hàng 3", await page.GetAttributeAsync("[data-remove='items[2]']", "aria-label"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-item='2']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-add='items']")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-field='items[1].grossKg']")).ToHaveValueAsync("80");

        // A second container, checked on its own.
        await page.ClickAsync("[data-add='transport.containers']");
        await page.Locator("[data-field='transport.containers[1]']").FillAsync("TGHU1234568");
        await Assertions.Expect(page.Locator("[data-error-for='transport.containers[1]']")).ToContainTextAsync("ISO 6346");
        await page.Locator("[data-field='transport.containers[1]']").FillAsync("TGHU1234567");
        await Assertions.Expect(page.Locator("[data-error-for='transport.containers[1]']")).ToHaveCountAsync(0);

        await Assertions.Expect(page.GetByTestId("validation-summary")).ToHaveTextAsync("Tờ khai hợp lệ, có thể gửi.");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-two-items-vi");
        await page.GetByTestId("submit-declaration").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/declarations/\d+$"));
        var items = page.Locator("section[aria-labelledby='items-title'] tbody tr");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("85423100");
        // Typed key by key while the server checked each keystroke, the text arrived whole.
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("Bộ vi xử lý");
        await Assertions.Expect(page.GetByTestId("declaration-facts")).ToContainTextAsync("TGHU1234567");
    }

    [Fact]
    public async Task AnImporter_MakesItsImportDeclarationFromAdvanceData_ChoosingAmongCandidateCodes()
    {
        var export = await LodgeAsync("vn.trader", TwoItemExport("12C-72002", "VN-PC-2026-000722"));

        // The Chinese importer's portal lists the export once it has arrived, live.
        var page = await nodes.NewPageAsync("zh-CN");
        await BrowserNodes.SignInAsync(page, nodes.CnUrl, "cn.trader");
        await page.GotoAsync(nodes.CnUrl + "trader");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.Locator($"a[data-advance='{export}']").ClickAsync(new() { Timeout = 30_000 });
        await WaitLiveAsync(page, "advance-items");

        // Durian has one Chinese code; processors have seven, and the importer must pick one.
        await Assertions.Expect(page.Locator("[data-code-for='0']")).ToHaveTextAsync("0810600000");
        var choice = page.Locator("[data-field='items[1].commodityCode']");
        await Assertions.Expect(choice.Locator("option")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-field='transport.plate']")).ToHaveValueAsync("12C-72002");
        await page.GetByTestId("submit-import").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='items[1].commodityCode']")).ToContainTextAsync("85423100在本方对应多个编码");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-import-from-advance-zh");

        await choice.SelectOptionAsync("8542311999");
        await Assertions.Expect(page.Locator("[data-error-for='items[1].commodityCode']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("validation-summary")).ToHaveTextAsync("报关单校验通过，可以提交。");
        await page.GetByTestId("submit-import").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/declarations/\d+$"));
        var items = page.Locator("section[aria-labelledby='items-title'] tbody tr");
        await Assertions.Expect(items.Nth(0)).ToContainTextAsync("0810600000");
        await Assertions.Expect(items.Nth(1)).ToContainTextAsync("8542311999");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("进口");

        // Once only: the advance data now names its import declaration, and the API refuses a second one.
        var import = page.Url.Split('/')[^1];
        await page.GotoAsync(nodes.CnUrl + $"trader/advance/{export}");
        await Assertions.Expect(page.GetByTestId("already-imported")).ToContainTextAsync(import);
        using var api = nodes.Api("cn.trader");
        using var again = await api.PostAsJsonAsync($"api/v1/clearance/advance-data/{export}/import-declaration",
            new { items = new[] { new { number = 2, commodityCode = "8542311999" } } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ATrader_AmendsADeclaration_ThenCancelsIt()
    {
        var number = await LodgeAsync("vn.trader", SampleClearance.DurianExport(phytosanitaryCertificate: "VN-PC-2026-000733", plate: "12C-73003",
            seal: "VN730003", certificateOfOrigin: "E26VN0733"));
        var page = await nodes.NewPageAsync("vi-VN");
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.trader");
        await page.GotoAsync(nodes.VnUrl + $"declarations/{number}");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.GetByTestId("amend-link").ClickAsync();
        await WaitLiveAsync(page, "submit-amendment");

        // The form holds the current version, numbers written the Vietnamese way; it is checked again as the trader types.
        await Assertions.Expect(page.Locator("[data-field='transport.plate']")).ToHaveValueAsync("12C-73003");
        await Assertions.Expect(page.Locator("[data-field='items[0].netKg']")).ToHaveValueAsync("18.000");
        var gross = page.Locator("[data-field='items[0].grossKg']");
        await gross.FillAsync("17.000");
        await Assertions.Expect(page.Locator("[data-error-for='items[0].grossKg']")).ToHaveTextAsync("17000 kg nhỏ hơn trọng lượng tịnh 18000 kg.");
        await gross.FillAsync("19.800");
        await Assertions.Expect(page.Locator("[data-error-for='items[0].grossKg']")).ToHaveCountAsync(0);
        await page.GetByTestId("submit-amendment").ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='reason']")).ToHaveTextAsync("Hãy ghi lý do sửa đổi.");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-amend-vi");
        await page.Locator("[data-field='reason']").FillAsync("Cân lại tại kho đóng gói");
        await page.GetByTestId("submit-amendment").ClickAsync();

        // The declaration's page shows both versions, the new one with its reason and weight.
        await WaitLiveAsync(page, "versions");
        var second = page.Locator("[data-testid='versions'] tr[data-version='2']");
        await Assertions.Expect(second).ToContainTextAsync("Cân lại tại kho đóng gói");
        await Assertions.Expect(second).ToContainTextAsync("19.800 kg");
        await Assertions.Expect(page.Locator("[data-testid='versions'] tbody tr")).ToHaveCountAsync(2);

        // Cancelling asks first; "keep" changes nothing.
        await page.ClickAsync("[data-action='start-cancel']");
        await Assertions.Expect(page.Locator("#cancel-reason")).ToBeFocusedAsync();
        await page.ClickAsync("[data-action='keep']");
        await Assertions.Expect(page.GetByTestId("cancel-confirm")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-action='start-cancel']");
        await Assertions.Expect(page.GetByTestId("cancel-confirm")).ToContainTextAsync(number);
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-cancel-confirm-vi");
        await page.FillAsync("#cancel-reason", "Người mua hủy đơn hàng");
        await page.ClickAsync("[data-action='confirm-cancel']");
        await Assertions.Expect(page.GetByTestId("declaration-state")).ToHaveTextAsync("Đã hủy");
        await Assertions.Expect(page.GetByTestId("amend-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-action='start-cancel']")).ToHaveCountAsync(0);

        // Cancelled, it cannot be amended: the address says so in the trader's language, and the service refuses it too.
        await page.GotoAsync(nodes.VnUrl + $"trader/declarations/{number}/amend");
        await Assertions.Expect(page.GetByTestId("not-amendable")).ToHaveTextAsync("Tờ khai đang ở trạng thái “Đã hủy”: chỉ có thể sửa đổi trước khi thông quan.");
        using var api = nodes.Api("vn.trader");
        using var cancelAgain = await api.PostAsJsonAsync($"api/v1/clearance/declarations/{number}/cancellation", new { reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, cancelAgain.StatusCode);
    }

    [Fact]
    public async Task ATrader_CannotAmendOrCancelAnotherCompanysDeclaration_EvenByItsAddress()
    {
        var number = await LodgeAsync("vn.trader", SampleClearance.DurianExport(phytosanitaryCertificate: "VN-PC-2026-000744", plate: "12C-74004",
            seal: "VN740004", certificateOfOrigin: "E26VN0744"));
        var page = await nodes.NewPageAsync("en-GB");
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.other");
        await page.GotoAsync(nodes.VnUrl + $"trader/declarations/{number}/amend");
        await BrowserNodes.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("declaration-refused")).ToHaveTextAsync($"declaration {number} belongs to another company.");
        await Assertions.Expect(page.GetByTestId("submit-amendment")).ToHaveCountAsync(0);
        Assert.DoesNotContain("12C-74004", await page.ContentAsync());
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "trader-amend-refused-en");

        // Not just hidden: the service refuses the other company's amendment and cancellation whatever the caller.
        using var api = nodes.Api("vn.other");
        using var cancel = await api.PostAsJsonAsync($"api/v1/clearance/declarations/{number}/cancellation", new { reason = "not mine" });
        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        using var amend = await api.PostAsJsonAsync($"api/v1/clearance/declarations/{number}/amendments?reason=x",
            SampleClearance.DurianExport(exporter: BrowserNodes.OtherVnCompany, phytosanitaryCertificate: "VN-PC-2026-000744", plate: "12C-74004"));
        Assert.Equal(HttpStatusCode.Forbidden, amend.StatusCode);
    }

    /// <summary>
    /// After a link or a lodgement the next page replaces the old one in place (enhanced navigation), so the old page's live
    /// marker can still be there when the address changes: wait for the new page's own element first, then for its connection.
    /// </summary>
    private static async Task WaitLiveAsync(IPage page, string testId)
    {
        await Assertions.Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await BrowserNodes.WaitInteractiveAsync(page);
    }

    private async Task<string> LodgeAsync(string user, object declaration)
    {
        using var api = nodes.Api(user);
        using var lodged = await api.PostAsJsonAsync("api/v1/clearance/declarations", declaration);
        Assert.True(lodged.IsSuccessStatusCode, await lodged.Content.ReadAsStringAsync());
        return (await lodged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    /// <summary>Durian and processors in one truck: the processors' VN code has seven Chinese candidates in the crosswalk.</summary>
    private static object TwoItemExport(string plate, string phytosanitaryCertificate) => new
    {
        type = "export",
        exporter = new { id = BrowserNodes.VnCompany, name = "Công ty TNHH Trái cây Đắk Lắk", country = "VN" },
        importer = new { id = BrowserNodes.CnCompany, name = "广西凭祥果品有限公司", country = "CN" },
        items = new object[]
        {
            new { description = new { vi = "Sầu riêng tươi Ri6", zh = "鲜榴莲", en = "Fresh durian" }, commodityCode = "08106000",
                quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500, value = 54_000, currency = "USD", origin = "VN" },
            new { description = new { vi = "Bộ vi xử lý", zh = "微处理器", en = "Processors" }, commodityCode = "85423100",
                quantity = 5_000, unit = "C62", netKg = 50, grossKg = 80, value = 120_000, currency = "USD", origin = "VN" },
        },
        transport = new { mode = "road", plate, nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { "VN720002" } },
        documents = new
        {
            phytosanitaryCertificate,
            certificateOfOrigin = new { kind = "formE", number = "E26VN0722" },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };
}
