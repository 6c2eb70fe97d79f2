namespace FriendshipGate.Clearance;

/// <summary>The message types the Clearance module sends over the exchange (docs/protocol/clearance-messages.md).</summary>
public static class ClearanceMessages
{
    public const string DeclarationShared = "clearance.declaration-shared";
    public const string StatusChanged = "clearance.status-changed";
    public const int SchemaVersion = 1;
}

/// <summary>An export declaration shared with the other side as advance data for its import declaration.</summary>
public sealed record SharedDeclaration(string Number, string Side, int Version, DateTimeOffset LodgedAt, DeclarationContent Content);

/// <summary>
/// The states a declaration reached on its side in one transaction (lodged, accepted, risk-assessed and released on data
/// come together), published as one message so the other side sees the whole journey.
/// </summary>
public sealed record StatusChange(string Number, string Side, string Type, string? Lane, string? LinkedNumber, IReadOnlyList<StatusStep> Steps);

/// <param name="WcoFunctionCode">The WCO DM notification function code of the state, and its UN/EDIFACT 4343 code (docs/clearance/lifecycle.md).</param>
public sealed record StatusStep(string State, DateTimeOffset At, string? Detail, string? WcoFunctionCode = null, string? Edifact4343 = null);
