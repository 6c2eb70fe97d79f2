namespace FriendshipGate.Gate;

/// <summary>
/// Number plates compared the way a camera reads them: upper case, letters and digits only, so "29C-123.45" and "29C12345"
/// are the same truck (Vietnamese plates carry dashes and dots, Chinese ones a province character and a dot).
/// </summary>
public static class PlateNumber
{
    public static string Normalize(string? plate) =>
        string.Concat((plate ?? "").Where(char.IsLetterOrDigit)).ToUpperInvariant();
}
