using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>Who did something: a person's user name and role, or "system" for automatic steps.</summary>
public sealed record Actor(string Name, string Role, string Side, string? Company)
{
    public static Actor System(string side) => new("system", "system", side, null);
}

/// <summary>A declaration as this node holds it: its number, state and current version.</summary>
public sealed record StoredDeclaration(
    string Number, string Side, string Type, string Kind, string OwnerCompany, string State, int Version, string? Lane,
    bool Perishable, bool Aeo, string? AdvanceData, DateTimeOffset LodgedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? ReleasedAt,
    DateTimeOffset? CompleteBy, DateTimeOffset UpdatedAt, DeclarationContent Content);

public sealed record DeclarationVersion(int Version, string Change, string? Reason, string Actor, DateTimeOffset RecordedAt, DeclarationContent Content);

public sealed record DeclarationEvent(string Number, string Side, string State, DateTimeOffset At, string Actor, string? Detail);

/// <summary>
/// Why a request is refused (answered as 404, 403 or 409 problem details), in Vietnamese, Chinese and English;
/// <see cref="Exception.Message"/> is the English text. <see cref="Field"/> names what the refusal is about.
/// </summary>
public class Refusal(string status, string field, Trilingual text) : Exception(text.En)
{
    public const string NotFound = "not-found", Forbidden = "forbidden", Conflict = "conflict";

    /// <summary>A refusal in the three languages, English first (the text the API answers by default).</summary>
    public Refusal(string status, string field, string en, string vi, string zh) : this(status, field, new Trilingual(vi, zh, en)) { }

    public string Status { get; } = status;
    public string Field { get; } = field;
    public Trilingual Text { get; } = text;
}

/// <summary>Why a change to a stored declaration is refused.</summary>
public sealed class DeclarationRefusal : Refusal
{
    public DeclarationRefusal(string status, string field, Trilingual text) : base(status, field, text) { }

    public DeclarationRefusal(string status, string field, string en, string vi, string zh) : base(status, field, en, vi, zh) { }
}
