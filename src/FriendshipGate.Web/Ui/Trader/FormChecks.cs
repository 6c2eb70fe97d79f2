using FriendshipGate.Clearance;

namespace FriendshipGate.Web.Ui.Trader;

/// <summary>
/// The messages of a declaration form's latest check, run as the trader types: keystrokes overlap while a check awaits the AEO
/// register, so only the newest check's messages are kept.
/// </summary>
public sealed class FormChecks
{
    private int runs;

    /// <summary>The messages by field path, in the reader's language.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public int Count { get; private set; }

    /// <summary>Runs <paramref name="check"/>; the content when nothing is wrong, null when something is or a newer check started meanwhile.</summary>
    public async Task<DeclarationContent?> RunAsync(Func<ValidationErrors, Task<DeclarationContent?>> check)
    {
        var run = ++runs;
        var found = new ValidationErrors();
        var content = await check(found);
        if (run != runs) return null;
        Errors = found.ToDictionary(UiLanguage.Current);
        Count = Errors.Values.Sum(e => e.Length);
        return content;
    }
}
