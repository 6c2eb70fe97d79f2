using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Hydrology;

public static class HydrologyApi
{
    public static IServiceCollection AddHydrology(this IServiceCollection services)
    {
        services.AddSingleton(StationCatalog.LoadEmbedded());
        services.AddSingleton<ObservationLedger>();
        services.AddSingleton<FloodAlerts>();
        services.AddSingleton<IMessageHandler, PeerObservationHandler>();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => HydrologySchema.Migrations;

    public static IEndpointRouteBuilder MapHydrologyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/v1/hydrology").WithTags("Hydrology").RequireAuthorization(NodePolicies.Operator);
        group.MapPost("observations", RecordAsync)
            .WithSummary("Record one observation or a batch (JSON object or array) of this side's stations; each is shared with the peer.");
        group.MapGet("observations", ListAsync).WithSummary("Both sides' observations, newest first, with their origin.");
        group.MapGet("stations", (StationCatalog catalog) => catalog.All.OrderBy(s => s.Code.Value)).WithSummary("The border-river gauging stations.");
        group.MapGet("alerts", (FloodAlerts alerts, CancellationToken ct, int limit = 100) => alerts.ListAsync(Math.Clamp(limit, 1, 1000), ct))
            .WithSummary("Alerts raised by the peer's observations at or above their station's warning levels.");
        return app;
    }

    public sealed record Recorded(int Count, IReadOnlyList<string> MessageIds);

    private static async Task<Results<Created<Recorded>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        JsonElement body, ObservationLedger ledger, StationCatalog catalog, ExchangeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var batch = body.ValueKind == JsonValueKind.Array;
        var items = batch ? body.EnumerateArray().ToList() : [body];
        if (items.Count is 0 or > 5_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["send one observation or a batch of 1 to 5000."] });
        var now = time.GetUtcNow();
        var observations = new List<Observation>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = batch ? $"[{i}]." : "";
            ObservationInput? input = null;
            try { input = items[i].Deserialize<ObservationInput>(WireJson.Options); }
            catch (JsonException e) { errors[prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body"] = [$"is not a valid observation: {e.Message}"]; }
            if (input is null) continue;
            if (ObservationRules.Check(input, options.Self.Side, catalog, now, prefix, errors) is { } observation) observations.Add(observation);
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: "The observations are not valid; nothing was recorded.");
        var duplicatesInBatch = observations.Select((o, i) => (o, i)).GroupBy(x => (x.o.Station, x.o.ObservedAt)).Where(g => g.Count() > 1).ToList();
        if (duplicatesInBatch.Count > 0)
            return TypedResults.ValidationProblem(duplicatesInBatch.ToDictionary(g => $"[{g.Last().i}].observedAt",
                g => new[] { $"{g.Key.Station} at {g.Key.ObservedAt:O} appears more than once in this batch." }));
        var (ids, clashes) = await ledger.RecordAsync(observations, cancellationToken);
        if (clashes.Count > 0)
            return TypedResults.Problem(title: "Already recorded; nothing was recorded.", statusCode: StatusCodes.Status409Conflict,
                detail: string.Join(" ", clashes.Select(i => $"{(batch ? $"[{i}]." : "")}observedAt: {observations[i].Station} already has an observation at {observations[i].ObservedAt:O}.")),
                extensions: new Dictionary<string, object?> { ["fields"] = clashes.Select(i => (batch ? $"[{i}]." : "") + "observedAt").ToList() });
        return TypedResults.Created("/api/v1/hydrology/observations", new Recorded(ids.Count, ids.Select(id => id.ToString()).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<StoredObservation>>, ValidationProblem>> ListAsync(
        ObservationLedger ledger, CancellationToken cancellationToken, string? station = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 1000)
    {
        var errors = new Dictionary<string, string[]>();
        if (station is not null && !StationCode.TryParse(station, out _)) errors["station"] = [$"'{station}' is not a station code (e.g. VN-LAOCAI)."];
        if (from > to) errors["from"] = ["must not be after 'to'."];
        if (limit is < 1 or > 10_000) errors["limit"] = ["must be between 1 and 10000."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await ledger.ListAsync(station, from, to, limit, cancellationToken));
    }
}
