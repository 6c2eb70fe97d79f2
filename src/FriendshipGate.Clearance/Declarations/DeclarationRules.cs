using System.Text.RegularExpressions;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>
/// The rules a declaration must meet. Every broken rule is reported at once, each naming its field, so the trader fixes
/// everything in one go (the portal calls the dry run as the trader types).
/// </summary>
public static partial class DeclarationRules
{
    public const int MaxItems = 999;

    /// <summary>UN/ECE Recommendation 20 units accepted for quantities.</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string> { "KGM", "TNE", "NAR", "H87", "C62", "CT", "BX", "BG", "PK", "LTR", "MTQ", "MTK", "PR", "SET" };

    public static DeclarationContent? Check(DeclarationInput input, DeclarationContext context, ValidationErrors errors)
    {
        var type = input.Type?.Trim().ToLowerInvariant();
        if (type is null) errors.Add("type", "is required: export, import or transit.",
            "là bắt buộc: export (xuất khẩu), import (nhập khẩu) hoặc transit (quá cảnh).", "必填：export（出口）、import（进口）或 transit（过境）。");
        else if (!DeclarationType.All.Contains(type)) errors.Add("type", $"'{input.Type}' must be export, import or transit.",
            $"“{input.Type}” phải là export (xuất khẩu), import (nhập khẩu) hoặc transit (quá cảnh).", $"“{input.Type}”必须是 export（出口）、import（进口）或 transit（过境）。");

        var kind = input.Kind?.Trim().ToLowerInvariant() ?? DeclarationKind.Complete;
        if (kind is not (DeclarationKind.Complete or DeclarationKind.Summary)) errors.Add("kind", $"'{input.Kind}' must be complete or summary.",
            $"“{input.Kind}” phải là complete (tờ khai đầy đủ) hoặc summary (tờ khai tóm tắt).", $"“{input.Kind}”必须是 complete（完整申报）或 summary（概要申报）。");
        else if (kind == DeclarationKind.Summary && (context.Side != "CN" || type != DeclarationType.Import))
            errors.Add("kind", "a summary declaration (two-step) is China's option for imports only.",
                "tờ khai tóm tắt (khai báo hai bước) là phương thức của Trung Quốc, chỉ áp dụng cho hàng nhập khẩu.", "概要申报（两步申报）是中方的申报方式，仅适用于进口。");
        var summary = kind == DeclarationKind.Summary;

        var exporter = CheckParty(input.Exporter, "exporter", required: true, context, errors);
        var importer = CheckParty(input.Importer, "importer", required: true, context, errors);
        var declarant = CheckParty(input.Declarant, "declarant", required: false, context, errors);
        if (type == DeclarationType.Export && exporter?.Country is { } ec && ec != context.Side)
            errors.Add("exporter.country", $"an export declared in {context.Side} has an exporter in {context.Side}, not {ec}.",
                $"tờ khai xuất khẩu khai tại {context.Side} phải có người xuất khẩu ở {context.Side}, không phải {ec}.", $"在{context.Side}申报的出口，出口商应在{context.Side}，而不是{ec}。");
        if (type == DeclarationType.Import && importer?.Country is { } ic && ic != context.Side)
            errors.Add("importer.country", $"an import declared in {context.Side} has an importer in {context.Side}, not {ic}.",
                $"tờ khai nhập khẩu khai tại {context.Side} phải có người nhập khẩu ở {context.Side}, không phải {ic}.", $"在{context.Side}申报的进口，进口商应在{context.Side}，而不是{ic}。");

        var items = new List<GoodsItem>();
        if (input.Items is not { Count: > 0 }) errors.Add("items", "at least one goods item is required.", "cần có ít nhất một dòng hàng.", "至少需要一项商品。");
        else if (input.Items.Count > MaxItems) errors.Add("items", $"at most {MaxItems} goods items per declaration.", $"mỗi tờ khai có tối đa {MaxItems} dòng hàng.", $"每份报关单最多{MaxItems}项商品。");
        else
            for (var i = 0; i < input.Items.Count; i++)
                if (CheckItem(input.Items[i], i, type, summary, context, errors) is { } item) items.Add(item);

        var transport = CheckTransport(input.Transport, errors);
        var documents = ProtocolRules.Check(input.Documents, type ?? "", summary, items, context, errors);
        if (errors.Any) return null;
        return new DeclarationContent(type!, kind, exporter!, importer!, declarant, items, transport!, documents!);
    }

