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
                    errors.Add($"items[{i}].commodityCode", $"{chosen} is not a candidate for {item.CommodityCode}; choose one of {string.Join(", ", candidates.Select(c => c.Code))}.");
                else code = chosen;
            }
            else if (candidates.Count == 1) code = candidates[0].Code;
            else if (candidates.Count > 1)
                errors.Add($"items[{i}].commodityCode", $"{item.CommodityCode} maps to several codes here; choose one of {string.Join(", ", candidates.Select(c => c.Code))}.");
            else
                errors.Add($"items[{i}].commodityCode", $"{item.CommodityCode} is unmapped in the goods crosswalk; name this side's code yourself (it is never guessed).");
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

    private static PartyInput Party(Party party) => new(party.Id, party.Name, party.Country, party.AeoId);
}
