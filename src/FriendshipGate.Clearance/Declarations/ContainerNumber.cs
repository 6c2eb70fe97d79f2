namespace FriendshipGate.Clearance;

/// <summary>An ISO 6346 container number: owner code (3 letters), category (U, J or Z), 6-digit serial and check digit.</summary>
public readonly record struct ContainerNumber
{
    private ContainerNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses "CSQU3054383" (spaces and a dash before the check digit are allowed); the reason says what is wrong.</summary>
    public static bool TryParse(string? text, out ContainerNumber number, out string reason)
    {
        number = default;
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 11 || !compact[..4].All(char.IsAsciiLetterUpper) || !compact[4..].All(char.IsAsciiDigit))
        {
            reason = $"'{text}' is not an ISO 6346 container number (4 letters, 6 digits and a check digit, e.g. CSQU3054383).";
            return false;
        }
        if (compact[3] is not ('U' or 'J' or 'Z'))
        {
            reason = $"'{text}' has category '{compact[3]}'; ISO 6346 allows U (freight container), J (detachable equipment) or Z (trailer).";
            return false;
        }
        var expected = CheckDigit(compact.AsSpan(0, 10));
        if (compact[10] - '0' != expected)
        {
            reason = $"'{text}' fails the ISO 6346 check digit: the first 10 characters give {expected}, not {compact[10]}.";
            return false;
        }
        number = new ContainerNumber(compact);
        reason = "";
        return true;
    }

    /// <summary>ISO 6346: letters count 10–38 skipping multiples of 11, each position weighted 2^i, sum mod 11 (10 counts as 0).</summary>
    public static int CheckDigit(ReadOnlySpan<char> first10)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var c = first10[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : LetterValue(c);
            sum += value << i;
        }
        return sum % 11 % 10;
    }

    private static int LetterValue(char letter)
    {
        // A=10, B=12, ... : the values 11, 22 and 33 are skipped.
        var value = 10 + (letter - 'A');
        if (value >= 11) value++;
        if (value >= 22) value++;
        if (value >= 33) value++;
        return value;
    }
}
