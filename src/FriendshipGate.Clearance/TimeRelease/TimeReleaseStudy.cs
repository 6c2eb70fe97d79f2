namespace FriendshipGate.Clearance;

/// <summary>When each step of one declaration happened (null: not yet, or not on its path).</summary>
public sealed record DeclarationTimes(
    string Number, string Side, string Type, string? Lane, bool Aeo, bool Perishable, DateTimeOffset Lodged, DateTimeOffset? Arrived,
    DateTimeOffset? RiskDecided, DateTimeOffset? Inspected, DateTimeOffset? Released, DateTimeOffset? Exited, DateTimeOffset? JourneyEnd)
{
    /// <summary>The segments of the WCO Time Release Study this declaration has, in hours.</summary>
    public IReadOnlyDictionary<string, double> Segments()
    {
        var segments = new Dictionary<string, double>();
        void Add(string name, DateTimeOffset? from, DateTimeOffset? to)
        {
            if (from is { } f && to is { } t) segments[name] = Math.Max(0, (t - f).TotalHours);
        }
        // Lodged before arrival (pre-arrival processing) counts as no wait between the two.
        Add(TrsSegment.ArrivalToLodgement, Arrived, Arrived is { } a && a > Lodged ? a : Lodged);
        Add(TrsSegment.LodgementToRiskDecision, Lodged, RiskDecided);
        Add(TrsSegment.RiskDecisionToInspection, RiskDecided, Inspected);
        Add(TrsSegment.ToRelease, ClockStart, Released);
        Add(TrsSegment.ReleaseToExit, Released, Exited);
        Add(TrsSegment.BorderToBorder, Lodged, JourneyEnd);
        return segments;
    }

    /// <summary>RCEP counts release time from arrival, or from lodgement when the goods were there first.</summary>
    public DateTimeOffset ClockStart => Arrived is { } a && a > Lodged ? a : Lodged;
}

public static class TrsSegment
{
    public const string ArrivalToLodgement = "arrivalToLodgement", LodgementToRiskDecision = "lodgementToRiskDecision",
        RiskDecisionToInspection = "riskDecisionToInspection", ToRelease = "toRelease", ReleaseToExit = "releaseToExit", BorderToBorder = "borderToBorder";

    public static readonly IReadOnlyList<string> All = [ArrivalToLodgement, LodgementToRiskDecision, RiskDecisionToInspection, ToRelease, ReleaseToExit, BorderToBorder];
}

public sealed record SegmentStatistics(int Count, double MedianHours, double P90Hours, double P95Hours);

public sealed record TrsGroup(string Key, int Declarations, int Released, double ReleasedWithin6HoursShare, double ReleasedWithin48HoursShare,
    IReadOnlyDictionary<string, SegmentStatistics> Segments);

/// <summary>
/// The continuous Time Release Study: segment durations with median, 90th and 95th percentiles by group, and the share
/// released within RCEP's 6 hours (perishables) and 48 hours.
/// </summary>
public static class TimeReleaseStudy
{
    public static readonly IReadOnlyList<string> Groupings = ["all", "lane", "aeo", "perishable", "side", "type", "day"];

    public static IReadOnlyList<TrsGroup> Compute(IEnumerable<DeclarationTimes> declarations, string groupBy) =>
        declarations.GroupBy(d => KeyOf(d, groupBy)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var list = g.ToList();
            var released = list.Where(d => d.Released is not null).ToList();
            double Share(double hours) => released.Count == 0 ? 0 : Math.Round((double)released.Count(d => (d.Released!.Value - d.ClockStart).TotalHours <= hours) / released.Count, 4);
            var segments = TrsSegment.All.Select(name => (name, values: list.Select(d => d.Segments().GetValueOrDefault(name, double.NaN)).Where(v => !double.IsNaN(v)).Order().ToList()))
                .Where(s => s.values.Count > 0)
                .ToDictionary(s => s.name, s => new SegmentStatistics(s.values.Count, Percentile(s.values, 0.5), Percentile(s.values, 0.9), Percentile(s.values, 0.95)));
            return new TrsGroup(g.Key, list.Count, released.Count, Share(6), Share(48), segments);
        }).ToList();

    private static string KeyOf(DeclarationTimes d, string groupBy) => groupBy switch
    {
        "lane" => d.Lane ?? "none",
        "aeo" => d.Aeo ? "aeo" : "not-aeo",
        "perishable" => d.Perishable ? "perishable" : "not-perishable",
        "side" => d.Side,
        "type" => d.Type,
        "day" => d.Lodged.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "all",
    };

    /// <summary>Linear interpolation between closest ranks (the definition spreadsheets and NumPy use by default).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 1) return Math.Round(sorted[0], 4);
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + (sorted[high] - sorted[low]) * (rank - low), 4);
    }
}
