using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Gate;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>A truck's export as the VN node numbered it and the lane its risk assessment chose.</summary>
internal sealed record LodgedExport(string Number, string Lane);

/// <summary>A truck the VN yard called forward to a free gate lane, and whether the lane's devices released it on their own.</summary>
internal sealed record CalledTruck(string Declaration, string VisitId, string Lane, bool AutoReleased);

/// <summary>
/// What people and devices do at one route's gate pair, through the real modules of its two nodes: VN traders lodge
/// exports (risk-assessed and shared with CN by the nodes themselves) and book slots; the VN yard checks trucks in and
/// calls them to its lanes in its own order; the lane's devices read each truck and the Gate releases it, or an officer
/// checks it (a red lane through one joint inspection for both sides) and releases it; the barrier opens and the
/// crossing is recorded. On CN, importers lodge their imports from the advance data the exchange brought, and when the
/// goods arrive they are released (on data, or by an officer) and leave. Everything is recorded by the modules in their
/// own tables; the twin only decides when each step happens.
/// </summary>
internal sealed class GatePairNodes : IAsyncDisposable
{
    private const string InspectionArea = "Huu Nghi joint inspection area";
    private static readonly Actor VnOperator = new("twin.gate", NodeRoles.Operator, "VN", null);
    private static readonly Actor VnOfficer = new("twin.officer", NodeRoles.Officer, "VN", null);
    private static readonly Actor CnOperator = new("twin.gate", NodeRoles.Operator, "CN", null);
    private static readonly Actor CnOfficer = new("twin.officer", NodeRoles.Officer, "CN", null);

    private readonly NodePair pair;
    private readonly HashSet<string> aeoTraders;
    private readonly int laneCount;
    private readonly Queue<string> freeLanes;
    // Exports whose goods reached CN and whose CN steps are not all done (waiting for data the link has not brought yet).
    private readonly List<CnArrival> atCn = [];

    private sealed class CnArrival(string export)
    {
        public string Export { get; } = export;
        public string? Import { get; set; }
        public bool Arrived { get; set; }
    }

    private GatePairNodes(NodePair pair, IReadOnlyList<string> lanes, HashSet<string> aeoTraders)
    {
        this.pair = pair;
        this.aeoTraders = aeoTraders;
        laneCount = lanes.Count;
        freeLanes = new Queue<string>(lanes);
    }

    public NodePair Pair => pair;

    /// <summary>Consignments at CN whose steps wait for data the exchange has not brought yet.</summary>
    public int WaitingAtCn => atCn.Count;

    /// <summary>
    /// Starts the pair with one VN gate lane per service point, opens <paramref name="perSlot"/> booking places per lane in
    /// every slot from <paramref name="from"/> to <paramref name="to"/>, gives VN the traders' past declarations (their
    /// <paramref name="history"/>), and has VN customs grant the AEO traders their status (which the exchange brings to CN,
    /// where it is recognised).
    /// </summary>
    public static async Task<GatePairNodes> StartAsync(string directory, TimeProvider time, ulong seed, int servicePoints, TimeSpan slotLength,
        DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(string Trader, long Declarations)> history, IReadOnlyCollection<string> aeoTraders, int perSlot = 20)
    {
        var lanes = Enumerable.Range(1, servicePoints).Select(i => new GateLane($"L{i:D2}", Direction.Outbound)).ToList();
        var pair = await NodePair.StartAsync(directory, time, seed,
            new GateOptions { Side = "VN", Lanes = [.. lanes, new GateLane("IN1", Direction.Inbound)], SlotLength = slotLength },
            new GateOptions { Side = "CN", SlotLength = slotLength });
        var nodes = new GatePairNodes(pair, [.. lanes.Select(l => l.Id)], [.. aeoTraders]);
        foreach (var lane in lanes)
            await pair.Vn.Get<Bookings>().SetCapacityAsync(new CapacityInput(lane.Id, from, to, perSlot, perSlot / 4, null), VnOperator);
        await RiskAssessment.ImportHistoryAsync(pair.Vn.Database, history);
        foreach (var trader in aeoTraders.Order(StringComparer.Ordinal))
            await pair.Vn.Get<AeoRegister>().GrantAsync(AeoIdOf(trader), trader, NameOf(trader), VnOfficer);
        return nodes;
    }

    private static string AeoIdOf(string trader) => "VN-AEO-" + trader.ToUpperInvariant();
    private static string NameOf(string company) => $"Công ty {company}";
    private static string ImporterOf(string trader) => "CNIMP-" + trader[^4..];
    private static Actor TraderOf(string company, string side) => new("twin." + company, NodeRoles.Trader, side, company);

    /// <summary>A free VN lane, or null when all are taken.</summary>
    public string? TakeLane() => freeLanes.Count > 0 ? freeLanes.Dequeue() : null;

    public void FreeLane(string lane) => freeLanes.Enqueue(lane);

