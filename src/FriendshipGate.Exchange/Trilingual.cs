namespace FriendshipGate.Exchange;

/// <summary>Text in the three languages people read at the border: Vietnamese, simplified Chinese, English.</summary>
public sealed record Trilingual(string? Vi, string? Zh, string? En)
{
    /// <summary>The text in <paramref name="language"/> (vi, zh or en), else the first one given.</summary>
    public string? In(string language) => language switch { "vi" => Vi, "zh" => Zh, _ => En } ?? En ?? Vi ?? Zh;
}
