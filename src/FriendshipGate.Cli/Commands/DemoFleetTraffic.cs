using FriendshipGate.Fleet;
using FriendshipGate.Simulation.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Cli;

/// <summary>
/// Containers for the demo's fleet, stored and submitted as the API does: each container of a truck the VN gate released
/// is carried from a VN bay to a CN bay (<see cref="CarryAsync"/>), and optionally one more order now and then, each way
/// in turn (<see cref="RunAsync"/>).
/// </summary>
internal sealed class DemoFleetTraffic(WebApplication node)
{
    private readonly Random random = new();
    private int orders;

    public async Task RunAsync(TimeSpan every, CancellationToken ct)
    {
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            await Task.Delay(every, ct);
            await OrderAsync(ExportDeclarations.Container(random.Next(0, 1_000_000)), n % 2 == 0 ? "VN" : "CN", ct);
        }
    }

    /// <summary>A released export's container, across the border on the dedicated road.</summary>
    public Task CarryAsync(string container, CancellationToken ct) => OrderAsync(container, "VN", ct);

    private async Task OrderAsync(string container, string from, CancellationToken ct)
    {
        if (node.Services.GetRequiredService<FleetHost>().Controller is not { } controller) return;
        var bays = controller.Graph.NodesOfKind(RoadNodeKind.Bay).ToList();
        var to = from == "VN" ? "CN" : "VN";
        var order = controller.NewOrder(container, Pick(bays, from), Pick(bays, to), $"TO-DEMO-{DateTimeOffset.UtcNow:yyMMddHHmmss}-{Interlocked.Increment(ref orders):D4}");
        await node.Services.GetRequiredService<FleetOrderStore>().AddAsync(order, ct);
        await controller.SubmitAsync(order);
    }

    private string Pick(List<RoadNode> bays, string side)
    {
        var mine = bays.Where(b => b.Id.StartsWith(side, StringComparison.Ordinal)).ToList();
        return mine[random.Next(mine.Count)].Id;
    }
}
