namespace FriendshipGate.Clearance;

/// <summary>Customs clearance: declarations shared across the border, goods crosswalk, AEO, risk lanes, joint inspection, Time Release Study.</summary>
public static class ClearanceModule
{
    public const string Name = "clearance";
}
