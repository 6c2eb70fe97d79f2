namespace FriendshipGate.Storage;

/// <summary>
/// One schema change of one module. <see cref="Sql"/> is written once for both engines; these tokens
/// are replaced per engine: <c>{id}</c> an auto-increment 64-bit primary key, <c>{bytes}</c> a binary column.
/// </summary>
public sealed record Migration(string Module, int Version, string Sql);
