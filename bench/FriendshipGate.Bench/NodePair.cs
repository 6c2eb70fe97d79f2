using System.Net.Http.Headers;
using FriendshipGate.Web;
using Npgsql;

namespace FriendshipGate.Bench;

/// <summary>
/// A VN node and a CN node as two real processes on loopback, created in a fresh folder and made to trust each other;
/// on SQLite (a file each) or PostgreSQL (a schema each, dropped afterwards).
/// </summary>
public sealed class NodePair : IAsyncDisposable
{
    private readonly string? postgres;
    private readonly string[] schemas;

    private NodePair(string root, NodeProcess vn, NodeProcess cn, NodeApi vnApi, NodeApi cnApi, string? postgres, string[] schemas)
    {
        Root = root;
        Vn = vn;
        Cn = cn;
        VnApi = vnApi;
        CnApi = cnApi;
        this.postgres = postgres;
        this.schemas = schemas;
    }

    public string Root { get; }
    public NodeProcess Vn { get; }
    public NodeProcess Cn { get; }
    public NodeApi VnApi { get; }
    public NodeApi CnApi { get; }

    /// <param name="environment">Extra FGATE_* settings for both nodes, e.g. a shorter retry backoff for tests.</param>
    public static async Task<NodePair> CreateAsync(FgateExecutable fgate, string? postgres = null, string vnAlgorithm = "ES256",
        string cnAlgorithm = "ES256", IReadOnlyDictionary<string, string>? environment = null, bool start = true, CancellationToken cancellationToken = default)
    {
        var root = Path.Combine(Path.GetTempPath(), "fgate-" + Guid.NewGuid().ToString("N")[..12]);
        var vnDir = Path.Combine(root, "vn");
        var cnDir = Path.Combine(root, "cn");
        var vnUrl = NodeProcess.FreeLoopbackUrl();
        var cnUrl = NodeProcess.FreeLoopbackUrl();
        var vnCard = NodeDirectory.Init(vnDir, NodeDirectory.DefaultId("VN"), vnUrl, vnAlgorithm, postgres);
        var cnCard = NodeDirectory.Init(cnDir, NodeDirectory.DefaultId("CN"), cnUrl, cnAlgorithm, postgres);
        NodeDirectory.Trust(vnDir, cnCard);
        NodeDirectory.Trust(cnDir, vnCard);
        var suffix = Path.GetFileName(root)[6..];
        var schemas = new[] { $"fg{suffix}_vn", $"fg{suffix}_cn" };
        Dictionary<string, string> Env(string schema)
        {
            var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["FGATE_Storage__PostgresSchema"] = schema };
            return env;
        }
        var vn = new NodeProcess(fgate, vnDir, vnUrl, Env(schemas[0]));
        var cn = new NodeProcess(fgate, cnDir, cnUrl, Env(schemas[1]));
        var pair = new NodePair(root, vn, cn, NodeApi.For(vnDir, vnUrl), NodeApi.For(cnDir, cnUrl), postgres, schemas);
        if (start)
        {
            await Task.WhenAll(vn.StartAsync(cancellationToken), cn.StartAsync(cancellationToken));
        }
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        await Vn.DisposeAsync();
        await Cn.DisposeAsync();
        VnApi.Dispose();
        CnApi.Dispose();
        if (postgres is not null)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            foreach (var schema in schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A node's public API, called with its operator token.</summary>
public sealed class NodeApi : IDisposable
{
    private NodeApi(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static NodeApi For(string directory, string url)
    {
        var settings = NodeSettings.Load(directory, NodeSettings.Configuration(directory));
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(url.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.OperatorToken);
        return new NodeApi(http);
    }

    public void Dispose() => Http.Dispose();
}
