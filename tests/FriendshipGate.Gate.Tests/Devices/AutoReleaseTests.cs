using FriendshipGate.Clearance;

namespace FriendshipGate.Gate.Tests;

public sealed class AutoReleaseTests
{
    private const string Plate = "12C-12345", Seal = "VN123456", Container = "CSQU3054383";
    private int events;

    /// <summary>A lodged green durian export whose truck was booked, checked in and called to lane A1.</summary>
    private static async Task<(StoredDeclaration Declaration, Visit Visit)> TruckAtLaneAsync(GateNode node)
    {
        await node.OpenAsync();
        var declaration = await node.LodgeAsync(plate: Plate, seal: Seal);
        await node.Bookings.BookAsync(new BookingInput(declaration.Number, node.Slot(0), "A1", null, null, null), GateNode.TraderOf());
        await node.Queue.CheckInAsync(new CheckInInput(Plate, null, null), GateNode.Operator);
        return (declaration, (await node.Queue.CallNextAsync("A1", GateNode.Operator))!);
    }

    private DeviceEventInput Reading(GateNode node, string kind, string? plate = null, double? confidence = null, decimal? weight = null, string? seal = null,
        string? container = null, string? result = null, string? action = null) =>
        new($"dev-{Interlocked.Increment(ref events)}", "lane-A1-" + kind, kind, node.Time.GetUtcNow(), "A1", plate, confidence, weight, weight is null ? null : 14_000m,
            seal, container, result, action);

    /// <summary>The readings of a truck that matches its declaration: plate, weight (19,500 kg of goods on a 14 t truck), seal, container, scan.</summary>
    private IEnumerable<DeviceEventInput> CleanReadings(GateNode node) =>
    [
        Reading(node, DeviceEventKind.PlateRead, plate: Plate, confidence: 0.98),
        Reading(node, DeviceEventKind.Weight, weight: 14_000m + 19_650m),
        Reading(node, DeviceEventKind.SealRead, seal: Seal, confidence: 0.99),
        Reading(node, DeviceEventKind.ContainerRead, container: Container, confidence: 0.97),
        Reading(node, DeviceEventKind.Scan, result: "clear"),
    ];

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task GreenConsignment_AllChecksPass_IsReleasedAndTheBarrierOpened_WithNoPerson(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        var (declaration, visit) = await TruckAtLaneAsync(node);
        var results = new List<DeviceEventResult>();
        foreach (var reading in CleanReadings(node)) results.Add(await node.Devices.RecordAsync(reading));

        Assert.All(results, r => Assert.Equal((DeviceOutcome.Ok, visit.Id, declaration.Number), (r.Outcome, r.VisitId, r.Declaration)));
        Assert.All(results.SkipLast(1), r => Assert.Null(r.Barrier));
        var last = results[^1];
        Assert.Equal("open", last.Barrier);
        Assert.Equal((GateDecisionKind.AutoReleased, "system"), (last.Decision!.Decision, last.Decision.Actor));
        Assert.Contains(last.Decision.Reasons, r => r.Contains("seal VN123456 as declared"));
        Assert.Contains(last.Decision.Reasons, r => r.Contains("19,650 kg weighed, 19,500 kg declared"));
        Assert.Equal(VisitState.Released, (await node.Queue.GetAsync(visit.Id))!.State);
        Assert.Equal(ClearanceState.ReleasedForExport, (await node.DeclarationAsync(declaration.Number))!.State);
        Assert.Equal(1, await node.CountAsync("SELECT COUNT(*) FROM gate_decisions WHERE visit_id = @id AND decision = 'auto-released' AND actor = 'system'", new { id = visit.Id }));

        var plateAgain = await node.Devices.RecordAsync(CleanReadings(node).First() with { EventId = "dev-1" });
        Assert.Equal((true, (string?)null, (GateDecision?)null), (plateAgain.Duplicate, plateAgain.Barrier, plateAgain.Decision));
        var scanAgain = await node.Devices.RecordAsync(CleanReadings(node).Last() with { EventId = "dev-5" });
        Assert.Equal(last with { Duplicate = true, Decision = null }, scanAgain with { Decision = null });
        Assert.Equal((last.Decision.DecidedAt, GateDecisionKind.AutoReleased), (scanAgain.Decision!.DecidedAt, scanAgain.Decision.Decision));

        var opened = Reading(node, DeviceEventKind.Barrier, action: "opened");
        await node.Devices.RecordAsync(opened);
        Assert.Equal(VisitState.Passed, (await node.Queue.GetAsync(visit.Id))!.State);
        // A barrier controller that sends "opened" again is not told to open it again.
        Assert.Null((await node.Devices.RecordAsync(opened)).Barrier);
        Assert.Equal(1, await node.CountAsync("SELECT COUNT(*) FROM gate_bookings WHERE state = 'completed'"));
    }

