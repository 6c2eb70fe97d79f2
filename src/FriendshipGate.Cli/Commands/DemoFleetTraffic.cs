using FriendshipGate.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Cli;

/// <summary>Containers to move across the road for the demo's fleet: one transport order now and then, each way in turn, stored as the API stores them.</summary>
internal sealed class DemoFleetTraffic(WebApplication node)
{
    private readonly Random random = new();

    public async Task RunAsync(TimeSpan every, CancellationToken ct)
    {
        var host = node.Services.GetRequiredService<FleetHost>();
        var store = node.Services.GetRequiredService<FleetOrderStore>();
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            await Task.Delay(every, ct);
            if (host.Controller is not { } controller) continue;
            var bays = controller.Graph.NodesOfKind(RoadNodeKind.Bay).ToList();
            var (from, to) = (n % 2 == 0 ? "VN" : "CN", n % 2 == 0 ? "CN" : "VN");
            var serial = random.Next(0, 1_000_000).ToString("D6");
            var order = controller.NewOrder($"FGTU{serial}{FriendshipGate.Clearance.ContainerNumber.CheckDigit($"FGTU{serial}")}",
                Pick(bays, from), Pick(bays, to), $"TO-DEMO-{DateTimeOffset.UtcNow:yyMMddHHmmss}-{n:D4}");
            await store.AddAsync(order, ct);
            await controller.SubmitAsync(order);
        }
    }

    private string Pick(List<RoadNode> bays, string side)
    {
        var mine = bays.Where(b => b.Id.StartsWith(side, StringComparison.Ordinal)).ToList();
        return mine[random.Next(mine.Count)].Id;
    }
}
