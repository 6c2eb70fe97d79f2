using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Gate;

/// <summary>The gate's read-only views for the screens (command center, officers, traders, drivers).</summary>
public static class OverviewServices
{
    public static IServiceCollection AddGateOverview(this IServiceCollection services) =>
        services.AddSingleton<GateOverview>().AddSingleton<BookingStatuses>();
}