    public static TheoryData<string, string> Mismatches => new()
    {
        { "weight", AlertKind.Weight },
        { "seal", AlertKind.SealMismatch },
        { "container", AlertKind.ContainerMismatch },
        { "check-digit", AlertKind.ContainerCheckDigit },
        { "plate", AlertKind.PlateMismatch },
        { "low-confidence", AlertKind.LowConfidence },
        { "scan", AlertKind.ScanSuspect },
    };

    [Theory, MemberData(nameof(Mismatches))]
    public async Task AnyMismatch_RaisesAnAlert_AndStopsAutomaticRelease_UntilAnOfficerOverridesIt(string wrong, string alertKind)
    {
        await using var node = await GateNode.StartAsync("sqlite");
        var (declaration, visit) = await TruckAtLaneAsync(node);
        var readings = CleanReadings(node).Select(r => (wrong, r.Kind) switch
        {
            ("weight", DeviceEventKind.Weight) => r with { WeightKg = 14_000m + 21_000m },   // 1.5 t over: beyond max(5 %, 1 t)
            ("seal", DeviceEventKind.SealRead) => r with { Seal = "VN999999" },
            ("container", DeviceEventKind.ContainerRead) => r with { Container = "MSCU1234566" },
            ("check-digit", DeviceEventKind.ContainerRead) => r with { Container = "CSQU3054384" },
            ("plate", DeviceEventKind.PlateRead) => r with { Plate = "29H-55555" },
            ("low-confidence", DeviceEventKind.PlateRead) => r with { Confidence = 0.62 },
            ("scan", DeviceEventKind.Scan) => r with { Result = "suspect" },
            _ => r,
        }).ToList();
        var results = new List<DeviceEventResult>();
        foreach (var reading in readings) results.Add(await node.Devices.RecordAsync(reading));

        Assert.Single(results, r => r.Outcome == DeviceOutcome.Mismatch);
        Assert.All(results, r => Assert.Null(r.Barrier));
        Assert.Single(results, r => r.Decision?.Decision == GateDecisionKind.NeedsOfficer);
        var alert = Assert.Single(await node.Alerts.ListAsync("open", visit.Id));
        Assert.Equal(alertKind, alert.Kind);
        Assert.Equal(VisitState.Called, (await node.Queue.GetAsync(visit.Id))!.State);

        await Assert.ThrowsAsync<Refusal>(() => node.Alerts.ResolveAsync(alert.Id, new OfficerGateInput(AlertResolution.Override, "looked"), GateNode.Operator));
        var decision = await node.Alerts.ResolveAsync(alert.Id, new OfficerGateInput(AlertResolution.Override, "checked the truck in person"), GateNode.Officer);
        Assert.Equal(GateDecisionKind.AutoReleased, decision!.Decision);
        Assert.Contains(decision.Reasons, r => r.Contains("accepted by an officer"));
        Assert.Equal(VisitState.Released, (await node.Queue.GetAsync(visit.Id))!.State);
        Assert.Equal(declaration.Number, decision.Declaration);
    }

    [Fact]
    public async Task PlateAtAnEmptyLane_MatchesNoBooking_AndRaisesAnAlert()
    {
        await using var node = await GateNode.StartAsync("sqlite");
        var result = await node.Devices.RecordAsync(Reading(node, DeviceEventKind.PlateRead, plate: "29H-55555", confidence: 0.99));
        Assert.Equal((DeviceOutcome.Mismatch, (string?)null), (result.Outcome, result.VisitId));
        Assert.Equal(AlertKind.UnknownPlate, Assert.Single(await node.Alerts.ListAsync("open", null)).Kind);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public async Task SameDeviceEventTwice_IsRecordedOnce_AndAReusedIdWithAnotherReadingIsRefused(string backend)
    {
        await using var node = await GateNode.StartAsync(backend);
        var (_, visit) = await TruckAtLaneAsync(node);
        var reading = Reading(node, DeviceEventKind.Weight, weight: 50_000m);
        var first = await node.Devices.RecordAsync(reading);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => node.Devices.RecordAsync(reading)));

