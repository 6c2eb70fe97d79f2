using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Gate;
using FriendshipGate.Simulation.LiveTraffic;
using FriendshipGate.Simulation.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Cli;

/// <summary>
/// Trucks through the VN gate so the demo's screens move, as the digital twin's scenario sends them: arrivals by hour of
/// day and loads from the twin's goods mix (<see cref="ScenarioTraffic"/>), in scenario time running <c>speed</c> times as
/// fast as the clock. For each truck the trader lodges an export with the documents its protocol product needs and
/// books the current slot (or walks in when it is full), the truck checks in, is called to a free lane, and the lane's
/// devices read it (now and then a weight out of tolerance). A truck an officer must see waits; after ten scenario
/// minutes (never under 20 s, so a person watching can act first) the demo's own officer ("demo.officer") resolves it
/// (releases it, or pulls a red-lane truck aside to inspection), so the lanes do not stay blocked while nobody is
/// watching. Through the barrier, the truck's container is ordered across the dedicated road on the demo's fleet. Every
/// step goes through the real services.
/// </summary>
internal sealed class DemoGateTraffic(WebApplication node, ScenarioTraffic traffic, DemoFleetTraffic fleet)
{
    private static readonly Actor Trader = new("vn.trader", NodeRoles.Trader, "VN", "0101234567");
    private static readonly Actor Operator = new("demo.gate", NodeRoles.Operator, "VN", null);
    private static readonly Actor Officer = new("demo.officer", NodeRoles.Officer, "VN", null);
    private static readonly PartyInput Exporter = new("0101234567", "Công ty TNHH Trái cây Đắk Lắk", "VN", null);
    private static readonly PartyInput Importer = new("91450100MA5KXXXX1", "广西凭祥果品有限公司", "CN", null);
    private readonly Random random = new();
    private readonly TimeSpan patience = TimeSpan.FromSeconds(Math.Max(20, 600 / traffic.Speed));

    private T Service<T>() where T : notnull => node.Services.GetRequiredService<T>();

    public async Task RunAsync(CancellationToken ct)
    {
        var options = Service<GateOptions>();
        var now = DateTimeOffset.UtcNow;
        var outbound = options.Lanes.Where(l => l.Direction == Direction.Outbound).ToList();
        // Places for the busiest scenario hour's trucks, twice over, spread across the outbound lanes (a quarter kept for perishables).
        var (perDay, peakShare) = traffic.Volume;
        var perSlot = perDay * peakShare * traffic.Speed * options.SlotLength.TotalHours;
        var capacity = Math.Max(12, (int)Math.Ceiling(2 * perSlot / Math.Max(1, outbound.Count)));
        foreach (var lane in outbound)
            await Service<Bookings>().SetCapacityAsync(new CapacityInput(lane.Id, SlotGrid.SlotOf(now, options.SlotLength), now.AddDays(2), capacity, capacity / 4, null), Operator, ct);
        await foreach (var truck in traffic.TrucksAsync(ct))
        {
            try { await StepAsync(options, truck, ct); }
            catch (Refusal refusal) { Console.Error.WriteLine($"demo truck {truck.Number}: {refusal.Message}"); }
        }
    }

    private async Task StepAsync(GateOptions options, ScenarioTruck truck, CancellationToken ct)
    {
        var plate = $"12C-{random.Next(10000, 99999)}";
        var container = ExportDeclarations.Container(random.Next(100000, 999999));
        var seal = $"VN{random.Next(100000, 999999)}";
        var errors = new ValidationErrors();
        var input = ExportDeclarations.For(truck.Load, Exporter, Importer, plate, [container], seal, $"DEMO-{DateTimeOffset.UtcNow:yyMMddHHmm}-{truck.Number:D5}",
            Service<ProtocolProductCatalog>(), Service<GoodsCrosswalk>());
        var content = await Service<DeclarationService>().ValidateAsync(input, errors, ct);
        if (content is null)
        {
            Console.Error.WriteLine($"demo truck {truck.Number}: declaration refused: {errors}");
            return;
        }
        var declaration = await Service<DeclarationService>().SubmitAsync(content, Trader, ct);
        // The current slot while a truck can still keep it, else the next one; a full slot: the truck joins the live queue.
        var now = DateTimeOffset.UtcNow;
        var slot = SlotGrid.SlotOf(now, options.SlotLength);
        if (slot + options.NoShowGrace <= now) slot += options.SlotLength;
        try { await Service<Bookings>().BookAsync(new BookingInput(declaration.Number, slot, null, plate, null, null), Trader, ct); }
        catch (Refusal) { }
        await Service<YardQueue>().CheckInAsync(new CheckInInput(plate, null, null), Operator, ct);
        foreach (var lane in options.Lanes.Where(l => l.Direction == Direction.Outbound))
        {
            try
            {
                if (await Service<YardQueue>().CallNextAsync(lane.Id, Operator, ct) is { } called) await ReadAsync(called, lane.Id, ct);
            }
            catch (Refusal) { await ResolveStuckAsync(lane.Id, ct); }
        }
    }