    /// <summary>
    /// The trader lodges the truck's export (one goods item on <paramref name="containers"/>) and, given a slot, books it;
    /// the truck then checks in at the VN yard. The lane is the one the VN node's risk assessment chose.
    /// </summary>
    public async Task<LodgedExport> LodgeAsync(int truck, RiskItem load, string trader, bool aeoRecognised, IReadOnlyList<string> containers,
        DateTimeOffset? slot, string plate, DateTimeOffset now)
    {
        var vn = pair.Vn;
        var exporter = new PartyInput(trader, NameOf(trader), "VN", aeoRecognised && aeoTraders.Contains(trader) ? AeoIdOf(trader) : null);
        var importer = new PartyInput(ImporterOf(trader), $"进口商 {ImporterOf(trader)}", "CN", null);
        var input = ExportDeclarations.For(load, exporter, importer, plate, containers, $"VN{truck % 1_000_000:D6}", $"TWIN-{now:yyMMdd}-{truck:D7}",
            vn.Get<ProtocolProductCatalog>(), vn.Get<GoodsCrosswalk>());
        var errors = new ValidationErrors();
        var declarations = vn.Get<DeclarationService>();
        var content = await declarations.ValidateAsync(input, errors) ?? throw Refused($"export of truck {truck}", errors);
        var stored = await declarations.SubmitAsync(content, TraderOf(trader, "VN"));
        var booked = false;
        if (slot is { } start)
        {
            try
            {
                // Bookings are spread over the lanes' places; the yard calls trucks to whichever lane is free.
                await vn.Get<Bookings>().BookAsync(new BookingInput(stored.Number, start, $"L{truck % laneCount + 1:D2}", plate, null, null), TraderOf(trader, "VN"));
                booked = true;
            }
            catch (Refusal) { } // the slot is full or over: the truck walks in
        }
        await vn.Get<YardQueue>().CheckInAsync(new CheckInInput(plate, booked ? null : stored.Number, null), VnOperator);
        return new LodgedExport(stored.Number, stored.Lane ?? RiskLanes.Green);
    }

    /// <summary>
    /// The VN yard calls its next truck (in the Gate's own order) to <paramref name="lane"/>, and the lane's devices read it:
    /// plate, weight (1.5 t more than declared when <paramref name="overweight"/> says so of its declaration), seal, each
    /// container and the scanner. Null when nobody waits.
    /// </summary>
    public async Task<CalledTruck?> CallAsync(string lane, Func<string, bool> overweight, DateTimeOffset now)
    {
        var vn = pair.Vn;
        if (await vn.Get<YardQueue>().CallNextAsync(lane, VnOperator) is not { } visit) return null;
        var declaration = await LoadAsync(vn, visit.Declaration);
        var transport = declaration.Content.Transport;
        const decimal tare = 15_000m;
        var weight = tare + declaration.Content.GrossKg + (overweight(visit.Declaration) ? 1_500m : 0m);
        DeviceEventInput Reading(string kind, string? container = null) => new($"{visit.Id}-{kind}{container}", $"{lane}-{kind}", kind, now, lane, visit.Plate, 0.97,
            kind == DeviceEventKind.Weight ? weight : null, kind == DeviceEventKind.Weight ? tare : null, transport.Seals.FirstOrDefault(), container, "clear", null);
        var devices = vn.Get<DeviceEvents>();
        DeviceEventResult? last = null;
        foreach (var reading in new[] { Reading(DeviceEventKind.PlateRead), Reading(DeviceEventKind.Weight), Reading(DeviceEventKind.SealRead) }
            .Concat(transport.Containers.Select(c => Reading(DeviceEventKind.ContainerRead, c))).Append(Reading(DeviceEventKind.Scan)))
            last = await devices.RecordAsync(reading);
        return new CalledTruck(visit.Declaration, visit.Id, lane, last?.Barrier == "open");
    }

    /// <summary>
    /// The truck's checks are done: a truck the devices did not release is checked by the officer (a red lane through one
    /// joint inspection, whose result the exchange gives CN too), who releases the declaration and accepts the gate's
    /// alerts; the barrier opens, the lane is free and the crossing is recorded.
    /// </summary>
    public async Task ReleaseAsync(CalledTruck truck, DateTimeOffset now)
    {
        var vn = pair.Vn;
        if (!truck.AutoReleased)
        {
            var declaration = await LoadAsync(vn, truck.Declaration);
            if (!ClearanceState.IsReleased(declaration.State))
            {
                if (declaration.Lane == RiskLanes.Red) await InspectAsync(vn, truck.Declaration, VnOfficer, now);
                await vn.Get<ClearanceDecisions>().DecideAsync(truck.Declaration, OfficerAction.Release, "twin: the lane's checks are done", VnOfficer);
            }
            var decision = await vn.Get<GateAlerts>().DecideAsync(truck.VisitId, new OfficerGateInput(AlertResolution.Override, "twin: checked by the officer"), VnOfficer);
            if (decision?.Decision is not (GateDecisionKind.AutoReleased or GateDecisionKind.BarrierOpened))
                throw new InvalidOperationException($"the VN gate did not release truck {truck.VisitId} after the officer's checks: {decision?.Decision} {string.Join("; ", decision?.Reasons ?? [])}");
        }
        await vn.Get<DeviceEvents>().RecordAsync(new DeviceEventInput($"{truck.VisitId}-barrier", $"{truck.Lane}-barrier", DeviceEventKind.Barrier, now, truck.Lane,
            null, null, null, null, null, null, null, "opened"));
        FreeLane(truck.Lane);
        await vn.Get<ClearanceDecisions>().CrossAsync(truck.Declaration, VnOperator);
    }

