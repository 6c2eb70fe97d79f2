namespace FriendshipGate.Clearance;

/// <summary>What validation reads besides the declaration: the node's side and the reference data.</summary>
public sealed record DeclarationContext(string Side, GoodsCrosswalk Crosswalk, ProtocolProductCatalog Products, Func<string, AeoStanding?> FindAeo);
