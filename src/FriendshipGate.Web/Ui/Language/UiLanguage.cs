using System.Globalization;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Web.Ui;

/// <summary>
/// The three languages of the screens: Vietnamese, simplified Chinese and English. The browser's language is the default;
/// a choice is kept in a cookie and, for a signed-in user, in their account.
/// </summary>
public static class UiLanguage
{
    public const string Vietnamese = "vi", Chinese = "zh", English = "en";
    public static readonly IReadOnlyList<string> All = [Vietnamese, Chinese, English];

    /// <summary>The culture each language formats dates and numbers with.</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language switch
    {
        Vietnamese => "vi-VN",
        Chinese => "zh-CN",
        _ => "en-GB",
    });

    /// <summary>vi, zh or en for the current UI culture.</summary>
    public static string Current => Of(CultureInfo.CurrentUICulture);

    public static string Of(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        Vietnamese => Vietnamese,
        Chinese => Chinese,
        _ => English,
    };

    /// <summary>Each language's own name, as shown in the language switch.</summary>
    public static string NativeName(string language) => language switch
    {
        Vietnamese => "Tiếng Việt",
        Chinese => "中文",
        _ => "English",
    };
}

/// <summary>
/// Every label, message and error of the screens in vi, zh and en, from the embedded ui-text.json.
/// A missing key shows as [key] rather than failing, and a test checks that every key has all three languages.
/// </summary>
public sealed class UiText
{
    private readonly IReadOnlyDictionary<string, Trilingual> texts;

    public UiText()
    {
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream("ui-text.json")
            ?? throw new InvalidOperationException("ui-text.json is not embedded in the Web assembly.");
        texts = JsonSerializer.Deserialize<Dictionary<string, Trilingual>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException("ui-text.json is empty.");
    }

    public IReadOnlyDictionary<string, Trilingual> All => texts;

    /// <summary>The text for <paramref name="key"/> in the current UI language.</summary>
    public string this[string key] => Get(key, UiLanguage.Current);

    /// <summary>The text for <paramref name="key"/> with {0}, {1}… filled in, formatted for the current culture.</summary>
    public string Format(string key, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, this[key], arguments);

    public string Get(string key, string language) =>
        texts.TryGetValue(key, out var text) ? text.In(language) ?? $"[{key}]" : $"[{key}]";
}
