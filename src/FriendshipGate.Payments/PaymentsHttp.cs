using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FriendshipGate.Payments;

/// <summary>
/// Input problems by field, each with a rule code and a sentence in Vietnamese, Chinese and English; all are collected
/// before answering, as RFC 9457 problem details with "errors" (field → messages) and "rules" (field → rule codes).
/// </summary>
internal sealed class PaymentErrors
{
    private readonly List<(string Field, string Rule, Trilingual Text)> entries = [];

    public bool Any => entries.Count > 0;

    /// <summary>The problems so far, in the order found (for a screen that shows them under its fields).</summary>
    public IReadOnlyList<FieldProblem> Problems => [.. entries.Select(e => new FieldProblem(e.Field, e.Rule, e.Text))];

    public void Add(string field, string rule, Trilingual text) => entries.Add((field, rule, text));

    public void Add(string field, string rule, string en, string vi, string zh) => Add(field, rule, new Trilingual(vi, zh, en));

    public void Required(string field) => Add(field, "required", "is required.", "là bắt buộc.", "必填。");

    public ValidationProblem ToProblem(HttpRequest request, Trilingual title)
    {
        var language = PaymentsHttp.LanguageOf(request);
        return TypedResults.ValidationProblem(
            entries.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Text.In(language) ?? "").ToArray()),
            title: title.In(language),
            extensions: new Dictionary<string, object?> { ["rules"] = entries.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Rule).ToArray()) });
    }
}

/// <summary>What the Payments API's handlers share: reading bodies and amounts, refusals as problem details, the caller's language.</summary>
internal static class PaymentsHttp
{
    public static readonly Trilingual Invalid = new(Vi: "Yêu cầu không hợp lệ; chưa có gì thay đổi.", Zh: "请求无效；未作任何更改。", En: "The request is not valid; nothing was changed.");

    /// <summary>Reads the JSON body, naming the place where it is malformed.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, PaymentErrors errors, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, WireJson.Options, cancellationToken);
            if (value is null) errors.Add("body", "required", "is required: a JSON object.", "là bắt buộc: một đối tượng JSON.", "必填：一个 JSON 对象。");
            return value;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var detail = e.Message.Split(" Path:")[0];
            errors.Add(field, "format", $"is not valid here: {detail}", $"không hợp lệ tại vị trí này: {detail}", $"此处无效：{detail}");
            return null;
        }
    }

    public static Currency? CurrencyOf(string? code, string field, PaymentErrors errors)
    {
        if (code is null) errors.Required(field);
        else if (Currency.TryParse(code, out var currency)) return currency;
        else errors.Add(field, "currency", $"'{code}' is not a currency of the ledger: use VND or CNY.",
            $"“{code}” không phải loại tiền của sổ cái: dùng VND hoặc CNY.", $"“{code}”不是账簿支持的币种：请使用 VND 或 CNY。");
        return null;
    }

    /// <summary>An amount as {"currency": "CNY", "value": 50.00}: a known currency, positive, at most its decimals.</summary>
    public static Money? MoneyOf(MoneyInput? input, string field, PaymentErrors errors, bool required = true)
    {
        if (input is null)
        {
            if (required) errors.Required(field);
            return null;
        }
        var currency = CurrencyOf(input.Currency, field + ".currency", errors);
        if (input.Value is not { } value)
        {
            errors.Required(field + ".value");
            return null;
        }
        if (currency is null) return null;
        var money = Money.FromMajor(currency.Value, value, out var problem);
        if (problem is not null) errors.Add(field + ".value", "amount", problem);
        return money;
    }

    /// <summary>The Idempotency-Key header: required, 1 to 255 visible ASCII characters (a UUID is a good key).</summary>
    public static string? IdempotencyKeyOf(HttpRequest request, PaymentErrors errors)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0) errors.Add("Idempotency-Key", "required", "the header is required: a new unique key (a UUID) per payment, the same key when retrying it.",
            "tiêu đề này là bắt buộc: một khóa duy nhất mới (UUID) cho mỗi khoản thanh toán, dùng lại đúng khóa đó khi thử lại.",
            "此请求头必填：每笔支付使用一个新的唯一键（UUID），重试时使用同一个键。");
        else if (key.Length > 255 || key.Any(c => c is < '!' or > '~'))
            errors.Add("Idempotency-Key", "format", "must be 1 to 255 visible ASCII characters.", "phải gồm 1 đến 255 ký tự ASCII hiển thị được.", "必须为1至255个可见ASCII字符。");
        else return key;
        return null;
    }

    public static ProblemHttpResult Refused(PaymentRefusal refusal, HttpRequest request)
    {
        var language = LanguageOf(request);
        var title = refusal.Status switch
        {
            StatusCodes.Status404NotFound => new Trilingual("Không tìm thấy.", "未找到。", "Not found."),
            StatusCodes.Status403Forbidden => new Trilingual("Không được phép đối với vai trò hoặc tài khoản của bạn.", "您的角色或账户无权执行此操作。", "Not allowed for your role or accounts."),
            StatusCodes.Status409Conflict => new Trilingual("Không thể thực hiện ở trạng thái hiện tại.", "当前状态下无法执行此操作。", "Not possible in the present state."),
            _ => new Trilingual("Yêu cầu bị từ chối; chưa có gì thay đổi.", "请求被拒绝；未作任何更改。", "The request is refused; nothing was changed."),
        };
        return TypedResults.Problem(title: title.In(language), detail: refusal.Text.In(language), statusCode: refusal.Status,
            extensions: new Dictionary<string, object?> { ["field"] = refusal.Field, ["rule"] = refusal.Rule });
    }

    private static readonly string[] Languages = ["en", "vi", "zh"];

    /// <summary>The first of vi, zh and en that Accept-Language asks for, by quality; en otherwise (zh-CN is zh, vi-VN is vi).</summary>
    public static string LanguageOf(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var ranges)) return "en";
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
            if (range.Value.Value?.Split('-')[0].ToLowerInvariant() is { } language && Languages.Contains(language)) return language;
        return "en";
    }
}