        Assert.False(first.Duplicate);
        Assert.All(again, r => Assert.Equal((true, DeviceOutcome.Mismatch, visit.Id), (r.Duplicate, r.Outcome, r.VisitId)));
        Assert.Equal(1, await node.CountAsync("SELECT COUNT(*) FROM gate_device_events"));
        Assert.Single(await node.Alerts.ListAsync("open", visit.Id));
        var reused = await Assert.ThrowsAsync<Refusal>(() => node.Devices.RecordAsync(reading with { WeightKg = 33_000m }));
        Assert.Equal("eventId", reused.Field);
    }

    [Fact]
    public async Task YellowLane_AllChecksPass_WaitsForAnOfficer_AndTheBarrierOpensOnceTheOfficerReleased()
    {
        await using var node = await GateNode.StartAsync("sqlite", durianLane: "yellow");
        var (declaration, visit) = await TruckAtLaneAsync(node);
        DeviceEventResult last = null!;
        foreach (var reading in CleanReadings(node)) last = await node.Devices.RecordAsync(reading);

        Assert.Null(last.Barrier);
        Assert.Equal(GateDecisionKind.NeedsOfficer, last.Decision!.Decision);
        Assert.Contains("an officer decides", last.Decision.Reasons[0]);
        Assert.Equal(ClearanceState.UnderControl, (await node.DeclarationAsync(declaration.Number))!.State);

        await node.Decisions.DecideAsync(declaration.Number, OfficerAction.Release, "documents checked", GateNode.Officer);
        var opened = await node.Alerts.DecideAsync(visit.Id, new OfficerGateInput(AlertResolution.Override, "released in clearance"), GateNode.Officer);
        Assert.Equal(GateDecisionKind.BarrierOpened, opened!.Decision);
    }

    [Fact]
    public async Task OfficerHold_StopsAutomaticRelease_AndReleasingTheHoldLetsItGo()
    {
        await using var node = await GateNode.StartAsync("sqlite");
        var (declaration, visit) = await TruckAtLaneAsync(node);
        var held = await node.Alerts.DecideAsync(visit.Id, new OfficerGateInput(AlertResolution.Hold, "tip-off"), GateNode.Officer);
        Assert.Equal(GateDecisionKind.Held, held!.Decision);
        DeviceEventResult last = null!;
        foreach (var reading in CleanReadings(node)) last = await node.Devices.RecordAsync(reading);
        Assert.Null(last.Barrier);
        Assert.Equal(VisitState.Called, (await node.Queue.GetAsync(visit.Id))!.State);

        var released = await node.Alerts.DecideAsync(visit.Id, new OfficerGateInput(AlertResolution.Override, "tip-off checked"), GateNode.Officer);
        Assert.Equal(GateDecisionKind.AutoReleased, released!.Decision);
        Assert.Equal(VisitState.Released, (await node.Queue.GetAsync(visit.Id))!.State);
        Assert.Equal(declaration.Number, released.Declaration);
    }

    [Fact]
    public async Task RedLaneTruck_PulledAsideByAnOfficer_FreesTheLaneForTheNextTruck()
    {
        await using var node = await GateNode.StartAsync("sqlite", durianLane: "red");
        var (_, visit) = await TruckAtLaneAsync(node);
        var next = await node.LodgeAsync(plate: "12C-22222", perishable: false);
        await node.Queue.CheckInAsync(new CheckInInput("12C-22222", next.Number, null), GateNode.Operator);
        await Assert.ThrowsAsync<Refusal>(() => node.Queue.CallNextAsync("A1", GateNode.Operator));
        await Assert.ThrowsAsync<Refusal>(() => node.Queue.PullAsideAsync(visit.Id, "inspection", GateNode.Operator));

        var aside = await node.Queue.PullAsideAsync(visit.Id, "red lane: joint inspection", GateNode.Officer);

        Assert.Equal(VisitState.Aside, aside.State);
        Assert.Equal("12C22222", (await node.Queue.CallNextAsync("A1", GateNode.Operator))!.Plate);
    }
}