    /// <summary>The consignment's goods reached CN's control zone; its CN steps run as far as the data CN holds allows.</summary>
    public Task ArriveAtCnAsync(string export, DateTimeOffset now)
    {
        atCn.Add(new CnArrival(export));
        return ProgressCnAsync(now);
    }

    /// <summary>
    /// CN's side after an exchange: importers lodge their imports from newly arrived advance data, and consignments at CN go
    /// on (arrival, release, exit). Returns whether anything was done (its messages then wait for the next exchange).
    /// </summary>
    public async Task<bool> AfterExchangeAsync(DateTimeOffset now)
    {
        var lodged = await LodgeImportsAsync();
        var waiting = atCn.Count;
        await ProgressCnAsync(now);
        return lodged > 0 || atCn.Count < waiting;
    }

    private async Task<int> LodgeImportsAsync()
    {
        var cn = pair.Cn;
        var pending = await cn.Get<AdvanceDataStore>().ListAsync(null, pendingOnly: true, limit: 100_000);
        var declarations = cn.Get<DeclarationService>();
        foreach (var advance in pending.OrderBy(a => a.ReceivedAt).ThenBy(a => a.OriginNumber, StringComparer.Ordinal))
        {
            // Where the crosswalk offers several CN codes, the importer takes the first.
            var choices = new ImportFromAdvanceInput(null, [.. advance.Items.Where(i => i.Candidates.Count > 1).Select(i => new ItemCodeChoice(i.Number, i.Candidates[0].Code))],
                null, null, null);
            var errors = new ValidationErrors();
            var content = await declarations.ValidateImportAsync(advance, choices, errors) ?? throw Refused($"import of {advance.OriginNumber}", errors);
            await declarations.ImportFromAdvanceAsync(advance.OriginNumber, content, TraderOf(advance.ImporterCompany, "CN"));
        }
        return pending.Count;
    }

    private async Task ProgressCnAsync(DateTimeOffset now)
    {
        var cn = pair.Cn;
        for (var i = 0; i < atCn.Count; i++)
        {
            if (await ProgressAsync(cn, atCn[i], now)) atCn.RemoveAt(i--);
        }
    }

    /// <summary>One consignment's CN steps, as far as they go; true when its goods have left CN's control zone.</summary>
    private static async Task<bool> ProgressAsync(TwinNode cn, CnArrival arrival, DateTimeOffset now)
    {
        arrival.Import ??= (await cn.Get<AdvanceDataStore>().FindAsync(arrival.Export))?.ImportNumber;
        if (arrival.Import is not { } number) return false; // the advance data has not arrived yet
        var decisions = cn.Get<ClearanceDecisions>();
        if (!arrival.Arrived)
        {
            await decisions.ArriveAsync(number, CnOperator);
            arrival.Arrived = true;
        }
        var declaration = await LoadAsync(cn, number);
        if (!ClearanceState.IsReleased(declaration.State))
        {
            // One inspection for both sides: VN's, when VN selected the consignment (its result comes over the exchange).
            if (declaration.Lane == RiskLanes.Red && !await InspectAsync(cn, number, CnOfficer, now)) return false;
            await decisions.DecideAsync(number, OfficerAction.Release, "twin: checks done at arrival", CnOfficer);
        }
        await decisions.ExitAsync(number, CnOperator);
        return true;
    }

    /// <summary>
    /// The consignment's joint inspection: scheduled by this side unless the other side has one already; this side records
    /// the result of its own. False when the other side's result has not arrived yet.
    /// </summary>
    private static async Task<bool> InspectAsync(TwinNode node, string number, Actor officer, DateTimeOffset now)
    {
        var inspections = node.Get<JointInspections>();
        var inspection = await inspections.ScheduleAsync(number, now, InspectionArea, officer);
        if (inspection.Outcome is not null) return true;
        if (inspection.RequestedSide != node.Side) return false;
        await inspections.RecordResultAsync(inspection.Id, InspectionOutcome.Compliant, "twin: one inspection for both sides", officer);
        return true;
    }

    private static async Task<StoredDeclaration> LoadAsync(TwinNode node, string number) =>
        await node.Database.ReadAsync(c => DeclarationTimeline.LoadAsync(c, null, number))
        ?? throw new InvalidOperationException($"declaration {number} is not on the {node.Side} node.");

    private static InvalidOperationException Refused(string what, ValidationErrors errors) =>
        new($"the twin's {what} was refused: {errors}");

    public ValueTask DisposeAsync() => pair.DisposeAsync();
}
