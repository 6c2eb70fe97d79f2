using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FriendshipGate.Exchange;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Cli;

/// <summary>
/// fgate qr decode: read an EMVCo merchant-presented payload under a profile (exit 0 valid, 1 not, 2 usage), in English,
/// Vietnamese or Chinese (--lang); fgate qr encode: build a VietQR (NAPAS) account code, optionally as a PNG.
/// </summary>
internal static class QrCommand
{
    // The wire shape of the API, with Chinese and Vietnamese left readable in a terminal.
    private static readonly JsonSerializerOptions Json = new(WireJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] ProfileNames = [.. QrProfile.All.Select(p => p.Name)];

    private static readonly string[] Languages = ["en", "vi", "zh"];

    public static Command Create() => new("qr", "EMVCo merchant-presented QR codes: VietQR (NAPAS), UnionPay and the EMVCo core.") { Decode(), Encode() };

    private static Command Decode()
    {
        var payload = new Argument<string>("PAYLOAD") { Description = "The text the QR code holds (quote it: it may contain spaces)." };
        var profile = ProfileOption(QrProfile.Emvco, "The rules to check against: emvco (default), vietqr or unionpay.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object: profile, valid, crcValid, errors [{tag, rule, message}], fields, warnings [{tag, rule, message}]." };
        var language = new Option<string>("--lang") { Description = "The language of the messages and names: en (default), vi or zh. Tags and rule codes do not change.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong(Languages);
        var decode = new Command("decode", "Print a payload's data objects, whether its CRC holds and every violation. Exit 0 if valid, 1 if not.") { payload, profile, json, language };
        decode.SetAction(result =>
        {
            var reader = result.GetValue(language)!;
            var decoding = QrDecoder.Decode(result.GetValue(payload)!, QrProfile.Parse(result.GetValue(profile))).In(reader);
            if (result.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(decoding, Json));
            else Print(decoding, reader);
            return decoding.Valid ? 0 : CliRunner.Failed;
        });
        return decode;
    }

    private static Command Encode()
    {
        var profile = ProfileOption(QrProfile.VietQr, "The profile the code must keep: vietqr (default) or emvco (then --mcc, --name and --city are needed).");
        var options = new Dictionary<string, Option>
        {
            ["bankBin"] = new Option<string>("--bin") { Description = "The beneficiary bank's BIN, 6 digits (e.g. 970436).", Required = true },
            ["account"] = new Option<string>("--account") { Description = "The account number (or card number with --card).", Required = true },
            ["toCard"] = new Option<bool>("--card") { Description = "Pay to a card (service QRIBFTTC) rather than an account (QRIBFTTA)." },
            ["amount"] = new Option<decimal?>("--amount") { Description = "Amount in major units; without it the code is static and the payer types the amount." },
            ["currency"] = new Option<string>("--currency") { Description = "ISO 4217 numeric currency.", DefaultValueFactory = _ => "704" },
            ["country"] = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2 country of the merchant.", DefaultValueFactory = _ => "VN" },
            ["merchantCategory"] = new Option<string>("--mcc") { Description = "Merchant category code (ISO 18245), 4 digits." },
            ["merchantName"] = new Option<string>("--name") { Description = "Merchant name, up to 25 characters (Vietnamese marks are dropped)." },
            ["merchantCity"] = new Option<string>("--city") { Description = "Merchant city, up to 15 characters." },
            ["billNumber"] = new Option<string>("--bill") { Description = "Bill number (62.01)." },
            ["reference"] = new Option<string>("--reference") { Description = "Reference label (62.05)." },
            ["purpose"] = new Option<string>("--purpose") { Description = "Purpose of the transfer, the message the payee's bank shows (62.08)." },
            ["localName"] = new Option<string>("--local-name") { Description = "The name in its own script, e.g. 'Cửa khẩu Hữu Nghị' or '友谊关' (64.01)." },
            ["localCity"] = new Option<string>("--local-city") { Description = "The city in its own script (64.02)." },
            ["language"] = new Option<string>("--language") { Description = "Language of the local name (ISO 639-1); zh for Chinese characters, else vi." },
        };
        var png = new Option<string>("--png") { Description = "Also write the QR code as a PNG to this file." };
        var encode = new Command("encode", "Build a VietQR (NAPAS) account code with its CRC and print it.") { profile, png };
        foreach (var option in options.Values) encode.Add(option);
        encode.SetAction(result =>
        {
            T? Value<T>(string field) => result.GetValue((Option<T>)options[field]);
            var encoding = QrEncoder.Encode(new QrEncodeRequest
            {
                Profile = QrProfile.Parse(result.GetValue(profile)),
                BankBin = Value<string>("bankBin")!,
                Account = Value<string>("account")!,
                ToCard = Value<bool>("toCard"),
                Amount = Value<decimal?>("amount"),
                Currency = Value<string>("currency")!,
                Country = Value<string>("country")!,
                MerchantCategory = Value<string>("merchantCategory"),
                MerchantName = Value<string>("merchantName"),
                MerchantCity = Value<string>("merchantCity"),
                BillNumber = Value<string>("billNumber"),
                Reference = Value<string>("reference"),
                Purpose = Value<string>("purpose"),
                LocalName = Value<string>("localName"),
                LocalCity = Value<string>("localCity"),
                Language = Value<string>("language"),
            });
            if (encoding.Payload is not { } payload)
                throw new UsageException(string.Join(" ", encoding.Errors.Select(e => $"{(options.TryGetValue(e.Field, out var o) ? o.Name : e.Field == "profile" ? "--profile" : e.Field)}: {e.Message}")));
            Console.WriteLine(payload);
            if (result.GetValue(png) is { } path)
            {
                File.WriteAllBytes(path, QrImage.Png(payload));
                Console.Error.WriteLine($"wrote {path}");
            }
        });
        return encode;
    }

    private static Option<string> ProfileOption(QrProfile byDefault, string description)
    {
        var profile = new Option<string>("--profile") { Description = description, DefaultValueFactory = _ => byDefault.Name };
        profile.AcceptOnlyFromAmong(ProfileNames);
        return profile;
    }

    private static void Print(QrDecoding decoding, string language)
    {
        var count = decoding.Errors.Count;
        (Trilingual Label, Trilingual Value)[] summary =
        [
            (new("bộ quy tắc", "规则集", "profile"), new(decoding.Profile, decoding.Profile, decoding.Profile)),
            (new("CRC", "CRC", "crc"), decoding.CrcValid ? new("khớp", "正确", "holds") : new("không khớp", "不正确", "does not hold")),
            (new("hợp lệ", "有效", "valid"), decoding.Valid ? new("có", "是", "yes")
                : new($"không, {count} vi phạm", $"否，{count}项违规", $"no, {count} violation{(count == 1 ? "" : "s")}")),
        ];
        var labelWidth = summary.Max(s => s.Label.In(language)!.Length) + 2;
        foreach (var (label, value) in summary) Console.WriteLine(label.In(language)!.PadRight(labelWidth) + value.In(language));
        Console.WriteLine();
        PrintFields(decoding.Fields, 0);
        PrintFindings(decoding.Errors);
        PrintFindings(decoding.Warnings);
    }

    // Violations, then warnings (known deviations: they never make a code invalid), each as tag, rule and sentence.
    private static void PrintFindings(IReadOnlyList<QrViolation> findings)
    {
        if (findings.Count == 0) return;
        Console.WriteLine();
        var width = findings.Max(e => e.Tag.Length);
        foreach (var finding in findings) Console.WriteLine($"{finding.Tag.PadRight(width)}  {finding.Rule,-9}  {finding.Message}");
    }

    private static void PrintFields(IReadOnlyList<QrField> fields, int depth)
    {
        foreach (var field in fields)
        {
            var tag = (new string(' ', depth * 2) + field.Tag).PadRight(14);
            Console.WriteLine(field.Fields is null ? $"{tag}{field.Name,-50} {field.Value}" : $"{tag}{field.Name}");
            if (field.Fields is not null) PrintFields(field.Fields, depth + 1);
        }
    }
}
