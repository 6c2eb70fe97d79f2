using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>A user of one node's Gate API (/api/v1/gate), signed in with its own API token, asking in a chosen language.</summary>
internal sealed class GateClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Creates the user through the operator's users API and signs in as it.</summary>
    public static async Task<GateClient> CreateAsync(NodeApi node, string name, string role, string? company = null) =>
        new(await ClearanceClient.NewUserAsync(node, name, role, company));

    /// <summary>The node's operator (gate staff), with a client of its own so that disposing it leaves the node's alone.</summary>
    public static GateClient Operator(NodeApi node) => new(ClearanceClient.SignedIn(node, node.Http.DefaultRequestHeaders.Authorization!.Parameter!));

    public Task<JsonElement> PostAsync(string path, object? body, int expectedStatus = 200, string? language = null) =>
        SendAsync(HttpMethod.Post, path, body, expectedStatus, language);

    public Task<JsonElement> PutAsync(string path, object? body, int expectedStatus = 200) => SendAsync(HttpMethod.Put, path, body, expectedStatus, null);

    public Task<JsonElement> GetAsync(string path, int expectedStatus = 200) => SendAsync(HttpMethod.Get, path, null, expectedStatus, null);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, int expectedStatus, string? language)
    {
        using var request = new HttpRequestMessage(method, $"api/v1/gate/{path}");
        if (body is not null) request.Content = JsonContent.Create(body, options: WireJson.Options);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}
