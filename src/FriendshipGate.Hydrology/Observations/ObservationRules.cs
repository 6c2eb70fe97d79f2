namespace FriendshipGate.Hydrology;

/// <summary>The rules an observation must meet, each error naming its field.</summary>
public static class ObservationRules
{
    // Physical bounds wide enough for any river here, tight enough to catch unit mistakes (mm typed as m).
    public const double MinLevelM = -50, MaxLevelM = 5_000, MaxDischargeM3s = 100_000, MaxRainfallMm = 2_000;

    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <param name="side">The side recording it: a node records only its own side's stations.</param>
    /// <param name="field">Prefix of field names in errors, e.g. "[3]." for the fourth item of a batch.</param>
    public static Observation? Check(ObservationInput input, string side, StationCatalog catalog, DateTimeOffset now, string field,
        IDictionary<string, List<string>> errors)
    {
        void Error(string name, string rule) =>
            (errors.TryGetValue(field + name, out var list) ? list : errors[field + name] = []).Add(rule);

        StationCode code = default;
        if (string.IsNullOrWhiteSpace(input.Station)) Error("station", "is required.");
        else if (!StationCode.TryParse(input.Station, out code)) Error("station", $"'{input.Station}' must be the side (VN or CN), a dash and 2-16 upper-case letters or digits.");
        else if (code.Side != side) Error("station", $"{code} is a {code.Side} station; this node records {side} stations only.");
        var station = code.Value is null ? null : catalog.Find(code);
        var river = string.IsNullOrWhiteSpace(input.River) ? station?.River.En : input.River.Trim();
        if (river is null) Error("river", "is required for a station that is not in the catalog.");
        else if (river.Length > 100) Error("river", "must be at most 100 characters.");
        if (input.ObservedAt is not { } observedAt) Error("observedAt", "is required (ISO 8601 with offset).");
        else if (observedAt > now + FutureTolerance) Error("observedAt", $"{observedAt:O} is in the future.");
        if (input.WaterLevelM is null && input.DischargeM3s is null && input.RainfallMm is null)
            Error("waterLevelM", "at least one of waterLevelM, dischargeM3s and rainfallMm is required.");
        if (input.WaterLevelM is { } level && (level < MinLevelM || level > MaxLevelM || !double.IsFinite(level)))
            Error("waterLevelM", $"must be between {MinLevelM} and {MaxLevelM} m.");
        if (input.DischargeM3s is { } q && (q < 0 || q > MaxDischargeM3s || !double.IsFinite(q)))
            Error("dischargeM3s", $"must be between 0 and {MaxDischargeM3s} m³/s.");
        if (input.RainfallMm is { } rain && (rain < 0 || rain > MaxRainfallMm || !double.IsFinite(rain)))
            Error("rainfallMm", $"must be between 0 and {MaxRainfallMm} mm.");
        return errors.Keys.Any(k => k.StartsWith(field, StringComparison.Ordinal))
            ? null
            : new Observation(code, river!, input.ObservedAt!.Value.ToUniversalTime(), input.WaterLevelM, input.DischargeM3s, input.RainfallMm);
    }
}
