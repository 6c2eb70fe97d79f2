using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Web;

namespace FriendshipGate.Cli;

internal static class KeysCommand
{
    public static Command Create()
    {
        var algorithm = new Option<string>("--algorithm") { Description = "ES256 (default) or SM2SM3.", DefaultValueFactory = _ => SignatureAlgorithm.ES256 };
        algorithm.AcceptOnlyFromAmong(SignatureAlgorithm.ES256, SignatureAlgorithm.SM2SM3);
        var output = new Option<string>("--out") { Description = "Where to write the private key (PKCS#8 PEM).", Required = true };
        var create = new Command("new", "Generate a key pair: the private key to a PEM file, the public key to stdout.") { algorithm, output };
        create.SetAction(result =>
        {
            var path = result.GetValue(output)!;
            if (File.Exists(path)) throw new InvalidOperationException($"{path} exists already.");
            using var key = SigningKey.Generate(result.GetValue(algorithm)!);
            File.WriteAllText(path, key.ExportPkcs8Pem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine(JsonSerializer.Serialize(new NodeCardKey(key.KeyId, key.Algorithm, key.PublicKey.SubjectPublicKeyInfoBase64Url), NodeCard.Json));
        });

        var show = new Command("show", "Print the node's card (id, URL, public keys) for its peer to register.") { NodeCommand.Dir };
        show.SetAction(result => Console.WriteLine(JsonSerializer.Serialize(NodeDirectory.Card(result.GetValue(NodeCommand.Dir)!), NodeCard.Json)));

        var rotate = new Command("rotate", "Ask the running node to create a new key and announce it to the peer.") { NodeCommand.Dir, algorithm };
        rotate.SetAction(async (result, ct) =>
        {
            using var client = NodeClient.For(result.GetValue(NodeCommand.Dir)!);
            using var response = await client.PostAsJsonAsync("exchange/v1/keys/rotate", new { algorithm = result.GetValue(algorithm) }, ct);
            var key = await NodeClient.ReadAsync<ExchangeApi.PublicKeyInfo>(response, ct);
            Console.WriteLine($"new signing key {key.Kid} ({key.Algorithm}) announced to the peer; retire the old one with 'fgate keys retire' once the announcement is acknowledged.");
        });

        var kid = new Option<string>("--kid") { Description = "The key id to retire.", Required = true };
        var retire = new Command("retire", "Ask the running node to retire one of its keys; the peer refuses it afterwards.") { NodeCommand.Dir, kid };
        retire.SetAction(async (result, ct) =>
        {
            using var client = NodeClient.For(result.GetValue(NodeCommand.Dir)!);
            using var response = await client.PostAsync($"exchange/v1/keys/{Uri.EscapeDataString(result.GetValue(kid)!)}/retire", null, ct);
            await NodeClient.ReadAsync<object>(response, ct, allowEmpty: true);
            Console.WriteLine($"key {result.GetValue(kid)} retired; the retirement is on its way to the peer.");
        });

        return new Command("keys", "Signing keys: generate, show, rotate, retire.") { create, show, rotate, retire };
    }
}

/// <summary>An HTTP client for a running node's API, with its operator token.</summary>
internal static class NodeClient
{
    public static HttpClient For(string directory)
    {
        var settings = NodeSettings.Load(directory, NodeSettings.Configuration(directory));
        var url = settings.Urls.Split(';')[0].Replace("0.0.0.0", "127.0.0.1").Replace("*", "127.0.0.1").Replace("+", "127.0.0.1");
        var client = new HttpClient { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.OperatorToken);
        return client;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct, bool allowEmpty = false)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var detail = body;
            try
            {
                using var problem = JsonDocument.Parse(body);
                detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? body
                    : problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() ?? body : body;
            }
            catch (JsonException) { }
            throw new InvalidOperationException($"the node answered {(int)response.StatusCode}: {detail}");
        }
        if (allowEmpty && response.Content.Headers.ContentLength is 0 or null) return default!;
        return await response.Content.ReadFromJsonAsync<T>(WireJson.Options, ct) ?? throw new InvalidDataException("the node answered an empty body.");
    }
}
