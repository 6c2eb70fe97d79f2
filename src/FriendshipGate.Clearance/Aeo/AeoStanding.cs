namespace FriendshipGate.Clearance;

public static class AeoStatus
{
    public const string Active = "active", Suspended = "suspended", Revoked = "revoked";
}

/// <summary>Where an Authorised Economic Operator stands today in its side's register, as this node knows it.</summary>
public sealed record AeoStanding(string AeoId, string Side, string CompanyId, string CompanyName, string Status, DateTimeOffset Since)
{
    public bool GivesBenefits => Status == AeoStatus.Active;
}
