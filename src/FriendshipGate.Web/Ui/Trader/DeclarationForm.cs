using System.Globalization;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;

namespace FriendshipGate.Web.Ui.Trader;

/// <summary>
/// What the trader types, field by field, keyed by the same paths the validation names ("items[1].grossKg"), so that each
/// message lands under its field. Goods items, containers, seals and site codes are lists the trader grows and shrinks;
/// removing an entry renumbers the ones after it, values and "the trader has been here" marks alike, as the validation
/// will number them on the next check.
/// </summary>
public sealed class DeclarationForm
{
    public const string Items = "items", Containers = "transport.containers", Seals = "transport.seals",
        GrowingAreas = "documents.growingAreaCodes", PackingHouses = "documents.packingHouseCodes", ProcessingFacilities = "documents.processingFacilityCodes";

    /// <summary>The lists of the form; each shows at least one (possibly empty) entry.</summary>
    public static readonly IReadOnlyList<string> Lists = [Items, Containers, Seals, GrowingAreas, PackingHouses, ProcessingFacilities];

    private readonly Dictionary<string, string?> values = [];
    private readonly Dictionary<string, int> counts = Lists.ToDictionary(l => l, _ => 1);
    private readonly HashSet<string> touched = [];

    public string? this[string path]
    {
        get => values.GetValueOrDefault(path);
        set => values[path] = value;
    }

    /// <summary>The declaration's kind (complete, or China's summary import); not a field of the form, kept as it was.</summary>
    public string Kind { get; private set; } = DeclarationKind.Complete;

    /// <summary>After a submit press every message shows, not just those of the fields the trader has been to.</summary>
    public bool ShowAll { get; set; }

    public int Count(string list) => counts[list];

    public void Touch(string path) => touched.Add(path);

    public bool IsTouched(string path) => ShowAll || touched.Contains(path);

    /// <summary>A new empty goods item gets the usual unit and currency and the first item's origin; other lists an empty entry.</summary>
    public void Add(string list)
    {
        var index = counts[list]++;
        if (list != Items) return;
        this[$"items[{index}].unit"] = "KGM";
        this[$"items[{index}].currency"] = this["items[0].currency"] ?? "USD";
        this[$"items[{index}].origin"] = this["items[0].origin"];
    }

    /// <summary>Removes entry <paramref name="index"/> of <paramref name="list"/> (never the last one left).</summary>
    public void RemoveAt(string list, int index)
    {
        if (counts[list] <= 1 || index < 0 || index >= counts[list]) return;
        foreach (var (path, value) in values.ToList())
        {
            values.Remove(path);
            if (Renumber(path, list, index) is { } kept) values[kept] = value;
        }
        var marks = touched.Select(p => Renumber(p, list, index)).OfType<string>().ToList();
        touched.Clear();
        touched.UnionWith(marks);
        counts[list]--;
    }

    /// <summary>Where <paramref name="path"/> goes once entry <paramref name="removed"/> of <paramref name="list"/> is gone; null if it went with it.</summary>
    public static string? Renumber(string path, string list, int removed)
    {
        var prefix = list + "[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return path;
        var close = path.IndexOf(']', prefix.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) return path;
        if (index == removed) return null;
        return index < removed ? path : $"{prefix}{(index - 1).ToString(CultureInfo.InvariantCulture)}{path[close..]}";
    }

    /// <summary>A new declaration on <paramref name="side"/> for <paramref name="company"/>: an export from VN, an import into CN.</summary>
    public static DeclarationForm For(string side, string company)
    {
        var other = DeclarationContent.Other(side);
        var form = new DeclarationForm();
        var export = side == "VN";
        form["type"] = export ? DeclarationType.Export : DeclarationType.Import;
        form[export ? "exporter.id" : "importer.id"] = company;
        form["exporter.country"] = export ? side : other;
        form["importer.country"] = export ? other : side;
        form["items[0].unit"] = "KGM";
        form["items[0].currency"] = "USD";
        form["items[0].origin"] = export ? side : other;
        form["transport.mode"] = TransportMode.Road;
        form["transport.nationality"] = side;
        form["documents.certificateOfOrigin.kind"] = "formE";
        return form;
    }

