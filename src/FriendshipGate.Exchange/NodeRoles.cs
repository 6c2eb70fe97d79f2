namespace FriendshipGate.Exchange;

/// <summary>Authorization policies every module's API may require; the node host defines them.</summary>
public static class NodePolicies
{
    /// <summary>The node's operator (and its tools: the CLI, the benchmark).</summary>
    public const string Operator = "operator";
}
