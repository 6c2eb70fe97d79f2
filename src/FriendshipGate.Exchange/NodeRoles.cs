namespace FriendshipGate.Exchange;

/// <summary>Authorization policies every module's API may require; the node host defines them.</summary>
public static class NodePolicies
{
    /// <summary>The node's operator (and its tools: the CLI, the benchmark).</summary>
    public const string Operator = "operator";

    /// <summary>Any signed-in user of this node's side: operator, officer or trader (each module narrows it further).</summary>
    public const string User = "user";

    /// <summary>A customs officer of this node's side.</summary>
    public const string Officer = "officer";

    /// <summary>Who records what happens at the gate (crossings, arrivals, exits): officers and the node's operator and devices.</summary>
    public const string GateStaff = "gate-staff";
}

/// <summary>The roles people and tools have on a node.</summary>
public static class NodeRoles
{
    public const string Operator = "operator", Officer = "officer", Trader = "trader";

    public static readonly IReadOnlyList<string> All = [Operator, Officer, Trader];
}

/// <summary>Claims every signed-in principal carries besides name and role.</summary>
public static class NodeClaims
{
    /// <summary>The side (VN or CN) the principal acts for: always the node's own.</summary>
    public const string Side = "side";

    /// <summary>A trader's company (tax or enterprise code).</summary>
    public const string Company = "company";
}