    private static Party? CheckParty(PartyInput? input, string field, bool required, DeclarationContext context, ValidationErrors errors)
    {
        if (input is null)
        {
            if (required) errors.Add(field, ValidationErrors.IsRequired);
            return null;
        }
        var id = input.Id?.Trim();
        if (string.IsNullOrEmpty(id)) errors.Add($"{field}.id", "is required (the company's tax or enterprise code).",
            "là bắt buộc (mã số thuế hoặc mã số doanh nghiệp của công ty).", "必填（企业的纳税人识别号或企业代码）。");
        else if (!CompanyId().IsMatch(id)) errors.Add($"{field}.id", $"'{id}' must be 3-20 letters, digits or dashes.",
            $"“{id}” phải gồm 3-20 chữ cái, chữ số hoặc dấu gạch ngang.", $"“{id}”必须由3-20个字母、数字或连字符组成。");
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add($"{field}.name", ValidationErrors.IsRequired);
        else if (name.Length > 200) errors.Add($"{field}.name", "must be at most 200 characters.", "tối đa 200 ký tự.", "不得超过200个字符。");
        var country = input.Country?.Trim().ToUpperInvariant();
        if (country is not null && !CountryCode().IsMatch(country)) errors.Add($"{field}.country", $"'{input.Country}' must be an ISO 3166 alpha-2 code such as VN or CN.",
            $"“{input.Country}” phải là mã ISO 3166 alpha-2, ví dụ VN hoặc CN.", $"“{input.Country}”必须是 ISO 3166 两位字母代码，如 VN 或 CN。");
        var aeoId = input.AeoId?.Trim();
        if (!string.IsNullOrEmpty(aeoId) && id is not null)
        {
            if (context.FindAeo(aeoId) is not { } aeo)
                errors.Add($"{field}.aeoId", $"{aeoId} is in neither side's AEO register.",
                    $"{aeoId} không có trong danh sách AEO của bên nào.", $"{aeoId}不在任何一方的AEO名录中。");
            else if (!aeo.GivesBenefits)
                errors.Add($"{field}.aeoId", $"{aeoId} was {aeo.Status} on {aeo.Since:yyyy-MM-dd} by {aeo.Side} customs and no longer gives AEO benefits; remove it to declare without them.",
                    $"{aeoId} đã bị hải quan {aeo.Side} chuyển sang trạng thái {aeo.Status} ngày {aeo.Since:yyyy-MM-dd} và không còn được hưởng ưu tiên AEO; hãy bỏ mã này để khai báo không có ưu tiên.",
                    $"{aeoId}已于{aeo.Since:yyyy-MM-dd}被{aeo.Side}海关设为{aeo.Status}，不再享受AEO便利措施；请删除该编号，按不享受便利措施申报。");
            else if (!string.Equals(aeo.CompanyId, id, StringComparison.OrdinalIgnoreCase))
                errors.Add($"{field}.aeoId", $"{aeoId} is granted to company {aeo.CompanyId}, not {id}.",
                    $"{aeoId} được cấp cho công ty {aeo.CompanyId}, không phải {id}.", $"{aeoId}授予的是企业{aeo.CompanyId}，而不是{id}。");
        }
        return errors.Has(field + ".") ? null : new Party(id!, name!, country, string.IsNullOrEmpty(aeoId) ? null : aeoId);
    }

