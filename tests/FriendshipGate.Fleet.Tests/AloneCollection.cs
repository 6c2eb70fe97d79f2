namespace FriendshipGate.Fleet.Tests;

/// <summary>Tests in this collection run after the others, one at a time, with nothing beside them.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
