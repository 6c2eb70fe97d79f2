using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Bench;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>A user of one node's Clearance API, signed in with its own API token.</summary>
internal sealed class ClearanceClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Creates the user through the operator's users API and signs in as it.</summary>
    public static async Task<ClearanceClient> CreateAsync(NodeApi node, string name, string role, string? company = null)
    {
        using var response = await node.Http.PostAsJsonAsync("api/v1/users", new { name, role, company });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var http = new HttpClient { BaseAddress = node.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ClearanceClient(http);
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

    /// <summary>A VN export of fresh durian from a registered growing area and packing house, by road in one container.</summary>
    public static object DurianExport(string exporter = "0101234567", string importer = "91450100MA5KXXXX1") => new
    {
        type = "export",
        exporter = new { id = exporter, name = "Công ty TNHH Trái cây Đắk Lắk", country = "VN" },
        importer = new { id = importer, name = "广西凭祥果品有限公司", country = "CN" },
        items = new[]
        {
            new
            {
                description = new { vi = "Sầu riêng tươi Ri6", zh = "鲜榴莲", en = "Fresh durian" }, commodityCode = "08106000",
                quantity = 18_000, unit = "KGM", netKg = 18_000, grossKg = 19_500, value = 54_000, currency = "USD", origin = "VN",
            },
        },
        transport = new { mode = "road", plate = "12C-12345", nationality = "VN", containers = new[] { "CSQU3054383" }, seals = new[] { "VN123456" } },
        documents = new
        {
            phytosanitaryCertificate = "VN-PC-2026-000123",
            certificateOfOrigin = new { kind = "formE", number = "E26VN0001" },
            growingAreaCodes = new[] { "VN-DLOR-0101" },
            packingHouseCodes = new[] { "VN-DLPH-0011" },
        },
    };
}