    /// <summary>The form filled with a declaration as it stands, numbers written the way the trader's language writes them.</summary>
    public static DeclarationForm From(DeclarationContent content)
    {
        var form = new DeclarationForm { Kind = content.Kind };
        form["type"] = content.Type;
        SetParty(form, "exporter", content.Exporter);
        SetParty(form, "importer", content.Importer);
        if (content.Declarant is { } declarant) SetParty(form, "declarant", declarant);
        form.SetList(Items, content.Items, (i, item) =>
        {
            var p = $"items[{i}]";
            form[$"{p}.description.vi"] = item.Description.Vi;
            form[$"{p}.description.zh"] = item.Description.Zh;
            form[$"{p}.description.en"] = item.Description.En;
            form[$"{p}.commodityCode"] = item.CommodityCode;
            form[$"{p}.product"] = item.Product;
            form[$"{p}.quantity"] = Show(item.Quantity);
            form[$"{p}.unit"] = item.Unit;
            form[$"{p}.netKg"] = Show(item.NetKg);
            form[$"{p}.grossKg"] = Show(item.GrossKg);
            form[$"{p}.value"] = item.Value is { } value ? Show(value) : null;
            form[$"{p}.currency"] = item.Currency;
            form[$"{p}.origin"] = item.Origin;
        });
        var transport = content.Transport;
        form["transport.mode"] = transport.Mode;
        form["transport.plate"] = transport.Plate;
        form["transport.nationality"] = transport.Nationality;
        form.SetTexts(Containers, transport.Containers);
        form.SetTexts(Seals, transport.Seals);
        var documents = content.Documents;
        form["documents.phytosanitaryCertificate"] = documents.PhytosanitaryCertificate;
        form["documents.veterinaryHealthCertificate"] = documents.VeterinaryHealthCertificate;
        form["documents.certificateOfOrigin.kind"] = documents.CertificateOfOrigin?.Kind ?? "formE";
        form["documents.certificateOfOrigin.number"] = documents.CertificateOfOrigin?.Number;
        form.SetTexts(GrowingAreas, documents.GrowingAreaCodes);
        form.SetTexts(PackingHouses, documents.PackingHouseCodes);
        form.SetTexts(ProcessingFacilities, documents.ProcessingFacilityCodes);
        return form;
    }

    public DeclarationInput ToInput() => new(Text("type"), Kind, Party("exporter"), Party("importer"), Party("declarant"),
        [.. Enumerable.Range(0, counts[Items]).Select(ItemInput)], Transport(), Documents());

    public TransportInput Transport() => new(Text("transport.mode"), Text("transport.plate"), Text("transport.nationality"), List(Containers), List(Seals));

    public DocumentsInput Documents()
    {
        var coo = Text("documents.certificateOfOrigin.number") is null ? null
            : new CertificateOfOriginInput(Text("documents.certificateOfOrigin.kind"), Text("documents.certificateOfOrigin.number"));
        return new DocumentsInput(Text("documents.phytosanitaryCertificate"), Text("documents.veterinaryHealthCertificate"), coo,
            List(GrowingAreas), List(PackingHouses), List(ProcessingFacilities));
    }

    /// <summary>A number as typed in the user's language ("18.000" in Vietnamese, "18,000" in English); unreadable stays unreadable.</summary>
    public bool IsUnreadableNumber(string path) => Text(path) is { } text && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out _);

    private GoodsItemInput ItemInput(int i)
    {
        var p = $"items[{i}]";
        var description = new Trilingual(Text($"{p}.description.vi"), Text($"{p}.description.zh"), Text($"{p}.description.en"));
        return new GoodsItemInput(description.Vi is null && description.Zh is null && description.En is null ? null : description,
            Text($"{p}.commodityCode"), Text($"{p}.product"), Number($"{p}.quantity"), Text($"{p}.unit"), Number($"{p}.netKg"),
            Number($"{p}.grossKg"), Number($"{p}.value"), Text($"{p}.currency"), Text($"{p}.origin"));
    }

    private PartyInput? Party(string role) =>
        Text($"{role}.id") is null && Text($"{role}.name") is null ? null
            : new PartyInput(Text($"{role}.id"), Text($"{role}.name"), Text($"{role}.country"), Text($"{role}.aeoId"));

    private static void SetParty(DeclarationForm form, string role, Party party)
    {
        form[$"{role}.id"] = party.Id;
        form[$"{role}.name"] = party.Name;
        form[$"{role}.country"] = party.Country;
        form[$"{role}.aeoId"] = party.AeoId;
    }

    private void SetList<T>(string list, IReadOnlyList<T> entries, Action<int, T> set)
    {
        counts[list] = Math.Max(1, entries.Count);
        for (var i = 0; i < entries.Count; i++) set(i, entries[i]);
    }

    private void SetTexts(string list, IReadOnlyList<string> entries) => SetList(list, entries, (i, text) => this[$"{list}[{i}]"] = text);

    private static string Show(decimal number) => number.ToString("#,0.######", CultureInfo.CurrentCulture);

    private string? Text(string path) => values.GetValueOrDefault(path)?.Trim() is { Length: > 0 } text ? text : null;

    private decimal? Number(string path) =>
        Text(path) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var value) ? value : null;

    // No entry typed is no list. Containers and seals keep their places, so that the validation's "transport.seals[1]" is the
    // second field even when it was left empty (and says so); site codes are checked without the empty ones, as the rules do.
    private List<string?>? List(string list)
    {
        var texts = Enumerable.Range(0, counts[list]).Select(i => Text($"{list}[{i}]")).ToList();
        if (texts.All(t => t is null)) return null;
        return list is Containers or Seals ? texts : texts.Where(t => t is not null).ToList();
    }
}
