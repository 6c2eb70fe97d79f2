using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FriendshipGate.Web.Tests;

/// <summary>
/// The gate's screens against a real node: a trader books a truck slot, the driver's phone shows the call to the lane as it
/// happens, the command center follows trucks into the waiting area and the lanes, and an officer decides on a device alert.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GateScreensTests(BrowserNodes nodes)
{
    [Fact]
    public async Task ATrader_BooksASlotInTheBrowser_SeesTheBooking_RebooksAndCancelsIt()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-61001", "VN-PC-2026-000611");
        var slot = GateSteps.NextSlot.ToUnixTimeMilliseconds();

        var page = await nodes.NewPageAsync("vi-VN");
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.trader");
        await page.GotoAsync(nodes.VnUrl + "trader");
        await BrowserNodes.WaitInteractiveAsync(page);
        // The portal offers the new declaration a slot.
        await Assertions.Expect(page.Locator($"a[data-book='{number}']")).ToHaveAttributeAsync("href", $"trader/declarations/{number}/booking");

        await page.GotoAsync(nodes.VnUrl + $"trader/declarations/{number}/booking");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.SelectOptionAsync("#booking-slot", $"A1@{slot}");
        await page.FillAsync("#booking-phone", "abc");
        await page.ClickAsync("[data-action='book']");
        await Assertions.Expect(page.Locator("#booking-phone-error")).ToHaveTextAsync("Số điện thoại chỉ gồm chữ số, dấu cách và dấu + ở đầu (6 đến 20 ký tự).");
        await Assertions.Expect(page.GetByTestId("booking-facts")).ToHaveCountAsync(0);

        await page.FillAsync("#booking-phone", "+84 912 345 678");
        await page.ClickAsync("[data-action='book']");
        await Assertions.Expect(page.GetByTestId("booking-message")).ToHaveTextAsync("Đã đặt lịch.");
        await Assertions.Expect(page.GetByTestId("booking-state")).ToHaveTextAsync("Đã đặt lịch");
        await Assertions.Expect(page.GetByTestId("booking-lane")).ToHaveTextAsync("A1");
        await Assertions.Expect(page.GetByTestId("booking-position")).ToHaveTextAsync("Chưa vào bãi chờ");
        await Assertions.Expect(page.GetByTestId("driver-link")).ToHaveAttributeAsync("href", new Regex($"/driver/BK-[0-9A-F]+/[0-9a-f]{{16}}$"));
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "gate-booking-vi");

        // The same time on the other outbound lane: the booking moves, in one step.
        await page.SelectOptionAsync("#booking-slot", $"A2@{slot}");
        await page.ClickAsync("[data-action='rebook']");
        await Assertions.Expect(page.GetByTestId("booking-message")).ToHaveTextAsync("Đã đổi lịch.");
        await Assertions.Expect(page.GetByTestId("booking-lane")).ToHaveTextAsync("A2");

        // The portal lists it with its state.
        await page.GotoAsync(nodes.VnUrl + "trader");
        await BrowserNodes.WaitInteractiveAsync(page);
        var row = page.Locator($"[data-testid='bookings'] tr[data-declaration='{number}']");
        await Assertions.Expect(row.GetByTestId("booking-state")).ToHaveTextAsync("Đã đặt lịch");
        await Assertions.Expect(page.Locator($"a[data-book='{number}']")).ToHaveCountAsync(0);
        await BrowserNodes.AssertAccessibleAsync(page);
        await BrowserNodes.ScreenshotAsync(page, "gate-trader-portal-vi");

        await page.GotoAsync(nodes.VnUrl + $"trader/declarations/{number}/booking");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.ClickAsync("[data-action='cancel-booking']");
        await Assertions.Expect(page.GetByTestId("booking-state")).ToHaveTextAsync("Đã hủy");
        // Cancelled, the declaration can be booked again.
        await Assertions.Expect(page.Locator("[data-action='book']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheDriversPhone_ShowsTheBooking_AndTheCallToTheLane_WithoutAReload()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-62002", "VN-PC-2026-000622");
        var booking = await gate.BookAsync(number);
        var link = $"driver/{booking.GetProperty("id").GetString()}/{booking.GetProperty("driverCode").GetString()}";

        var phone = await nodes.NewPageAsync("vi-VN", phone: true);
        await phone.GotoAsync(nodes.VnUrl + link);
        await BrowserNodes.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("driver-plate")).ToHaveTextAsync("12C62002");
        await Assertions.Expect(phone.GetByTestId("driver-declaration")).ToHaveTextAsync(number);
        await Assertions.Expect(phone.GetByTestId("driver-state")).ToHaveTextAsync("Đã đặt lịch");
        await Assertions.Expect(phone.GetByTestId("driver-zone")).ToContainTextAsync("Giờ theo múi giờ của cổng: UTC");
        await Assertions.Expect(phone.GetByTestId("call-forward")).ToHaveCountAsync(0);
        await phone.EvaluateAsync("() => window.stillTheSamePage = true");

        string? visitId = null;
        try
        {
            await gate.CheckInAsync("12C-62002");
            await Assertions.Expect(phone.GetByTestId("driver-state")).ToHaveTextAsync("Đang chờ trong bãi");
            await Assertions.Expect(phone.GetByTestId("driver-position")).ToHaveTextAsync("1");
            visitId = await gate.CallAsync("A1", "12C-62002");

            var notice = phone.GetByTestId("call-forward");
            await Assertions.Expect(notice).ToHaveTextAsync("Mời xe vào làn A1 ngay");
            // Announced: the notice is inside an assertive live region that was on the page before the call.
            await Assertions.Expect(phone.Locator("[role='alert'][aria-live='assertive']")).ToContainTextAsync("Mời xe vào làn A1 ngay");
            Assert.True(await phone.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
            await BrowserNodes.AssertAccessibleAsync(phone);
            await BrowserNodes.ScreenshotAsync(phone, "gate-driver-called-vi");

            await phone.ClickAsync("a[data-language='zh']");
            await Assertions.Expect(phone.GetByTestId("call-forward")).ToHaveTextAsync("请立即前往A1车道");
            await BrowserNodes.ScreenshotAsync(phone, "gate-driver-called-zh");
        }
        finally
        {
            if (visitId is not null) await gate.PullAsideAsync(visitId);
        }

        // A wrong code is answered as if there were no such booking.
        await phone.GotoAsync(nodes.VnUrl + link[..^1] + (link[^1] == '0' ? '1' : '0'));
        await Assertions.Expect(phone.GetByTestId("driver-not-found")).ToBeVisibleAsync();
        Assert.DoesNotContain("12C62002", await phone.ContentAsync());
        Assert.DoesNotContain(number, await phone.ContentAsync());
    }

    [Fact]
    public async Task TheCommandCentersGatePanel_FollowsATruckIntoTheWaitingArea_AndToALane_WithoutAReload()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-63003", "VN-PC-2026-000633");
        await gate.BookAsync(number);

        var page = await nodes.NewPageAsync();
        await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.officer");
        await page.GotoAsync(nodes.VnUrl + "command-center");
        await BrowserNodes.WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => window.stillTheSamePage = true");
        var outbound = page.Locator("[data-testid='gate-waiting'] tr[data-direction='outbound']");
        var waiting = int.Parse(await outbound.GetByTestId("waiting-total").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var lane = page.Locator("[data-testid='gate-lanes'] tr[data-lane='A2']");
        await Assertions.Expect(lane.GetByTestId("lane-state")).ToHaveTextAsync("Free");

        string? visitId = null;
        try
        {
            await gate.CheckInAsync("12C-63003");
            await Assertions.Expect(outbound.GetByTestId("waiting-total")).ToHaveTextAsync((waiting + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(outbound.Locator("[data-queue='priority']")).Not.ToHaveTextAsync("0");
            await Assertions.Expect(page.Locator("[data-testid='road-map'] rect.truck.waiting[data-plate='12C63003']")).ToHaveCountAsync(1);

            visitId = await gate.CallAsync("A2", "12C-63003");
            await Assertions.Expect(lane.GetByTestId("lane-plate")).ToHaveTextAsync("12C63003");
            await Assertions.Expect(lane.GetByTestId("lane-state")).ToHaveTextAsync("Called to the lane");
            await Assertions.Expect(lane.GetByTestId("lane-barrier")).ToHaveTextAsync("Closed");
            await Assertions.Expect(page.Locator("[data-testid='road-map'] rect.truck.called[data-lane='A2'][data-plate='12C63003']")).ToHaveCountAsync(1);
            await Assertions.Expect(outbound.GetByTestId("waiting-total")).ToHaveTextAsync(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
            await BrowserNodes.AssertAccessibleAsync(page);
            await BrowserNodes.ScreenshotAsync(page, "gate-command-center");
        }
        finally
        {
            if (visitId is not null) await gate.PullAsideAsync(visitId);
        }
        await Assertions.Expect(lane.GetByTestId("lane-state")).ToHaveTextAsync("Free");
    }

    [Fact]
    public async Task AnOfficer_OverridesADeviceAlert_InTheWorkspace_WithAReason()
    {
        using var gate = new GateSteps(nodes);
        await gate.OpenOutboundLanesAsync();
        var number = await gate.LodgeAsync("12C-64004", "VN-PC-2026-000644");
        await gate.BookAsync(number);
        await gate.CheckInAsync("12C-64004");
        var visitId = await gate.CallAsync("A1", "12C-64004");
        try
        {
            var reading = await gate.OverweightAsync("A1", $"weight-{visitId}");
            Assert.Equal("mismatch", reading.GetProperty("outcome").GetString());

            var page = await nodes.NewPageAsync("zh-CN");
            await BrowserNodes.SignInAsync(page, nodes.VnUrl, "vn.officer");
            await page.GotoAsync(nodes.VnUrl + "officer");
            await BrowserNodes.WaitInteractiveAsync(page);
            var row = page.Locator("[data-testid='officer-alerts'] tr[data-kind='weight-out-of-tolerance']").Filter(new() { HasText = "12C64004" });
            await Assertions.Expect(row).ToContainTextAsync("重量超出容差");
            await Assertions.Expect(row).ToContainTextAsync("A1");
            await Assertions.Expect(row).ToContainTextAsync("21,000 kg weighed, 19,500 kg declared");
            await BrowserNodes.AssertAccessibleAsync(page);
            await BrowserNodes.ScreenshotAsync(page, "gate-officer-alert-zh");

            // No reason, no decision.
            await row.Locator("[data-action='override']").ClickAsync();
            await Assertions.Expect(row.Locator(".field-error")).ToHaveTextAsync("请填写理由。");

            await row.GetByTestId("alert-reason").FillAsync("人工复核过磅单，货物重量无误");
            await row.Locator("[data-action='override']").ClickAsync();
            await Assertions.Expect(page.GetByTestId("alert-resolved")).ToContainTextAsync("已接受");
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await BrowserNodes.ScreenshotAsync(page, "gate-officer-overridden-zh");

            var alert = (await gate.VisitAsync(visitId)).GetProperty("alerts").EnumerateArray().Single();
            Assert.Equal(("resolved", "override", "vn.officer"),
                (alert.GetProperty("state").GetString(), alert.GetProperty("resolution").GetString(), alert.GetProperty("resolvedBy").GetString()));
        }
        finally
        {
            await gate.PullAsideAsync(visitId);
        }
    }
}
