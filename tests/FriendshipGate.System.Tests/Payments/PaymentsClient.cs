using System.Net.Http.Json;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>An answer of the Payments API: its status, body (JSON, or null) and whether it replayed an earlier result.</summary>
internal sealed record PaymentsAnswer(int Status, JsonElement Body, bool Replayed)
{
    public string Id => Body.GetProperty("id").GetString()!;
    public string State => Body.GetProperty("state").GetString()!;
    public string? Rule => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
}

/// <summary>Calls /api/v1/payments as one user of a real node.</summary>
internal sealed class PaymentsClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<PaymentsAnswer> OpenAsync(string id, string currency, string owner, string kind = "wallet", decimal? lowerLimit = null) =>
        SendAsync(HttpMethod.Post, "accounts", new { id, owner, participant = owner, kind, currency, lowerLimit });

    public Task<PaymentsAnswer> FundAsync(string id, string currency, decimal value, string? key = null) =>
        SendAsync(HttpMethod.Post, $"accounts/{id}/funding", new { amount = new { currency, value } }, key ?? Guid.NewGuid().ToString());

    public Task<PaymentsAnswer> QuoteAsync(string source, string target, string currency, decimal value) =>
        SendAsync(HttpMethod.Post, "quotes", new { source, target, amount = new { currency, value } });

    public Task<PaymentsAnswer> PayAsync(object body, string? key) => SendAsync(HttpMethod.Post, "", body, key);

    public Task<PaymentsAnswer> PostAsync(string id) => SendAsync(HttpMethod.Post, $"{id}/post", null);

    public Task<PaymentsAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public async Task<PaymentsAnswer> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, "api/v1/payments" + (path.Length == 0 || path.StartsWith('?') ? path : "/" + path));
        if (body is not null) request.Content = JsonContent.Create(body, options: WireJson.Options);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && text.Length > 0
            ? JsonDocument.Parse(text).RootElement.Clone()
            : JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();
        return new PaymentsAnswer((int)response.StatusCode, json, response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"));
    }
}