    /// <summary>The lane's devices read the called truck; one in eight weighs 1.5 t more than declared.</summary>
    private async Task ReadAsync(Visit visit, string lane, CancellationToken ct)
    {
        var declaration = (await node.Services.GetRequiredService<FriendshipGate.Storage.NodeDatabase>()
            .ReadAsync(c => DeclarationTimeline.LoadAsync(c, null, visit.Declaration), ct))!;
        var transport = declaration.Content.Transport;
        var weight = 15_000m + declaration.Content.GrossKg + (random.Next(8) == 0 ? 1_500m : random.Next(-200, 200));
        DeviceEventInput Reading(string kind) => new($"demo-{visit.Id}-{kind}", $"{lane}-{kind}", kind, DateTimeOffset.UtcNow, lane,
            visit.Plate, 0.97, kind == DeviceEventKind.Weight ? weight : null, kind == DeviceEventKind.Weight ? 15_000m : null,
            transport.Seals.FirstOrDefault(), transport.Containers.FirstOrDefault(), "clear", "opened");
        DeviceEventResult? last = null;
        foreach (var kind in new[] { DeviceEventKind.PlateRead, DeviceEventKind.Weight, DeviceEventKind.SealRead, DeviceEventKind.ContainerRead, DeviceEventKind.Scan })
            last = await Service<DeviceEvents>().RecordAsync(Reading(kind), ct);
        if (last?.Barrier == "open")
        {
            await Service<DeviceEvents>().RecordAsync(Reading(DeviceEventKind.Barrier), ct);
            await CrossAsync(transport.Containers, ct);
        }
    }

    /// <summary>Through the barrier: the truck's containers go across the dedicated road on the demo's fleet.</summary>
    private async Task CrossAsync(IEnumerable<string> containers, CancellationToken ct)
    {
        foreach (var container in containers) await fleet.CarryAsync(container, ct);
    }

    /// <summary>A truck waiting for an officer longer than a minute: the demo's officer accepts it and the barrier opens.</summary>
    private async Task ResolveStuckAsync(string lane, CancellationToken ct)
    {
        var database = Service<FriendshipGate.Storage.NodeDatabase>();
        var visit = await Service<YardQueue>().AtLaneAsync(lane, ct);
        if (visit is null || visit.CalledAt is not { } called || DateTimeOffset.UtcNow - called < patience) return;
        var declaration = await database.ReadAsync(c => DeclarationTimeline.LoadAsync(c, null, visit.Declaration), ct);
        if (declaration is not null && !ClearanceState.IsReleased(declaration.State))
        {
            try { await Service<ClearanceDecisions>().DecideAsync(visit.Declaration, OfficerAction.Release, "demo: released by the demo's officer", Officer, ct); }
            catch (Refusal)
            {
                // A red lane needs its joint inspection first: the truck goes to the inspection area and frees the lane.
                await Service<YardQueue>().PullAsideAsync(visit.Id, "demo: red lane, to joint inspection", Officer, ct);
                return;
            }
        }
        var decision = await Service<GateAlerts>().DecideAsync(visit.Id, new OfficerGateInput(AlertResolution.Override, "demo: accepted by the demo's officer"), Officer, ct);
        if (decision?.Decision is GateDecisionKind.AutoReleased or GateDecisionKind.BarrierOpened)
        {
            await Service<DeviceEvents>().RecordAsync(new DeviceEventInput($"demo-{visit.Id}-barrier", $"{lane}-barrier", DeviceEventKind.Barrier,
                DateTimeOffset.UtcNow, lane, null, null, null, null, null, null, null, "opened"), ct);
            if (declaration is not null) await CrossAsync(declaration.Content.Transport.Containers, ct);
        }
    }
}
