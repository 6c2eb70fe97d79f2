using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Fleet;
using FriendshipGate.Gate;
using FriendshipGate.Hydrology;
using FriendshipGate.Payments;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using FriendshipGate.Web.Ui;
using Scalar.AspNetCore;

namespace FriendshipGate.Web;

/// <summary>Builds one node: its modules, its APIs, its database (migrated) and its keys (registered).</summary>
public static class NodeHost
{
    public static async Task<WebApplication> BuildAsync(NodeSettings settings, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "FriendshipGate." + settings.Id.Value,
            ContentRootPath = settings.Directory,
            // Settings come from NodeSettings; watching files for changes only costs CPU next to a busy database.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        UiHost.UseStaticWebAssets(builder);
        builder.WebHost.UseKestrelCore().UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders().AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        logging?.Invoke(builder.Logging);

        var database = settings.OpenDatabase();
        builder.Services.AddExchange(settings.Exchange, database, settings.KeysDirectory);
        builder.Services.AddHydrology();

        builder.Services.AddClearance(settings.Clearance);
        builder.Services.AddGate(settings.Gate);
        builder.Services.AddFleet(settings.Fleet);
        builder.Services.AddPayments(settings.Payments);
        // Gate fees: Payments tells the Gate of each fee in the transaction that issues, pays or cancels it (decision 0006).
        builder.Services.AddSingleton<Payments.Fees.IFeeReferences, GateFeeLink>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddNodeAuthentication(settings);
        builder.Services.AddUi(settings);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NodePolicies.Operator, p => p.RequireRole(NodeRoles.Operator).RequireClaim(NodeClaims.Side, settings.Side))
            .AddPolicy(NodePolicies.Officer, p => p.RequireRole(NodeRoles.Officer).RequireClaim(NodeClaims.Side, settings.Side))
            .AddPolicy(NodePolicies.GateStaff, p => p.RequireRole(NodeRoles.Officer, NodeRoles.Operator).RequireClaim(NodeClaims.Side, settings.Side))
            .AddPolicy(NodePolicies.User, p => p.RequireRole(NodeRoles.All).RequireClaim(NodeClaims.Side, settings.Side));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"FriendshipGate node {settings.Id}";
            document.Info.Description = "APIs of one FriendshipGate node: the exchange between the two sides (/exchange/v1) and the modules (/api/v1).";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy(), ["ready"]);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(ExchangeMetrics.MeterName).AddPrometheusExporter());

        var app = builder.Build();
        await database.MigrateAsync([.. ExchangeServices.Migrations, .. HydrologyApi.Migrations, .. ClearanceApi.Migrations, .. GateApi.Migrations, .. FleetApi.Migrations, .. PaymentsApi.Migrations, .. UserDirectory.Migrations], cancellationToken);
        await app.Services.GetRequiredService<ExchangeStartup>().RunAsync(settings.Peer.Keys, cancellationToken);
        // Ledger recovery (void reservations that timed out while the node was down, check the balances) before the API answers.
        await app.Services.GetRequiredService<PaymentsStartup>().RunAsync(cancellationToken);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseUiStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => true });
        app.MapOpenApi();
        app.MapScalarApiReference("/reference", o => o.WithTitle($"FriendshipGate {settings.Id}"));
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGet("/api/v1/node", () => TypedResults.Ok(new
        {
            node = settings.Id.Value,
            side = settings.Side,
            peer = settings.Peer.Id.Value,
            openapi = "/openapi/v1.json",
            reference = "/reference",
            health = "/healthz",
        })).WithSummary("Which node this is, its side and peer, and where its API documents are.");
        app.MapExchangeApi();
        app.MapHydrologyApi();
        app.MapClearanceApi();
        app.MapGateApi();
        app.MapFleetApi();
        app.MapPaymentsApi();
        app.MapUsersApi();
        app.MapUi();
        return app;
    }
}
