namespace FriendshipGate.Fleet;

/// <summary>The instantActions topic: actions the vehicle carries out at once, outside any order.</summary>
public sealed record InstantActionsMessage : Vda5050Message
{
    public required IReadOnlyList<VdaAction> Actions { get; init; }

    /// <summary>As the given version writes it; for 2.0 each action also carries actionName (see <see cref="VdaAction.ActionName"/>).</summary>
    /// <exception cref="ArgumentException">A 2.0 message with an object-valued action parameter (2.1 only).</exception>
    public InstantActionsMessage ForVersion(Vda5050Version version)
    {
        if (!version.Has21Fields && Actions.Any(a => a.HasObjectParameter))
            throw new ArgumentException("VDA 5050 2.0 allows no object-valued action parameters.");
        return this with
        {
            Version = version.Text,
            Actions = [.. Actions.Select(a => a with { ActionName = version.Has21Fields ? null : a.ActionType })],
        };
    }
}
