using FriendshipGate.Bench;
using FriendshipGate.Gate;
using FriendshipGate.Testing;

namespace FriendshipGate.System.Tests;

/// <summary>
/// One real node pair on SQLite for all the Gate API tests (node processes are slow to start), with risk rules that select
/// nothing, so every durian export is green and released on data; lane A1 is open for the next few hours.
/// </summary>
public sealed class GateNodesFixture : IAsyncLifetime
{
    public const string OtherCompany = "0309999999";

    // The node's default slot length (Gate:SlotMinutes).
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    private readonly string rules = Path.Combine(Path.GetTempPath(), $"fgate-rules-{Guid.NewGuid():N}.json");

    public NodePair Nodes { get; private set; } = null!;

    /// <summary>
    /// The slot every test books: the one after the current, so that it is neither over nor missed (the no-show rule frees a
    /// slot 15 minutes after it starts) while the tests run.
    /// </summary>
    public DateTimeOffset NextSlot { get; private set; }

    public async Task InitializeAsync()
    {
        // The durian rule switched off: no rule fires and nothing is selected at random, so the lane is green.
        await File.WriteAllTextAsync(rules, SampleClearance.DurianRules("yellow", "DURIAN", "sầu riêng", "榴莲", "durian").Replace("\"enabled\": true", "\"enabled\": false"));
        var environment = new Dictionary<string, string>(TestNodes.FastRetries) { ["FGATE_Clearance__RiskRulesFile"] = rules };
        Nodes = await NodePair.CreateAsync(FgateExecutable.Current(), environment: environment);
        var now = DateTimeOffset.UtcNow;
        NextSlot = SlotGrid.SlotOf(now, SlotLength) + SlotLength;
        using var gateOperator = GateClient.Operator(Nodes.VnApi);
        await gateOperator.PutAsync("capacity", new { lane = "A1", from = SlotGrid.SlotOf(now, SlotLength), to = NextSlot.AddHours(4), perSlot = 10 });
    }

    public async Task DisposeAsync()
    {
        await Nodes.DisposeAsync();
        File.Delete(rules);
    }
}
