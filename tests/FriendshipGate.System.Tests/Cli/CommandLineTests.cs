using System.Text.Json;

namespace FriendshipGate.System.Tests;

/// <summary>The CLI's promises: one plain line and a non-zero exit code on bad input, figures from the benchmark.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("node", "init", "--side", "XX", "--dir", "/tmp/never")]
    [InlineData("node", "init", "--dir", "/tmp/never")]
    [InlineData("bench", "exchange", "--backend", "oracle")]
    public async Task UsageError_OnePlainLine_ExitCode2(params string[] args)
    {
        var run = await FgateRun.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("fgate: ", run.Error);
    }

    [Fact]
    public async Task NodeRun_MissingFolder_OnePlainLine_ExitCode1()
    {
        var run = await FgateRun.RunAsync("node", "run", "--dir", "/tmp/fgate-no-such-node");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("fgate: ", run.Error[..7]);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Verify_MissingFile_ExitCode1()
    {
        var run = await FgateRun.RunAsync("verify", "/tmp/fgate-no-such-export.jsonl");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public async Task NodeInit_TwiceInOneFolder_IsRefused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fgate-init-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Assert.Equal(0, (await FgateRun.RunAsync("node", "init", "--side", "CN", "--dir", dir, "--algorithm", "SM2SM3")).ExitCode);
            var card = await FgateRun.RunAsync("keys", "show", "--dir", dir);
            using var json = JsonDocument.Parse(card.Out);
            Assert.Equal("CN-YOUYIGUAN", json.RootElement.GetProperty("node").GetString());
            Assert.Equal("SM2SM3", json.RootElement.GetProperty("keys")[0].GetProperty("algorithm").GetString());

            var again = await FgateRun.RunAsync("node", "init", "--side", "CN", "--dir", dir);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("exists already", again.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The benchmark also runs small in CI, so it cannot rot; its figures are not asserted (speed is measured, not tested).</summary>
    [Fact]
    public async Task BenchExchange_SmallRun_PrintsItsFiguresAsJson()
    {
        var run = await FgateRun.RunAsync("bench", "exchange", "--messages", "400", "--warmup", "100", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("sqlite", root.GetProperty("backend").GetString());
        Assert.Equal(400, root.GetProperty("receivedByPeer").GetInt64());
        foreach (var figure in new[] { "messagesPerSecond", "p50Ms", "p99Ms" })
            Assert.True(root.GetProperty(figure).GetDouble() > 0, figure);
    }
}
