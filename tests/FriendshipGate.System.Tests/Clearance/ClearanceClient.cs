using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>A user of one node's Clearance API, signed in with its own API token.</summary>
internal sealed class ClearanceClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Creates the user through the operator's users API and signs in as it.</summary>
    public static async Task<ClearanceClient> CreateAsync(NodeApi node, string name, string role, string? company = null) =>
        new(await NewUserAsync(node, name, role, company));

    /// <summary>Creates a user through the operator's users API; an HTTP client signed in with its token.</summary>
    public static async Task<HttpClient> NewUserAsync(NodeApi node, string name, string role, string? company)
    {
        using var response = await node.Http.PostAsJsonAsync("api/v1/users", new { name, role, company });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return SignedIn(node, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
    }

    /// <summary>A client of its own for the node, signed in with <paramref name="token"/>.</summary>
    public static HttpClient SignedIn(NodeApi node, string token)
    {
        var http = new HttpClient { BaseAddress = node.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<JsonElement> PostAsync(string path, object? body, int expectedStatus = 200)
    {
        using var response = await Http.PostAsJsonAsync($"api/v1/clearance/{path}", body, WireJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path, int expectedStatus = 200)
    {
        using var response = await Http.GetAsync($"api/v1/clearance/{path}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {path}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    public static object DurianExport(string exporter = SampleClearance.VnExporter, string importer = SampleClearance.CnImporter) =>
        SampleClearance.DurianExport(exporter, importer);
}
