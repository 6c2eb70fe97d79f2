using System.Globalization;

namespace FriendshipGate.Web.Ui.Gate;

/// <summary>
/// Gate times as people at the gate read them: in the node's time zone (the gate's local clock, which drivers and traders
/// plan by), formatted for the reader's language, and with the zone named so that nobody on the other side of the border
/// (one hour apart) misreads them.
/// </summary>
public static class GateTime
{
    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("t", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>"23/11/2026 14:30–15:00".</summary>
    public static string Slot(DateTimeOffset start, DateTimeOffset end) => $"{DateTime(start)}–{Time(end)}";

    /// <summary>"UTC+07:00 (Asia/Ho_Chi_Minh)": the node's zone with its offset at <paramref name="at"/>.</summary>
    public static string Zone(DateTimeOffset at)
    {
        var offset = TimeZoneInfo.Local.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset:hh\\:mm} ({TimeZoneInfo.Local.Id})";
    }
}