    private static GoodsItem? CheckItem(GoodsItemInput? input, int index, string? type, bool summary, DeclarationContext context, ValidationErrors errors)
    {
        var field = $"items[{index}]";
        if (input is null)
        {
            errors.Add(field, "is empty.", "để trống.", "为空。");
            return null;
        }
        var description = input.Description;
        if (description is null || (string.IsNullOrWhiteSpace(description.Vi) && string.IsNullOrWhiteSpace(description.Zh) && string.IsNullOrWhiteSpace(description.En)))
            errors.Add($"{field}.description", "is required in at least one of vi, zh and en.",
                "là bắt buộc bằng ít nhất một trong các ngôn ngữ vi, zh và en.", "必须至少以 vi、zh、en 中的一种语言填写。");
        else if (new[] { description.Vi, description.Zh, description.En }.Any(d => d?.Length > 500))
            errors.Add($"{field}.description", "must be at most 500 characters in each language.", "mỗi ngôn ngữ tối đa 500 ký tự.", "每种语言不得超过500个字符。");

        var code = input.CommodityCode?.Replace(".", "", StringComparison.Ordinal).Trim();
        var digits = context.Side == "VN" ? 8 : 10;
        if (string.IsNullOrEmpty(code)) errors.Add($"{field}.commodityCode", $"is required ({context.Side}'s {digits}-digit code).",
            $"là bắt buộc (mã số hàng hóa {digits} chữ số của {context.Side}).", $"必填（{context.Side}的{digits}位商品编码）。");
        else if (code.Length != digits || !code.All(char.IsAsciiDigit))
            errors.Add($"{field}.commodityCode", $"'{input.CommodityCode}' must be {context.Side}'s {digits}-digit national code.",
                $"“{input.CommodityCode}” phải là mã số hàng hóa quốc gia {digits} chữ số của {context.Side}.", $"“{input.CommodityCode}”必须是{context.Side}的{digits}位国家商品编码。");
        else if (type == DeclarationType.Export && context.Crosswalk.Lookup(code) is { Status: not CrosswalkLookup.Mapped } lookup)
        {
            var other = DeclarationContent.Other(context.Side);
            errors.Add($"{field}.commodityCode", lookup.Status == CrosswalkLookup.Unknown
                ? new Trilingual(
                    En: $"{code} is not in goods crosswalk {lookup.CrosswalkVersion}, so it cannot be shared with {other}; codes are never guessed.",
                    Vi: $"{code} không có trong bảng tương quan mã hàng hóa {lookup.CrosswalkVersion} nên không thể chia sẻ với {other}; mã số không bao giờ được phỏng đoán.",
                    Zh: $"{code}不在商品编码对照表{lookup.CrosswalkVersion}中，因此无法与{other}共享；编码绝不推测。")
                : new Trilingual(
                    En: $"{code} has no mapping to {other} codes in goods crosswalk {lookup.CrosswalkVersion}; codes are never guessed.",
                    Vi: $"{code} không có mã tương ứng của {other} trong bảng tương quan mã hàng hóa {lookup.CrosswalkVersion}; mã số không bao giờ được phỏng đoán.",
                    Zh: $"{code}在商品编码对照表{lookup.CrosswalkVersion}中没有对应的{other}编码；编码绝不推测。"));
        }

        if (input.Quantity is not { } quantity) errors.Add($"{field}.quantity", ValidationErrors.IsRequired);
        else if (quantity <= 0 || quantity > 1_000_000_000) errors.Add($"{field}.quantity", "must be more than 0 and at most 1,000,000,000.",
            "phải lớn hơn 0 và không quá 1.000.000.000.", "必须大于0且不超过1,000,000,000。");
        var unit = input.Unit?.Trim().ToUpperInvariant();
        if (unit is null) errors.Add($"{field}.unit", "is required (UN/ECE Rec. 20, e.g. KGM).",
            "là bắt buộc (theo Khuyến nghị số 20 của UN/ECE, ví dụ KGM).", "必填（按 UN/ECE 第20号建议书，如 KGM）。");
        else if (!Units.Contains(unit)) errors.Add($"{field}.unit", $"'{input.Unit}' must be one of {string.Join(", ", Units)} (UN/ECE Rec. 20).",
            $"“{input.Unit}” phải là một trong các đơn vị {string.Join(", ", Units)} (Khuyến nghị số 20 của UN/ECE).",
            $"“{input.Unit}”必须是以下单位之一：{string.Join(", ", Units)}（UN/ECE 第20号建议书）。");
        if (input.NetKg is not { } net) errors.Add($"{field}.netKg", ValidationErrors.IsRequired);
        else if (net <= 0 || net > 100_000) errors.Add($"{field}.netKg", "must be more than 0 and at most 100,000 kg.",
            "phải lớn hơn 0 và không quá 100.000 kg.", "必须大于0且不超过100,000千克。");
        if (input.GrossKg is not { } gross) errors.Add($"{field}.grossKg", ValidationErrors.IsRequired);
        else if (gross <= 0 || gross > 100_000) errors.Add($"{field}.grossKg", "must be more than 0 and at most 100,000 kg.",
            "phải lớn hơn 0 và không quá 100.000 kg.", "必须大于0且不超过100,000千克。");
        else if (input.NetKg is { } n && gross < n) errors.Add($"{field}.grossKg", $"{gross} kg is less than the net weight {n} kg.",
            $"{gross} kg nhỏ hơn trọng lượng tịnh {n} kg.", $"毛重{gross}千克小于净重{n}千克。");
        if (input.Value is { } value && (value < 0 || value > 1_000_000_000_000)) errors.Add($"{field}.value", "must be at least 0 and at most 10^12.",
            "phải từ 0 đến tối đa 10^12.", "必须不小于0且不超过10^12。");
        else if (input.Value is null && !summary) errors.Add($"{field}.value", "is required (a summary declaration may leave it for the complete one).",
            "là bắt buộc (tờ khai tóm tắt có thể để trống và khai ở tờ khai đầy đủ).", "必填（概要申报可留待完整申报时填写）。");
        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (input.Value is not null && currency is null) errors.Add($"{field}.currency", "is required with a value (ISO 4217, e.g. USD).",
            "là bắt buộc khi có trị giá (mã ISO 4217, ví dụ USD).", "填写货值时必填（ISO 4217 代码，如 USD）。");
        else if (currency is not null && !CurrencyCode().IsMatch(currency)) errors.Add($"{field}.currency", $"'{input.Currency}' must be an ISO 4217 code such as USD, CNY or VND.",
            $"“{input.Currency}” phải là mã ISO 4217, ví dụ USD, CNY hoặc VND.", $"“{input.Currency}”必须是 ISO 4217 代码，如 USD、CNY 或 VND。");
        var origin = input.Origin?.Trim().ToUpperInvariant();
        if (origin is null) errors.Add($"{field}.origin", "is required (ISO 3166 alpha-2 country of origin).",
            "là bắt buộc (mã nước xuất xứ theo ISO 3166 alpha-2).", "必填（原产国的 ISO 3166 两位字母代码）。");
        else if (!CountryCode().IsMatch(origin)) errors.Add($"{field}.origin", $"'{input.Origin}' must be an ISO 3166 alpha-2 code such as VN.",
            $"“{input.Origin}” phải là mã ISO 3166 alpha-2, ví dụ VN.", $"“{input.Origin}”必须是 ISO 3166 两位字母代码，如 VN。");

        var product = input.Product?.Trim();
        return errors.Has(field + ".") || errors.Has(field + "]") ? null
            : new GoodsItem(index + 1, description!, code!, string.IsNullOrEmpty(product) ? null : product, input.Quantity!.Value, unit!,
                input.NetKg!.Value, input.GrossKg!.Value, input.Value, currency, origin!);
    }

