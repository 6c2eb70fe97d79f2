namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The codes a warning carries (docs/payments/emvco-qr.md, section 6 and the NAPAS errata table). A warning has the same
/// <c>{tag, rule, message}</c> shape as a violation but never makes a code invalid: it says why a code was read despite a
/// known deviation, or what a refused code's producer most likely got wrong.
/// </summary>
public static class QrWarning
{
    /// <summary>A template ends a few characters after its last data object: that object's length looks miscounted.</summary>
    public const string LengthMiscounted = "length-miscounted";

    /// <summary>The payload is well-formed only when its lengths are counted in UTF-8 bytes instead of characters.</summary>
    public const string LengthInBytes = "length-in-bytes";

    /// <summary>The payload format indicator is '00' where EMVCo fixes '01'; read under vietqr, as bank apps do.</summary>
    public const string FormatIndicatorZero = "format-indicator-00";

    public static readonly IReadOnlyList<string> All = [LengthMiscounted, LengthInBytes, FormatIndicatorZero];
}
