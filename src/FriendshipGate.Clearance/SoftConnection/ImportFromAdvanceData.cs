namespace FriendshipGate.Clearance;

/// <summary>The importer's choices when turning advance data into its import declaration: nothing is retyped but these.</summary>
public sealed record ImportFromAdvanceInput(string? Kind, List<ItemCodeChoice?>? Items, PartyInput? Declarant, TransportInput? Transport, DocumentsInput? Documents);

/// <summary>Which of this side's candidate codes an item takes (needed when the crosswalk offers several, or none).</summary>
public sealed record ItemCodeChoice(int Number, string? CommodityCode);

/// <summary>Builds an import declaration from the other side's export, item by item, with this side's codes.</summary>
public static class ImportFromAdvanceData
{
    public static DeclarationInput Build(AdvanceData advance, ImportFromAdvanceInput choices, ValidationErrors errors)
    {
        var content = advance.Content;
        var items = new List<GoodsItemInput?>();
        for (var i = 0; i < content.Items.Count; i++)
        {
            var item = content.Items[i];
            var candidates = advance.Items.FirstOrDefault(a => a.Number == item.Number)?.Candidates ?? [];
            var chosen = choices.Items?.FirstOrDefault(c => c?.Number == item.Number)?.CommodityCode?.Trim();
            string? code = null;
            if (chosen is not null)
            {
                // A code outside the candidates would be a guess; with no candidates at all, the importer names its own code.
                if (candidates.Count > 0 && !candidates.Any(c => c.Code == chosen))
                    errors.Add($"items[{i}].commodityCode", $"{chosen} is not a candidate for {item.CommodityCode}; choose one of {Codes(candidates)}.",
                        $"{chosen} không phải là mã ứng viên cho {item.CommodityCode}; hãy chọn một trong các mã {Codes(candidates)}.",
                        $"{chosen}不是{item.CommodityCode}的候选编码；请从{Codes(candidates)}中选择一个。");
                else code = chosen;
            }
            else if (candidates.Count == 1) code = candidates[0].Code;
            else if (candidates.Count > 1)
                errors.Add($"items[{i}].commodityCode", $"{item.CommodityCode} maps to several codes here; choose one of {Codes(candidates)}.",
                    $"{item.CommodityCode} tương ứng với nhiều mã số ở bên này; hãy chọn một trong các mã {Codes(candidates)}.",
                    $"{item.CommodityCode}在本方对应多个编码；请从{Codes(candidates)}中选择一个。");
            else
                errors.Add($"items[{i}].commodityCode", $"{item.CommodityCode} is unmapped in the goods crosswalk; name this side's code yourself (it is never guessed).",
                    $"{item.CommodityCode} chưa có mã tương ứng trong bảng tương quan mã hàng hóa; hãy tự khai mã số của bên này (mã số không bao giờ được phỏng đoán).",
                    $"{item.CommodityCode}在商品编码对照表中没有对应编码；请自行填写本方商品编码（编码绝不推测）。");
            items.Add(new GoodsItemInput(item.Description, code, item.Product, item.Quantity, item.Unit, item.NetKg, item.GrossKg, item.Value, item.Currency, item.Origin));
        }
        var t = content.Transport;
        var d = content.Documents;
        return new DeclarationInput(
            DeclarationType.Import, choices.Kind, Party(content.Exporter), Party(content.Importer), choices.Declarant, items,
            choices.Transport ?? new TransportInput(t.Mode, t.Plate, t.Nationality, [.. t.Containers], [.. t.Seals]),
            choices.Documents ?? new DocumentsInput(d.PhytosanitaryCertificate, d.VeterinaryHealthCertificate,
                d.CertificateOfOrigin is { } co ? new CertificateOfOriginInput(co.Kind, co.Number) : null,
                [.. d.GrowingAreaCodes], [.. d.PackingHouseCodes], [.. d.ProcessingFacilityCodes]));
    }

    private static string Codes(IEnumerable<NationalCode> candidates) => string.Join(", ", candidates.Select(c => c.Code));

    private static PartyInput Party(Party party) => new(party.Id, party.Name, party.Country, party.AeoId);
}
