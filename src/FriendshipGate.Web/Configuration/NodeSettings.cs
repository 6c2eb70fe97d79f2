using FriendshipGate.Clearance;
using FriendshipGate.Exchange;
using FriendshipGate.Fleet;
using FriendshipGate.Gate;
using FriendshipGate.Payments;
using FriendshipGate.Payments.Fx;
using FriendshipGate.Storage;
using Microsoft.Extensions.Configuration;

namespace FriendshipGate.Web;

/// <summary>
/// A node's configuration, read from DIR/node.json with environment variables overriding it, ASP.NET Core style
/// (FGATE_Peer__Url=https://... overrides Peer:Url).
/// </summary>
public sealed record NodeSettings(
    string Directory,
    NodeId Id,
    string Urls,
    string OperatorToken,
    string KeysDirectory,
    StorageSettings Storage,
    PeerSettings Peer,
    ExchangeOptions Exchange,
    ClearanceOptions Clearance,
    GateOptions Gate,
    FleetOptions Fleet)
{
    public const string FileName = "node.json";
    public const string EnvironmentPrefix = "FGATE_";

    public string Side => Id.Side;

    /// <summary>The Payments module's settings (section "Payments"; every one has a default).</summary>
    public PaymentsOptions Payments { get; init; } = new();

    public static IConfiguration Configuration(string directory, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Path.GetFullPath(directory), FileName), optional: false)
            .AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <exception cref="InvalidOperationException">A setting is missing or malformed; the message names it.</exception>
    public static NodeSettings Load(string directory, IConfiguration configuration)
    {
        directory = Path.GetFullPath(directory);
        string Required(string key) => configuration[key] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{key} is not set in {Path.Combine(directory, FileName)} (or {EnvironmentPrefix}{key.Replace(":", "__")}).");
        T Parse<T>(string key, Func<string, T> parse)
        {
            try { return parse(Required(key)); }
            catch (FormatException e) { throw new InvalidOperationException($"{key}: {e.Message}"); }
        }
        var id = Parse("Node:Id", NodeId.Parse);
        var peerId = Parse("Peer:Id", NodeId.Parse);
        var peerUrl = Parse("Peer:Url", text => Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            ? uri : throw new FormatException($"'{text}' is not an absolute URL."));
        var peerKeys = configuration.GetSection("Peer:Keys").GetChildren().Select((k, i) =>
        {
            try { return VerificationKey.FromBase64Url(k["Algorithm"] ?? "", k["Spki"] ?? ""); }
            catch (FormatException e) { throw new InvalidOperationException($"Peer:Keys:{i}: {e.Message}"); }
        }).ToList();
        var storage = new StorageSettings(
            Path.Combine(directory, configuration["Storage:Sqlite"] ?? "node.db"),
            configuration["Storage:Postgres"] is { Length: > 0 } pg ? pg : null,
            configuration["Storage:PostgresSchema"] ?? "fgate_" + id.Value.ToLowerInvariant().Replace('-', '_'),
            string.Equals(configuration["Storage:SqliteSynchronous"], "FULL", StringComparison.OrdinalIgnoreCase));
        var exchange = new ExchangeOptions
        {
            Self = id,
            Peer = peerId,
            PeerUrl = peerUrl,
            ClockWindow = TimeSpan.FromSeconds(configuration.GetValue("Exchange:ClockWindowSeconds", 300)),
            MaxMessageAge = TimeSpan.FromDays(configuration.GetValue("Exchange:MaxMessageAgeDays", 30)),
            BatchSize = configuration.GetValue("Exchange:BatchSize", 500),
            RetryBase = TimeSpan.FromMilliseconds(configuration.GetValue("Exchange:RetryBaseMilliseconds", 250)),
            RetryMax = TimeSpan.FromSeconds(configuration.GetValue("Exchange:RetryMaxSeconds", 30)),
        };
        if (id.Side == peerId.Side) throw new InvalidOperationException($"Peer:Id {peerId} is on the same side as Node:Id {id}.");
        var clearance = new ClearanceOptions
        {
            Side = id.Side,
            CustomsOffice = configuration["Clearance:CustomsOffice"] ?? "0000",
            RiskRulesFile = configuration["Clearance:RiskRulesFile"] is { Length: > 0 } rules ? Path.GetFullPath(rules, directory) : null,
            RiskSeed = configuration.GetValue("Clearance:RiskSeed", 20261123UL),
        };
        var gate = new GateOptions
        {
            Side = id.Side,
            SlotLength = TimeSpan.FromMinutes(configuration.GetValue("Gate:SlotMinutes", 30)),
            NoShowGrace = TimeSpan.FromMinutes(configuration.GetValue("Gate:NoShowGraceMinutes", 15)),
            WeightToleranceShare = configuration.GetValue("Gate:WeightTolerancePercent", 5m) / 100m,
            WeightToleranceKg = configuration.GetValue("Gate:WeightToleranceKg", 1000m),
            MinReadConfidence = configuration.GetValue("Gate:MinReadConfidence", 0.90),
            ScannerRequired = configuration.GetValue("Gate:ScannerRequired", true),
            UnpaidFeesHoldRelease = configuration.GetValue("Gate:UnpaidFeesHoldRelease", true),
        };
        if (gate.SlotLength <= TimeSpan.Zero || TimeSpan.FromDays(1).Ticks % gate.SlotLength.Ticks != 0)
            throw new InvalidOperationException($"Gate:SlotMinutes must divide a day into whole slots; {gate.SlotLength.TotalMinutes} does not.");
        var fleet = new FleetOptions
        {
            Enabled = configuration.GetValue("Fleet:Enabled", false),
            Broker = configuration["Fleet:Broker"] is { Length: > 0 } broker ? broker : null,
            EmbeddedBrokerPort = configuration.GetValue("Fleet:EmbeddedBrokerPort", 0),
            SimulatedVehicles = configuration.GetValue("Fleet:SimulatedVehicles", 0),
            RoadFile = configuration["Fleet:RoadFile"] is { Length: > 0 } road ? Path.GetFullPath(road, directory) : null,
            Vehicles = configuration.GetSection("Fleet:Vehicles").GetChildren().Select((v, i) =>
            {
                try { return new FleetVehicle(new VehicleId(v["Manufacturer"] ?? "", v["Serial"] ?? ""), Vda5050Version.Parse(v["Version"] ?? "2.1.0")); }
                catch (Exception e) when (e is ArgumentException or FormatException) { throw new InvalidOperationException($"Fleet:Vehicles:{i}: {e.Message}"); }
            }).ToList(),
        };
        if (fleet.Broker is not null) _ = Parse("Fleet:Broker", BrokerAddress.Parse);
        var payments = new PaymentsOptions
        {
            PendingTimeout = TimeSpan.FromSeconds(configuration.GetValue("Payments:PendingTimeoutSeconds", 120.0)),
            SweepInterval = TimeSpan.FromMilliseconds(configuration.GetValue("Payments:SweepIntervalMilliseconds", 1000)),
            QuoteValidity = TimeSpan.FromSeconds(configuration.GetValue("Payments:QuoteValiditySeconds", 60.0)),
            MidRate = configuration["Payments:MidRateVndPerCny"] is not { Length: > 0 } midRate ? FxRate.FromVndPerCny(3650m)
                : decimal.TryParse(midRate, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate is > 0 and < 1_000_000
                    ? FxRate.FromVndPerCny(decimal.Round(rate, 6))
                    : throw new InvalidOperationException($"Payments:MidRateVndPerCny: '{midRate}' is not a positive number of VND per CNY."),
            SpreadBasisPoints = configuration.GetValue("Payments:SpreadBasisPoints", 50),
            FxProvider = configuration["Payments:FxProvider"] is { Length: > 0 } provider ? provider : "FX-PROVIDER",
            AuditOnStartup = configuration.GetValue("Payments:AuditOnStartup", true),
            Fees = GateFeeSettings.Load(configuration, id.Side),
        };
        if (payments.PendingTimeout <= TimeSpan.Zero || payments.SweepInterval <= TimeSpan.Zero || payments.QuoteValidity <= TimeSpan.Zero || payments.SpreadBasisPoints is < 0 or >= 10_000)
            throw new InvalidOperationException("Payments: PendingTimeoutSeconds, SweepIntervalMilliseconds and QuoteValiditySeconds must be positive, SpreadBasisPoints 0 to 9999.");
        return new NodeSettings(directory, id, Required("Node:Urls"), Required("Node:OperatorToken"),
            Path.Combine(directory, configuration["Node:KeysDirectory"] ?? "keys"), storage, new PeerSettings(peerId, peerUrl, peerKeys), exchange, clearance, gate, fleet)
        {
            Payments = payments,
        };
    }

    public NodeDatabase OpenDatabase() => Storage.Postgres is { } connectionString
        ? NodeDatabase.Postgres(connectionString, Storage.PostgresSchema)
        : NodeDatabase.Sqlite(Storage.SqlitePath, Storage.SqliteSynchronousFull);
}

public sealed record StorageSettings(string SqlitePath, string? Postgres, string PostgresSchema, bool SqliteSynchronousFull);

public sealed record PeerSettings(NodeId Id, Uri Url, IReadOnlyList<VerificationKey> Keys);
