namespace FriendshipGate.Fleet;

/// <summary>
/// The VDA 5050 version a vehicle speaks: 2.0.0 or 2.1.0. Both share the topic major version "v2"; messages to and
/// from a vehicle carry only the fields its version defines, so each one validates against that version's schema.
/// </summary>
public sealed record Vda5050Version
{
    public static readonly Vda5050Version V2_0 = new("2.0.0");
    public static readonly Vda5050Version V2_1 = new("2.1.0");

    private Vda5050Version(string text) => Text = text;

    /// <summary>The header's version field, "2.0.0" or "2.1.0".</summary>
    public string Text { get; }

    /// <summary>The topic level shared by every 2.x version.</summary>
    public string TopicMajor => "v2";

    /// <summary>Fields and values added in 2.1 (maps, corridors, orientationType, errorHint, object action values, ...).</summary>
    public bool Has21Fields => this == V2_1;

    /// <summary>Accepts "2.0", "2.0.0", "2.1" or "2.1.0".</summary>
    /// <exception cref="FormatException">Any other text.</exception>
    public static Vda5050Version Parse(string text) => text.Trim() switch
    {
        "2.0" or "2.0.0" => V2_0,
        "2.1" or "2.1.0" => V2_1,
        _ => throw new FormatException($"VDA 5050 version '{text}' is not supported; use 2.0 or 2.1."),
    };

    public override string ToString() => Text;
}
