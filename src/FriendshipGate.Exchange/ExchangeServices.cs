using FriendshipGate.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FriendshipGate.Exchange;

public static class ExchangeServices
{
    /// <summary>Registers the exchange of one node: its options, database, keys, outbox, inbox and dispatcher.</summary>
    public static IServiceCollection AddExchange(this IServiceCollection services, ExchangeOptions options, NodeDatabase database, string keysDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(database);
        services.AddSingleton(new SigningKeyRing(keysDirectory));
        services.AddSingleton<EvidenceLog>();
        services.AddSingleton<KeyRegistry>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ExchangeMetrics>();
        services.AddSingleton<ExchangeOutbox>();
        services.AddSingleton<PeerContact>();
        services.AddSingleton<InboxReceiver>();
        services.AddSingleton<KeyRotation>();
        services.AddSingleton<ExchangeStartup>();
        services.AddSingleton<KeyMessageHandlers>();
        services.AddSingleton(sp => sp.GetRequiredService<KeyMessageHandlers>().AnnouncedHandler);
        services.AddSingleton(sp => sp.GetRequiredService<KeyMessageHandlers>().RetiredHandler);
        services.AddHttpClient<OutboxDispatcher>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => ExchangeSchema.Migrations;
}
