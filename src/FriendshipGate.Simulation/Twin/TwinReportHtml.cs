using System.Globalization;
using System.Text;

namespace FriendshipGate.Simulation.Twin;

/// <summary>The report page: trilingual headings, the summary table and two inline SVG charts; no scripts, no external files.</summary>
internal static class TwinReportHtml
{
    private static readonly string[] Colours = ["#b03a2e", "#1f618d", "#1e8449"];

    public static string Page(TwinRun run)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>FriendshipGate twin: {TwinReport.Html(run.Scenario)}</title>");
        html.Append("<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style></head><body>");
        html.Append("<h1>Mô phỏng cửa khẩu số · 数字孪生口岸仿真 · Digital twin of the gate pair</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Scenario <b>{TwinReport.Html(run.Scenario)}</b>, {run.Days} days, seed {run.Seed}, {run.Replications} replications. Means with 95 % confidence intervals.</p>");
        if (run.CapacityMultiple is { } m)
            html.Append($"<h2>Hệ số năng lực · 通关能力倍数 · Capacity multiple (smart / baseline)</h2><p><b>{TwinReport.F(m.Mean)}</b> ({TwinReport.F(m.Low)}–{TwinReport.F(m.High)})</p>");
        html.Append("<h2>Kết quả · 结果 · Results</h2><table><tr><th>figure</th>");
        foreach (var s in run.Summaries) html.Append($"<th>{TwinReport.Html(s.Policy)}</th>");
        html.Append("</tr>");
        foreach (var name in TwinReport.Figures(run.Summaries[0]).Select(f => f.Name))
        {
            html.Append($"<tr><td>{name.Replace('_', ' ')}</td>");
            foreach (var s in run.Summaries)
            {
                var e = TwinReport.Figures(s).Single(f => f.Name == name).Value;
                html.Append($"<td>{TwinReport.F(e.Mean)} <small>({TwinReport.F(e.Low)}–{TwinReport.F(e.High)})</small></td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
        html.Append(TrsTable(run));
        html.Append("<h2>Hàng chờ theo giờ · 每小时排队车辆 · Trucks waiting, by hour</h2>");
        html.Append(LineChart(run.Summaries.Select(s => (s.Policy, s.MeanHourlyQueue)).ToList(), "hour of the run", "trucks waiting"));
        html.Append("<h2>Năng lực thông quan · 通关能力 · Capacity (vehicles/day)</h2>");
        html.Append(BarChart(run.Summaries.Select(s => (s.Policy, s.CapacityPerDay.Mean)).ToList()));
        html.Append("<p>CSV: <a href=\"summary.csv\">summary.csv</a>, <a href=\"hourly.csv\">hourly.csv</a>, <a href=\"replications.csv\">replications.csv</a>, <a href=\"trs.csv\">trs.csv</a>. What is modelled and what is assumed: docs/simulation/twin.md.</p></body></html>");
        return html.ToString();
    }

    /// <summary>Time Release Study: per lane and segment, the median (mean) hours, averaged over the replications.</summary>
    private static string TrsTable(TwinRun run)
    {
        var means = TwinReport.TrsMeans(run).ToList();
        var html = new StringBuilder("<h2>Nghiên cứu thời gian giải phóng hàng · 货物放行时间研究 · Time Release Study (hours: median, mean)</h2><table><tr><th>lane</th><th>segment</th>");
        foreach (var s in run.Summaries) html.Append($"<th>{TwinReport.Html(s.Policy)}</th>");
        html.Append("</tr>");
        foreach (var (lane, segment) in means.Select(m => (m.Lane, m.Segment)).Distinct())
        {
            html.Append($"<tr><td>{TwinReport.Html(lane)}</td><td>{TwinReport.Html(segment.Replace('_', ' '))}</td>");
            foreach (var s in run.Summaries)
            {
                var cell = means.Where(m => m.Lane == lane && m.Segment == segment && m.Policy == s.Policy).ToList();
                html.Append(cell.Count == 0 ? "<td>–</td>" : $"<td>{TwinReport.F(cell[0].Median)} <small>({TwinReport.F(cell[0].Mean)})</small></td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static string LineChart(List<(string Name, IReadOnlyList<double> Values)> series, string xLabel, string yLabel)
    {
        const double width = 900, height = 300, left = 50, bottom = 30;
        var count = series.Max(s => s.Values.Count);
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + 20}\" role=\"img\" aria-label=\"{yLabel} by {xLabel}\">"));
        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" stroke=\"#444\"/><line x1=\"{left}\" y1=\"0\" x2=\"{left}\" y2=\"{height - bottom}\" stroke=\"#444\"/>"));
        svg.Append(Invariant($"<text x=\"0\" y=\"12\" font-size=\"11\">{max:0}</text><text x=\"{left}\" y=\"{height - 5}\" font-size=\"11\">{xLabel} (0–{count})</text>"));
        for (var i = 0; i < series.Count; i++)
        {
            var (name, values) = series[i];
            var points = string.Join(' ', values.Select((v, h) => Invariant($"{left + (width - left) * h / Math.Max(1, count - 1):0.#},{(height - bottom) * (1 - v / max):0.#}")));
            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{Colours[i % Colours.Length]}\" stroke-width=\"1.5\" points=\"{points}\"/>"));
            svg.Append(Invariant($"<text x=\"{width - 150}\" y=\"{15 + 15 * i}\" font-size=\"12\" fill=\"{Colours[i % Colours.Length]}\">{TwinReport.Html(name)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static string BarChart(List<(string Name, double Value)> bars)
    {
        const double width = 600, barHeight = 28;
        var max = Math.Max(1, bars.Where(b => double.IsFinite(b.Value)).Select(b => b.Value).DefaultIfEmpty(1).Max());
        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width + 200}\" height=\"{bars.Count * (barHeight + 8)}\" role=\"img\" aria-label=\"capacity\">"));
        for (var i = 0; i < bars.Count; i++)
        {
            var value = double.IsFinite(bars[i].Value) ? bars[i].Value : 0;
            var y = i * (barHeight + 8);
            svg.Append(Invariant($"<rect x=\"80\" y=\"{y}\" width=\"{width * value / max:0.#}\" height=\"{barHeight}\" fill=\"{Colours[i % Colours.Length]}\"/>"));
            svg.Append(Invariant($"<text x=\"0\" y=\"{y + 18}\" font-size=\"12\">{TwinReport.Html(bars[i].Name)}</text><text x=\"{90 + width * value / max:0.#}\" y=\"{y + 18}\" font-size=\"12\">{value:0}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
