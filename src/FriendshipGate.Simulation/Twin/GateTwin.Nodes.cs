using FriendshipGate.Clearance;
using FriendshipGate.Gate;
using FriendshipGate.Simulation.Nodes;

namespace FriendshipGate.Simulation.Twin;

/// <summary>
/// The twin with the gate pairs' real nodes (<c>--nodes</c>): each route's trucks go through a VN and a CN node in process
/// (<see cref="GatePairNodes"/>), which decide what the modules own (the risk lane, the order of the VN yard, the gate's
/// release) and record every step in their databases; the twin still draws arrivals, loads and service times and drives
/// the crossing. The nodes exchange their messages a second after something happened, or every minute while a
/// scenario's outage holds the link down.
/// </summary>
internal sealed partial class GateTwin
{
    private static readonly long ExchangeDelay = SimulationTime.FromSeconds(1), ExchangeRetry = SimulationTime.FromSeconds(60);
    private readonly string? nodesDirectory;
    private GatePairNodes[]? pairs;
    // Each route's VN node numbers its declarations on its own, so a number names a truck only together with its route.
    private readonly Dictionary<(int Route, string Number), int> truckOfDeclaration = [];
    private Callback? exchangeTick;
    private bool[] exchangeDue = [];

    private void StartNodes()
    {
        if (nodesDirectory is null) return;
        exchangeTick = new Callback(scheduler, route => Exchange((int)route));
        exchangeDue = new bool[routes.Length];
        var (history, aeo) = (goods.History(), goods.AeoTraderIds());
        pairs = [.. routes.Select(r => Wait(GatePairNodes.StartAsync(Path.Combine(nodesDirectory, $"route-{r.Index + 1}"), time, seed, r.Spec.ServicePoints,
            TimeSpan.FromMinutes(policy.SlotMinutes), Start, Start.AddDays(days), history, aeo)))];
        foreach (var route in routes) RequestExchange(route.Index);
    }

    /// <summary>Lodges the truck's export on its route's VN node and checks it in; the lane is the node's.</summary>
    private (string Declaration, string Lane) Lodge(int route, int index, RiskSubject subject, DateTimeOffset? slot)
    {
        var containers = Enumerable.Range(0, scenario.ContainersPerVehicle).Select(c => ExportDeclarations.Container(index * scenario.ContainersPerVehicle + c)).ToList();
        var lodged = Wait(pairs![route].LodgeAsync(index, subject.Items[0], subject.TraderIds[0], policy.AeoRecognised, containers, slot, PlateOf(index), Now));
        truckOfDeclaration[(route, lodged.Number)] = index;
        RequestExchange(route);
        return (lodged.Number, lodged.Lane);
    }

    private static string PlateOf(int index) => $"12C-{index % 100_000:D5}";

    /// <summary>Calls the VN yard's next truck to a free lane of the route; null when nobody waits (or no lane is free).</summary>
    private Truck? CallFromNodes(RouteState route)
    {
        var pair = pairs![route.Index];
        if (pair.TakeLane() is not { } lane) return null;
        // One truck in forty weighs more than its declaration allows, which the gate's weighbridge check raises.
        var called = Wait(pair.CallAsync(lane, number => truckOfDeclaration[(route.Index, number)] % 40 == 7, Now));
        if (called is null)
        {
            pair.FreeLane(lane);
            return null;
        }
        var truck = trucks[truckOfDeclaration[(route.Index, called.Declaration)]];
        truck.Called = called;
        route.Waiting.Remove(truck);
        RequestExchange(route.Index);
        return truck;
    }

    private void ReleaseAtNodes(Truck truck)
    {
        if (pairs is null) return;
        Wait(pairs[truck.Route].ReleaseAsync(truck.Called!, Now));
        RequestExchange(truck.Route);
    }

    private void ArrivedAtCn(Truck truck)
    {
        if (pairs is null) return;
        Wait(pairs[truck.Route].ArriveAtCnAsync(truck.Declaration, Now));
        RequestExchange(truck.Route);
    }

    private void RequestExchange(int route)
    {
        if (exchangeDue[route]) return;
        exchangeDue[route] = true;
        scheduler.Schedule(ExchangeDelay, exchangeTick!, route);
    }

    /// <summary>Both nodes of the route's pair send what they queued; CN's importers and officers act on what arrived.</summary>
    private void Exchange(int route)
    {
        exchangeDue[route] = false;
        var pair = pairs![route];
        pair.Pair.LinkUp = !scenario.ExchangeOutages.Any(o => o.Covers(HourOfDay));
        if (!Wait(pair.Pair.ExchangeAsync()))
        {
            exchangeDue[route] = true;
            scheduler.Schedule(ExchangeRetry, exchangeTick!, route);
            return;
        }
        if (Wait(pair.AfterExchangeAsync(Now))) RequestExchange(route);
    }

    /// <summary>At the end of the run the link comes back and the nodes exchange until nothing is left to send.</summary>
    private void FinishNodes()
    {
        if (pairs is null) return;
        foreach (var pair in pairs)
        {
            pair.Pair.LinkUp = true;
            do Wait(pair.Pair.ExchangeAsync());
            while (Wait(pair.AfterExchangeAsync(Now)));
        }
    }

    /// <summary>What the nodes recorded, pair by pair (read from their databases).</summary>
    internal IReadOnlyList<NodeRecords> NodeRecords() =>
        pairs is null ? [] : [.. pairs.Select(p => Wait(Nodes.NodeRecords.ReadAsync(p)))];

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    internal async ValueTask DisposeNodesAsync()
    {
        foreach (var pair in pairs ?? []) await pair.DisposeAsync();
    }
}
