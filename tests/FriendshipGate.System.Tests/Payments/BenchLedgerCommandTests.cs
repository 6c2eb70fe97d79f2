using System.Text.Json;

namespace FriendshipGate.System.Tests;

/// <summary>fgate bench ledger runs small in CI so it cannot rot; its figures are printed, not asserted (speed is measured, not tested).</summary>
public sealed class BenchLedgerCommandTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ASmallRun_PrintsItsFiguresAsJson_AndLeavesTheLedgerBalanced(string backend)
    {
        var args = new List<string> { "bench", "ledger", "--backend", backend, "--transfers", "3000", "--accounts", "200", "--merchants", "20", "--warmup", "500", "--json" };
        if (backend == "postgres") args.AddRange(["--postgres", TestNodes.Postgres(backend)!]);
        var run = await FgateRun.RunAsync([.. args]);
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(backend, root.GetProperty("backend").GetString());
        Assert.True(root.GetProperty("transfers").GetInt64() >= 3000);
        Assert.True(root.GetProperty("balanced").GetBoolean());
        Assert.Equal(0, root.GetProperty("refused").GetInt64());
        foreach (var figure in new[] { "transfersPerSecond", "p50Ms", "p99Ms", "meanBatch" })
            Assert.True(root.GetProperty(figure).GetDouble() > 0, figure);
    }

    [Theory]
    [InlineData("--clients", "0")]
    [InlineData("--hot-share", "1.5")]
    [InlineData("--backend", "oracle")]
    public async Task ABadOption_IsAUsageError(string option, string value)
    {
        var run = await FgateRun.RunAsync("bench", "ledger", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("fgate: ", run.Error);
    }
}
