namespace FriendshipGate.Exchange;

public static class KeyState
{
    public const string Active = "active";
    public const string Retired = "retired";
}

public static class KeyOwner
{
    public const string Own = "own";
    public const string Peer = "peer";
}

/// <summary>A key we know, ours or the peer's, with its lifecycle state.</summary>
public sealed record KnownKey(NodeId NodeId, string Owner, VerificationKey Key, string State, DateTimeOffset AddedAt)
{
    public string KeyId => Key.KeyId;
    public bool IsRetired => State == KeyState.Retired;
}
