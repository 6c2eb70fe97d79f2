using System.Globalization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// One kind of violation: its rule code and its sentence in English, Vietnamese and simplified Chinese, with {0}, {1}… for
/// what varies. An argument that is itself <see cref="Trilingual"/> (a data object's name, "the payload") is put in each
/// sentence in that sentence's language; anything else is written as it is.
/// </summary>
internal sealed record QrMessage(string Rule, string En, string Vi, string Zh)
{
    public QrViolation At(string tag, params object[] arguments) =>
        new(tag, Rule, new Trilingual(Fill(Vi, "vi", arguments), Fill(Zh, "zh", arguments), Fill(En, "en", arguments)));

    private static string Fill(string sentence, string language, object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, sentence, [.. arguments.Select(a => a is Trilingual t ? t.In(language) : a)]);
}
