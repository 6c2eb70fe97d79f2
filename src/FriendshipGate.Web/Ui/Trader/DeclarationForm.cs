using System.Globalization;
using FriendshipGate.Clearance;
using FriendshipGate.Exchange;

namespace FriendshipGate.Web.Ui.Trader;

/// <summary>
/// What the trader types, field by field, keyed by the same paths the validation names ("items[0].grossKg"), so that each
/// message lands under its field. One goods item, one container and one seal: the portal's common case.
/// </summary>
public sealed class DeclarationForm
{
    private readonly Dictionary<string, string?> values = [];

    public string? this[string path]
    {
        get => values.GetValueOrDefault(path);
        set => values[path] = value;
    }

    public static DeclarationForm For(string side, string company)
    {
        var other = side == "VN" ? "CN" : "VN";
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

    public DeclarationInput ToInput()
    {
        var coo = Text("documents.certificateOfOrigin.number") is null ? null
            : new CertificateOfOriginInput(Text("documents.certificateOfOrigin.kind"), Text("documents.certificateOfOrigin.number"));
        var description = new Trilingual(Text("items[0].description.vi"), Text("items[0].description.zh"), Text("items[0].description.en"));
        return new DeclarationInput(
            Text("type"), "complete",
            Party("exporter"), Party("importer"), null,
            [new GoodsItemInput(description.Vi is null && description.Zh is null && description.En is null ? null : description,
                Text("items[0].commodityCode"), null, Number("items[0].quantity"), Text("items[0].unit"), Number("items[0].netKg"),
                Number("items[0].grossKg"), Number("items[0].value"), Text("items[0].currency"), Text("items[0].origin"))],
            new TransportInput(Text("transport.mode"), Text("transport.plate"), Text("transport.nationality"),
                List("transport.containers[0]"), List("transport.seals[0]")),
            new DocumentsInput(Text("documents.phytosanitaryCertificate"), null, coo,
                List("documents.growingAreaCodes[0]"), List("documents.packingHouseCodes[0]"), null));
    }

    /// <summary>A number as typed in the user's language ("18.000" in Vietnamese, "18,000" in English); unreadable stays unreadable.</summary>
    public bool IsUnreadableNumber(string path) => Text(path) is { } text && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out _);

    private PartyInput? Party(string role) =>
        Text($"{role}.id") is null && Text($"{role}.name") is null ? null : new PartyInput(Text($"{role}.id"), Text($"{role}.name"), Text($"{role}.country"), null);

    private string? Text(string path) => values.GetValueOrDefault(path)?.Trim() is { Length: > 0 } text ? text : null;

    private decimal? Number(string path) =>
        Text(path) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var value) ? value : null;

    private List<string?>? List(string path) => Text(path) is { } text ? [text] : null;
}
