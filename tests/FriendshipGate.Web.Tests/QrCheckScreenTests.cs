using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// The QR check (/payments/qr): a payload pasted or scanned is read at once with the API's decoder, its CRC, validity, tree
/// and every violation shown in the reader's language; a valid one is drawn as a PNG. Traders, officers and operators open it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QrCheckScreenTests(BrowserNodes nodes)
{
    // A dynamic VietQR transfer of 150,000 VND to 0011001234567 at BIN 970436 (the CRC computed outside this code).
    private const string VietQrTransfer =
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA530370454061500005802VN62230819PHI CAN XE 29C1234563047EB4";

    // VietQR broken in five places with a correct CRC: a letter in the BIN, marks in the root name, USD, China, a service code NAPAS has not.
    private const string BadVietQr =
        "00020101021238540010A0000007270127000697043X011300110012345670205QRPAY52044789530384054061500005802CN5908CỬA KHẨU6008LANG SON"
        + "62250107HD-00010810PHI CAN XE6304F42C";

    [Fact]
    public async Task ATrader_ScansABadVietQrCode_ReadsEachViolationInVietnamese_ThenDrawsAValidOne()
    {
        var page = await OpenAsync("vi-VN", "vn.trader");
        await Assertions.Expect(page.Locator("nav a[href='payments/qr']")).ToHaveTextAsync("Kiểm tra mã QR");
        // The VN node starts on its own scheme.
        await Assertions.Expect(page.Locator("input[data-profile='vietqr']")).ToBeCheckedAsync();

        // As a hand scanner types it: the text, then Enter.
        await page.FillAsync("#qr-payload", BadVietQr + "\n");
        await Assertions.Expect(page.GetByTestId("qr-crc")).ToHaveTextAsync("Mã kiểm tra (CRC): khớp");
        await Assertions.Expect(page.GetByTestId("qr-valid")).ToHaveTextAsync("Không hợp lệ theo bộ quy tắc VietQR (NAPAS): 5 vi phạm.");
        var violations = page.GetByTestId("qr-violations").Locator("tbody tr");
        await Assertions.Expect(violations).ToHaveCountAsync(5);
        var currency = page.Locator("[data-testid='qr-violations'] tr[data-tag='53']");
        await Assertions.Expect(currency).ToHaveAttributeAsync("data-rule", "value");
        await Assertions.Expect(currency.Locator("td").First).ToHaveTextAsync("Giá trị value");
        await Assertions.Expect(currency.GetByTestId("qr-message")).ToHaveTextAsync("Mã tiền tệ giao dịch (53) là “840”; VietQR dùng đồng Việt Nam, 704.");
        await Assertions.Expect(page.Locator("[data-testid='qr-violations'] tr[data-tag='38.02'] [data-testid='qr-message']"))
            .ToHaveTextAsync("Mã dịch vụ (38.02) là “QRPAY”; phải là một trong các mã QRIBFTTA, QRIBFTTC, QRPUSH, QRCASH.");
        // The tree: the bank BIN two templates deep (38 → 38.01 → 38.01.00), named in Vietnamese.
        var bin = page.Locator("[data-testid='qr-fields'] tr[data-tag='38.01.00']");
        await Assertions.Expect(bin).ToHaveAttributeAsync("data-depth", "2");
        await Assertions.Expect(bin.Locator("td").First).ToHaveTextAsync("Mã định danh ngân hàng (BIN)");
        await Assertions.Expect(bin.GetByTestId("qr-value")).ToHaveTextAsync("97043X");
        // One template deep is indented too (a width written "1,5rem" in Vietnamese would be dropped by the browser).
        Assert.True(await page.Locator("[data-testid='qr-fields'] tr[data-tag='38.00'] th code").EvaluateAsync<double>(
            "code => parseFloat(getComputedStyle(code).paddingInlineStart)") > 0);
        await Assertions.Expect(page.Locator("[data-action='render-png']")).ToBeDisabledAsync();
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "qr-check-bad-vietqr-vi");

        await page.FillAsync("#qr-payload", VietQrTransfer);
        await Assertions.Expect(page.GetByTestId("qr-valid")).ToHaveTextAsync("Hợp lệ theo bộ quy tắc VietQR (NAPAS).");
        await Assertions.Expect(page.GetByTestId("qr-no-violations")).ToBeVisibleAsync();
        await page.ClickAsync("[data-action='render-png']");
        var image = page.GetByTestId("qr-image").Locator("img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Mã QR của nội dung đã kiểm tra");
        Assert.True(await image.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)") > 200);
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "qr-check-valid-vietqr-vi");

        // The same code under the EMVCo core lacks a merchant category, name and city; the drawing goes, as the code is no longer valid.
        await page.CheckAsync("input[data-profile='emvco']");
        await Assertions.Expect(page.GetByTestId("qr-valid")).ToHaveTextAsync("Không hợp lệ theo bộ quy tắc EMVCo cơ bản: 3 vi phạm.");
        await Assertions.Expect(page.GetByTestId("qr-image")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid='qr-violations'] tr[data-tag='59'] [data-testid='qr-message']"))
            .ToHaveTextAsync("Tên đơn vị chấp nhận thanh toán (59) là bắt buộc theo bộ quy tắc emvco.");
    }

    [Fact]
    public async Task AnOfficer_ReadsTheViolationsInChinese_AndSeesAnAlteredAmountBreakTheCrc()
    {
        var page = await OpenAsync("zh-CN", "vn.officer");
        await page.FillAsync("#qr-payload", BadVietQr);
        await Assertions.Expect(page.Locator("[data-testid='qr-violations'] tr[data-tag='53'] [data-testid='qr-message']"))
            .ToHaveTextAsync("交易币种（53）为“840”；VietQR以越南盾计价，代码704。");
        await Assertions.Expect(page.Locator("[data-testid='qr-violations'] tr[data-tag='38.02'] [data-testid='qr-message']"))
            .ToHaveTextAsync("服务代码（38.02）为“QRPAY”；必须为QRIBFTTA、QRIBFTTC、QRPUSH、QRCASH之一。");
        await Assertions.Expect(page.Locator("[data-testid='qr-fields'] tr[data-tag='38'] td").First).ToHaveTextAsync("商户账户信息模板（NAPAS VietQR）");

        await page.FillAsync("#qr-payload", VietQrTransfer.Replace("150000", "950000", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("qr-crc")).ToHaveTextAsync("校验和（CRC）：不正确");
        await Assertions.Expect(page.GetByTestId("qr-valid")).ToHaveTextAsync("不符合VietQR（NAPAS）规则：1项违规。");
        var crc = page.Locator("[data-testid='qr-violations'] tr[data-tag='63']");
        await Assertions.Expect(crc).ToHaveAttributeAsync("data-rule", "crc");
        await Assertions.Expect(crc.GetByTestId("qr-message")).ToContainTextAsync("二维码数据所带CRC为7EB4");
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "qr-check-crc-zh");

        // The NAPAS specification's own static example writes 12 for a 13-digit account: refused, and the warning says why.
        await page.FillAsync("#qr-payload", "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5");
        await Assertions.Expect(page.GetByTestId("qr-warnings").Locator("tr[data-rule='length-miscounted']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("qr-warnings")).ToContainTextAsync("长度写错");
        await BrowserNodes.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task TheGateOperator_OpensIt_AndNobodySignedOutDoes()
    {
        var page = await OpenAsync("en-GB", "vn.operator");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check a payment QR code");
        await page.FillAsync("#qr-payload", VietQrTransfer);
        await Assertions.Expect(page.GetByTestId("qr-valid")).ToHaveTextAsync("Valid under VietQR (NAPAS).");

        var anonymous = await nodes.NewPageAsync();
        await anonymous.GotoAsync(nodes.VnUrl + "payments/qr");
        await anonymous.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await Assertions.Expect(anonymous.Locator("#qr-payload")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenAsync(string locale, string user)
    {
        var page = await nodes.NewPageAsync(locale);
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, user);
        await page.GotoAsync(nodes.VnUrl + "payments/qr");
        await BrowserNodes.WaitInteractiveAsync(page);
        return page;
    }
}
