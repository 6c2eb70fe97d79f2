using System.Net;
using System.Text;

namespace FriendshipGate.Payments.Settlement;

/// <summary>A settlement as CSV (for the schemes' back offices) and as a plain HTML page (for people), without a template engine.</summary>
public static class SettlementDocuments
{
    /// <summary>
    /// RFC 4180 CSV, one row per scheme and participant, amounts in major units with the currency's decimals, then one
    /// "TOTAL" row per scheme (its net is zero when the scheme balances).
    /// </summary>
    public static string Csv(SettlementReport report)
    {
        var csv = new StringBuilder("settlement,cutoff,scheme,currency,participant,debits,credits,net\r\n");
        var cutoff = report.CutoffAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var scheme in report.Positions.GroupBy(p => (p.Scheme, p.Currency)))
        {
            foreach (var p in scheme)
                csv.Append($"{report.Id},{cutoff},{p.Scheme},{p.Currency},{Field(p.Participant)},{report.Format(p.Currency, p.Debits)},{report.Format(p.Currency, p.Credits)},{report.Format(p.Currency, p.Net)}\r\n");
            var (debits, credits) = (scheme.Sum(p => p.Debits), scheme.Sum(p => p.Credits));
            var currency = scheme.Key.Currency;
            csv.Append($"{report.Id},{cutoff},{scheme.Key.Scheme},{currency},TOTAL,{report.Format(currency, debits)},{report.Format(currency, credits)},{report.Format(currency, checked(credits - debits))}\r\n");
        }
        return csv.ToString();
    }

    public static string Html(SettlementReport report)
    {
        static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Settlement ").Append(E(report.Id)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem .6rem}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}.ok{color:#075}.bad{color:#b00;font-weight:bold}</style></head><body>")
            .Append("<h1>Settlement · Quyết toán · 清算</h1>")
            .Append("<p>Cut-off · Thời điểm chốt · 截止时间: <b>").Append(E(report.CutoffAt.UtcDateTime.ToString("u"))).Append("</b>")
            .Append(report.PreviousCutoffAt is { } previous ? $" (previous · trước · 上次: {E(previous.UtcDateTime.ToString("u"))})" : "")
            .Append("<br>Transfers · Số giao dịch · 转账笔数: ").Append(report.Transfers.ToString("N0"))
            .Append("<br>Id: <code>").Append(E(report.Id)).Append("</code>, by ").Append(E(report.CreatedBy)).Append("</p>");
        html.Append(report.Balanced
            ? "<p class=\"ok\">✔ The ledger balances to zero · Sổ cái cân bằng về 0 · 账簿轧差为零</p>"
            : "<p class=\"bad\">✘ The ledger does NOT balance · Sổ cái KHÔNG cân bằng · 账簿不平</p>");
        foreach (var scheme in report.Positions.GroupBy(p => (p.Scheme, p.Currency)))
        {
            html.Append("<h2>").Append(E(scheme.Key.Scheme)).Append(" (").Append(E(scheme.Key.Currency)).Append(")</h2><table><thead><tr>")
                .Append("<th>Participant · Thành viên · 参与方</th><th>Paid out · Chi · 支出</th><th>Received · Thu · 收入</th><th>Net · Ròng · 净额</th></tr></thead><tbody>");
            foreach (var p in scheme)
                html.Append("<tr><td>").Append(E(p.Participant)).Append("</td><td class=\"n\">").Append(E(report.Format(p.Currency, p.Debits)))
                    .Append("</td><td class=\"n\">").Append(E(report.Format(p.Currency, p.Credits))).Append("</td><td class=\"n\">")
                    .Append(E(report.Format(p.Currency, p.Net))).Append("</td></tr>");
            var net = scheme.Sum(p => p.Net);
            html.Append("<tr><th>Total · Tổng · 合计</th><td></td><td></td><td class=\"n ").Append(net == 0 ? "ok" : "bad").Append("\">")
                .Append(E(report.Format(scheme.Key.Currency, net))).Append("</td></tr></tbody></table>");
        }
        html.Append("<h2>Ledger check · Kiểm tra sổ cái · 账簿核对</h2><table><thead><tr><th>Currency</th><th>Sum of balances</th><th>Pending debits</th><th>Pending credits</th></tr></thead><tbody>");
        foreach (var c in report.Check.Currencies)
            html.Append("<tr><td>").Append(E(c.Currency)).Append("</td><td class=\"n\">").Append(E(report.Format(c.Currency, c.BalanceSum)))
                .Append("</td><td class=\"n\">").Append(E(report.Format(c.Currency, c.PendingDebits))).Append("</td><td class=\"n\">")
                .Append(E(report.Format(c.Currency, c.PendingCredits))).Append("</td></tr>");
        html.Append("</tbody></table>");
        if (report.Check.Mismatched.Count > 0) html.Append("<p class=\"bad\">Balances differing from their transfers: ").Append(E(string.Join(", ", report.Check.Mismatched))).Append("</p>");
        if (report.Check.BelowLimit.Count > 0) html.Append("<p class=\"bad\">Below their limit: ").Append(E(string.Join(", ", report.Check.BelowLimit))).Append("</p>");
        return html.Append("</body></html>").ToString();
    }

    private static string Field(string value) => value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
