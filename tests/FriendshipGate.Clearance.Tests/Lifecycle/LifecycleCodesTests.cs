namespace FriendshipGate.Clearance.Tests;

public sealed class LifecycleCodesTests
{
    private static string RepositoryFile(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FriendshipGate.sln"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("FriendshipGate.sln not found above the test folder."), relative);
    }

    [Fact]
    public void TheDocumentsTable_AndTheCode_GiveEveryStateTheSameCodes()
    {
        var lines = File.ReadAllLines(RepositoryFile("docs/clearance/lifecycle.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| state | meaning | WCO DMS function code | EDIFACT 4343 |", StringComparison.Ordinal));
        Assert.True(header >= 0, "the codes table is missing from docs/clearance/lifecycle.md");
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        static string? Code(string cell) => cell == "—" ? null : cell;
        var documented = rows.Select(r => new StateCodes(r[1].Trim('`'), Code(r[3]), Code(r[4]))).ToList();
        Assert.Equal(LifecycleCodes.All, documented);
        Assert.Equal(ClearanceState.All.Order(), documented.Select(d => d.State).Order());
    }

    [Theory]
    [InlineData("received", "accepted", true)]
    [InlineData("accepted", "released-for-export", false)]
    [InlineData("risk-assessed", "released-for-export", true)]
    [InlineData("under-control", "released-for-import", true)]
    [InlineData("released-for-export", "cancelled", false)]
    [InlineData("released-for-export", "crossed-border", true)]
    [InlineData("released-for-import", "exited", true)]
    [InlineData("crossed-border", "released-for-export", false)]
    public void Transitions_FollowTheLifecycle(string from, string to, bool allowed) => Assert.Equal(allowed, ClearanceState.CanMove(from, to));
}
