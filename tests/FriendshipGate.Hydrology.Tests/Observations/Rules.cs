namespace FriendshipGate.Hydrology.Tests;

/// <summary>Runs <see cref="ObservationRules.Check"/> on a VN node at a fixed time over the embedded catalog.</summary>
internal static class Rules
{
    public static readonly StationCatalog Catalog = StationCatalog.LoadEmbedded();

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A valid reading of a catalogued VN station, its river left to the catalog.</summary>
    public static readonly ObservationInput Valid = new("VN-LAOCAI", null, Now.AddMinutes(-10), 79.0, 1200.0, 12.5);

    public static (Observation? Observation, Dictionary<string, List<string>> Errors) Check(
        ObservationInput input, string field = "", string side = "VN", Dictionary<string, List<string>>? errors = null)
    {
        errors ??= [];
        return (ObservationRules.Check(input, side, Catalog, Now, field, errors), errors);
    }
}
