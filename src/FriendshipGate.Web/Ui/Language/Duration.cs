using System.Globalization;

namespace FriendshipGate.Web.Ui;

/// <summary>Durations as people read them in each language: "2 h 05 min", "2 giờ 05 phút", "2小时05分".</summary>
public static class Duration
{
    public static string Format(TimeSpan span, UiText text)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var culture = CultureInfo.CurrentCulture;
        if (span.TotalMinutes < 1) return text.Format("duration.seconds", ((int)span.TotalSeconds).ToString(culture));
        if (span.TotalHours < 1) return text.Format("duration.minutes", ((int)span.TotalMinutes).ToString(culture));
        if (span.TotalDays < 2) return text.Format("duration.hoursMinutes", ((int)span.TotalHours).ToString(culture), span.Minutes.ToString("00", culture));
        return text.Format("duration.daysHours", ((int)span.TotalDays).ToString(culture), span.Hours.ToString(culture));
    }
}
