using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Fx;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;
using FriendshipGate.Payments.Settlement;
using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Payments;

/// <summary>
/// The Payments module on a node: its services, tables and HTTP API under /api/v1/payments: EMVCo merchant-presented QR
/// codes, FX quotes, the double-entry ledger (accounts, payments reserved then posted or voided), settlement cut-offs, gate fees paid by dynamic codes.
/// </summary>
public static class PaymentsApi
{
    public static IServiceCollection AddPayments(this IServiceCollection services, PaymentsOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<FxQuoteDesk>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton<PaymentsStartup>();
        services.AddSingleton<Settlements>();
        services.AddSingleton<FeeDesk>();
        services.AddHostedService<PendingSweeper>();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations => [.. LedgerSchema.Migrations, FeeRows.Migration];

    public sealed record DecodeInput(string? Payload, string? Profile);

    public sealed record EncodeInput(
        string? Profile, string? BankBin, string? Account, bool? ToCard, decimal? Amount, string? Currency, string? Country,
        string? MerchantCategory, string? MerchantName, string? MerchantCity, string? BillNumber, string? Reference, string? Purpose,
        string? LocalName, string? LocalCity, string? Language, string? UnionPayAccount);

    /// <summary>The payload and its QR code as a base64 PNG.</summary>
    public sealed record Encoded(string Payload, string Png);

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        // Reading or making a QR code touches no money and no one's data: any signed-in user of the node may. Money is
        // narrowed per endpoint: the operator for everything, a trader for its company's own accounts.
        var group = app.MapGroup("api/v1/payments").WithTags("Payments").RequireAuthorization(NodePolicies.User);
        QuotesApi.Map(group);
        LedgerApi.Map(group);
        AccountsApi.Map(group);
        SettlementApi.Map(group);
        FeesApi.Map(group);
        group.MapPost("qr/decode", DecodeAsync).Accepts<DecodeInput>("application/json")
            .WithSummary("Read an EMVCo merchant-presented payload (profile emvco, vietqr or unionpay): its tree, whether the CRC holds and every violation. 200 whether valid or not.");
        group.MapPost("qr/encode", EncodeAsync).Accepts<EncodeInput>("application/json")
            .WithSummary("Build a VietQR (NAPAS) account code, or with profile unionpay a UnionPay merchant code around the acquirer's merchant account (unionPayAccount, ID 15), with its CRC, checked against the profile; the payload with a base64 PNG, or the PNG alone with Accept: image/png.");
        return app;
    }

    // The reader's language (Accept-Language) decides the sentences and names; tags and rule codes stay as they are.
    private static async Task<Results<Ok<QrDecoding>, ValidationProblem>> DecodeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new PaymentErrors();
        var input = await PaymentsHttp.ReadAsync<DecodeInput>(request, errors, cancellationToken);
        if (input is not null && input.Payload is null)
            errors.Add("payload", "required", "is required: the text the QR code holds.", "là bắt buộc: nội dung mà mã QR chứa.", "必填：二维码所含的文本。");
        if (!QrProfile.TryParse(input?.Profile ?? QrProfile.Emvco.Name, out var profile))
            errors.Add("profile", "value", $"'{input?.Profile}' is not a QR profile: use {QrProfile.Names}.",
                $"“{input?.Profile}” không phải bộ quy tắc QR: dùng {string.Join(", ", ProfileNames)}.", $"“{input?.Profile}”不是二维码规则集：请使用{string.Join("、", ProfileNames)}。");
        if (errors.Any) return errors.ToProblem(request, DecodeRefused);
        return TypedResults.Ok(QrDecoder.Decode(input!.Payload!, profile).In(PaymentsHttp.LanguageOf(request)));
    }

    private static readonly Trilingual DecodeRefused = new("Yêu cầu đọc mã QR không hợp lệ.", "读取二维码的请求无效。", "The decode request is not valid.");

    private static IEnumerable<string> ProfileNames => QrProfile.All.Select(p => p.Name);

    private static async Task<Results<Ok<Encoded>, FileContentHttpResult, ValidationProblem>> EncodeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var input = await ReadAsync<EncodeInput>(request, errors, cancellationToken);
        var profile = ProfileOf(input?.Profile ?? QrProfile.VietQr.Name, errors);
        if (input is null || errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The encode request is not valid.");
        var encoding = QrEncoder.Encode(new QrEncodeRequest
        {
            Profile = profile,
            BankBin = input.BankBin ?? "",
            Account = input.Account ?? "",
            ToCard = input.ToCard ?? false,
            Amount = input.Amount,
            Currency = input.Currency ?? QrCurrencies.Vnd,
            Country = input.Country ?? "VN",
            MerchantCategory = input.MerchantCategory,
            MerchantName = input.MerchantName,
            MerchantCity = input.MerchantCity,
            BillNumber = input.BillNumber,
            Reference = input.Reference,
            Purpose = input.Purpose,
            LocalName = input.LocalName,
            LocalCity = input.LocalCity,
            Language = input.Language,
            UnionPayAccount = input.UnionPayAccount,
        });
        if (encoding.Payload is not { } payload)
            return TypedResults.ValidationProblem(encoding.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: $"No {profile} code can be built from this request.");
        var png = QrImage.Png(payload);
        return WantsPng(request) ? TypedResults.File(png, "image/png") : TypedResults.Ok(new Encoded(payload, Convert.ToBase64String(png)));
    }

    private static QrProfile ProfileOf(string? name, Dictionary<string, string[]> errors)
    {
        if (QrProfile.TryParse(name ?? QrProfile.Emvco.Name, out var profile)) return profile;
        errors["profile"] = [$"'{name}' is not a QR profile: use {QrProfile.Names}."];
        return default;
    }

    private static bool WantsPng(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("image/png", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    /// <summary>Reads the JSON body, naming the place where it is malformed.</summary>
    private static async Task<T?> ReadAsync<T>(HttpRequest request, Dictionary<string, string[]> errors, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, WireJson.Options, cancellationToken);
            if (value is null) errors["body"] = ["is required: a JSON object."];
            return value;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            errors[field] = [$"is not valid here: {e.Message.Split(" Path:")[0]}"];
            return null;
        }
    }
}