    private static Transport? CheckTransport(TransportInput? input, ValidationErrors errors)
    {
        if (input is null)
        {
            errors.Add("transport", ValidationErrors.IsRequired);
            return null;
        }
        var mode = input.Mode?.Trim().ToLowerInvariant();
        if (mode is null) errors.Add("transport.mode", "is required: road, rail or unmanned.",
            "là bắt buộc: road (đường bộ), rail (đường sắt) hoặc unmanned (xe không người lái).", "必填：road（公路）、rail（铁路）或 unmanned（无人驾驶车辆）。");
        else if (!TransportMode.All.Contains(mode)) errors.Add("transport.mode", $"'{input.Mode}' must be road, rail or unmanned.",
            $"“{input.Mode}” phải là road (đường bộ), rail (đường sắt) hoặc unmanned (xe không người lái).", $"“{input.Mode}”必须是 road（公路）、rail（铁路）或 unmanned（无人驾驶车辆）。");
        var plate = input.Plate?.Trim().ToUpperInvariant();
        var nationality = input.Nationality?.Trim().ToUpperInvariant();
        if (mode == TransportMode.Road && string.IsNullOrEmpty(plate)) errors.Add("transport.plate", "is required for road transport.",
            "là bắt buộc đối với vận tải đường bộ.", "公路运输时必填。");
        else if (plate is { Length: > 0 } && (plate.Length is < 4 or > 16)) errors.Add("transport.plate", $"'{plate}' must be 4-16 characters.",
            $"“{plate}” phải có 4-16 ký tự.", $"“{plate}”必须为4-16个字符。");
        if (mode == TransportMode.Road && string.IsNullOrEmpty(nationality)) errors.Add("transport.nationality", "is required for road transport (ISO 3166 alpha-2).",
            "là bắt buộc đối với vận tải đường bộ (mã ISO 3166 alpha-2).", "公路运输时必填（ISO 3166 两位字母代码）。");
        else if (nationality is { Length: > 0 } && !CountryCode().IsMatch(nationality)) errors.Add("transport.nationality", $"'{nationality}' must be an ISO 3166 alpha-2 code.",
            $"“{nationality}” phải là mã ISO 3166 alpha-2.", $"“{nationality}”必须是 ISO 3166 两位字母代码。");
        var containers = new List<string>();
        for (var i = 0; i < (input.Containers?.Count ?? 0); i++)
        {
            if (ContainerNumber.Check(input.Containers![i], out var number) is { } reason) errors.Add($"transport.containers[{i}]", reason);
            else if (containers.Contains(number.Value)) errors.Add($"transport.containers[{i}]", $"{number} is listed twice.",
                $"{number} bị khai trùng hai lần.", $"{number}重复填报。");
            else containers.Add(number.Value);
        }
        if (mode == TransportMode.Unmanned && input.Containers is not { Count: > 0 }) errors.Add("transport.containers", "an unmanned vehicle carries at least one container.",
            "xe không người lái phải chở ít nhất một container.", "无人驾驶车辆至少须装载一个集装箱。");
        var seals = new List<string>();
        for (var i = 0; i < (input.Seals?.Count ?? 0); i++)
        {
            var seal = input.Seals![i]?.Trim().ToUpperInvariant();
            if (seal is null || !SealNumber().IsMatch(seal)) errors.Add($"transport.seals[{i}]", $"'{input.Seals[i]}' must be 4-20 letters, digits or dashes.",
                $"“{input.Seals[i]}” phải gồm 4-20 chữ cái, chữ số hoặc dấu gạch ngang.", $"“{input.Seals[i]}”必须由4-20个字母、数字或连字符组成。");
            else seals.Add(seal);
        }
        return errors.Has("transport") ? null : new Transport(mode!, plate is { Length: > 0 } ? plate : null, nationality is { Length: > 0 } ? nationality : null, containers, seals);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{3,20}$")]
    private static partial Regex CompanyId();

    [GeneratedRegex("^[A-Z]{2}$")]
    internal static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex("^[A-Z0-9-]{4,20}$")]
    private static partial Regex SealNumber();
}
