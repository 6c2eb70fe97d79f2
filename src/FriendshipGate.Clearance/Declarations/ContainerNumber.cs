using FriendshipGate.Exchange;

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
        var problem = Check(text, out number);
        reason = problem?.En ?? "";
        return problem is null;
    }

    /// <summary>Parses like <see cref="TryParse"/>; null when the number is valid, else what is wrong in Vietnamese, Chinese and English.</summary>
    public static Trilingual? Check(string? text, out ContainerNumber number)
    {
        number = default;
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length != 11 || !compact[..4].All(char.IsAsciiLetterUpper) || !compact[4..].All(char.IsAsciiDigit))
            return new Trilingual(
                En: $"'{text}' is not an ISO 6346 container number (4 letters, 6 digits and a check digit, e.g. CSQU3054383).",
                Vi: $"“{text}” không phải là số container theo ISO 6346 (4 chữ cái, 6 chữ số và 1 số kiểm tra, ví dụ CSQU3054383).",
                Zh: $"“{text}”不是 ISO 6346 集装箱号（4个字母、6位数字和1位校验码，如 CSQU3054383）。");
        if (compact[3] is not ('U' or 'J' or 'Z'))
            return new Trilingual(
                En: $"'{text}' has category '{compact[3]}'; ISO 6346 allows U (freight container), J (detachable equipment) or Z (trailer).",
                Vi: $"“{text}” có ký hiệu loại “{compact[3]}”; ISO 6346 chỉ cho phép U (container chở hàng), J (thiết bị tháo rời) hoặc Z (rơ-moóc, sơ-mi rơ-moóc).",
                Zh: $"“{text}”的箱类代码为“{compact[3]}”；ISO 6346 只允许 U（货运集装箱）、J（可拆卸设备）或 Z（拖车及底盘车）。");
        var expected = CheckDigit(compact.AsSpan(0, 10));
        if (compact[10] - '0' != expected)
            return new Trilingual(
                En: $"'{text}' fails the ISO 6346 check digit: the first 10 characters give {expected}, not {compact[10]}.",
                Vi: $"“{text}” sai số kiểm tra theo ISO 6346: 10 ký tự đầu cho ra {expected}, không phải {compact[10]}.",
                Zh: $"“{text}”未通过 ISO 6346 校验：前10位字符算出的校验码为{expected}，而不是{compact[10]}。");
        number = new ContainerNumber(compact);
        return null;
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
