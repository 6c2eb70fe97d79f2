using System.Globalization;
using System.Net;
using System.Text;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Clearance;

internal static class TimeReleaseApi
{
    public sealed record TrsReport(string Side, DateTimeOffset From, DateTimeOffset To, string GroupBy, IReadOnlyList<TrsGroup> Groups);

    public static void Map(RouteGroupBuilder group)
    {
        var trs = group.MapGroup("trs").RequireAuthorization(NodePolicies.Officer);
        trs.MapGet("", ReportAsync).WithSummary("Time Release Study: segment durations (hours) with median, p90, p95 by group, and the share released within 6 and 48 hours.");
        trs.MapGet("declarations.csv", CsvAsync).WithSummary("Every declaration's timestamps and segments, as CSV.");
        trs.MapGet("report", PageAsync).WithSummary("The Time Release Study as a readable page (vi / zh / en).");
    }

    private static async Task<Results<Ok<TrsReport>, ValidationProblem>> ReportAsync(TimeReleaseData data, ClearanceOptions options, TimeProvider time,
        CancellationToken cancellationToken, DateTimeOffset? from = null, DateTimeOffset? to = null, string groupBy = "lane")
    {
        if (!TimeReleaseStudy.Groupings.Contains(groupBy))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["groupBy"] = [$"'{groupBy}' must be one of {string.Join(", ", TimeReleaseStudy.Groupings)}."] });
        var (start, end) = Period(from, to, time);
        var rows = await data.LoadAsync(start, end, cancellationToken);
        return TypedResults.Ok(new TrsReport(options.Side, start, end, groupBy, TimeReleaseStudy.Compute(rows, groupBy)));
    }

    private static async Task<IResult> CsvAsync(TimeReleaseData data, TimeProvider time, CancellationToken cancellationToken, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var (start, end) = Period(from, to, time);
        var csv = new StringBuilder("number,side,type,lane,aeo,perishable,lodged,arrived,riskDecided,inspected,released,exited,journeyEnd," + string.Join(',', TrsSegment.All.Select(s => s + "Hours")) + "\n");
        static string T(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? "";
        foreach (var d in await data.LoadAsync(start, end, cancellationToken))
        {
            var segments = d.Segments();
            csv.Append(CultureInfo.InvariantCulture, $"{d.Number},{d.Side},{d.Type},{d.Lane},{d.Aeo},{d.Perishable},{T(d.Lodged)},{T(d.Arrived)},{T(d.RiskDecided)},{T(d.Inspected)},{T(d.Released)},{T(d.Exited)},{T(d.JourneyEnd)},");
            csv.Append(string.Join(',', TrsSegment.All.Select(s => segments.TryGetValue(s, out var h) ? h.ToString("0.####", CultureInfo.InvariantCulture) : ""))).Append('\n');
        }
        return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    private static readonly Dictionary<string, string> Names = new()
    {
        [TrsSegment.ArrivalToLodgement] = "Đến → khai báo · 抵达 → 申报 · arrival → lodgement",
        [TrsSegment.LodgementToRiskDecision] = "Khai báo → phân luồng · 申报 → 风险判别 · lodgement → risk decision",
        [TrsSegment.RiskDecisionToInspection] = "Phân luồng → kiểm tra · 风险判别 → 查验 · risk decision → inspection",
        [TrsSegment.ToRelease] = "Đến hoặc khai báo → thông quan · 抵达或申报 → 放行 · arrival or lodgement → release",
        [TrsSegment.ReleaseToExit] = "Thông quan → rời khu vực · 放行 → 离开 · release → exit",
        [TrsSegment.BorderToBorder] = "Toàn hành trình · 全程 · border to border",
    };

    private static async Task<IResult> PageAsync(TimeReleaseData data, ClearanceOptions options, TimeProvider time, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var (start, end) = Period(from, to, time);
        var rows = await data.LoadAsync(start, end, cancellationToken);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>TRS {{options.Side}}</title>
            <style>body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>
            <h1>Nghiên cứu thời gian giải phóng hàng · 货物通关时间测算 · Time Release Study — {{options.Side}}</h1>
            <p>{{start:yyyy-MM-dd HH:mm}}Z – {{end:yyyy-MM-dd HH:mm}}Z · {{rows.Count}} declarations</p>
            """);
        foreach (var groupBy in new[] { "lane", "aeo", "perishable", "type" })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(groupBy)}</h2><table><tr><th>group</th><th>n</th><th>released</th><th>≤ 6 h</th><th>≤ 48 h</th>");
            foreach (var segment in TrsSegment.All) html.Append(CultureInfo.InvariantCulture, $"<th>{WebUtility.HtmlEncode(Names[segment])}<br>median / p90 / p95 (h)</th>");
            html.Append("</tr>");
            foreach (var g in TimeReleaseStudy.Compute(rows, groupBy))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(g.Key)}</td><td>{g.Declarations}</td><td>{g.Released}</td><td>{g.ReleasedWithin6HoursShare:P1}</td><td>{g.ReleasedWithin48HoursShare:P1}</td>");
                foreach (var segment in TrsSegment.All)
                    html.Append(g.Segments.TryGetValue(segment, out var s) ? string.Create(CultureInfo.InvariantCulture, $"<td>{s.MedianHours:0.##} / {s.P90Hours:0.##} / {s.P95Hours:0.##}</td>") : "<td>—</td>");
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html", Encoding.UTF8);
    }

    private static (DateTimeOffset, DateTimeOffset) Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider time)
    {
        var end = to ?? time.GetUtcNow().AddMinutes(1);
        return (from ?? end.AddDays(-30), end);
    }
}
