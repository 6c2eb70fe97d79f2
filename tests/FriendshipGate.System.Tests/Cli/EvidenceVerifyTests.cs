namespace FriendshipGate.System.Tests;

/// <summary>fgate evidence export and fgate verify, run as processes the way an auditor would.</summary>
public sealed class EvidenceVerifyTests
{
    [Fact]
    public async Task Verify_IntactExport_Passes_AndATamperedOneNamesTheFirstBadEntry()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        await nodes.VnApi.PostObservationsAsync(60, batch: 20);
        await nodes.VnApi.WaitSettledAsync(60);

        foreach (var node in new[] { nodes.Vn, nodes.Cn })
        {
            var export = Path.Combine(nodes.Root, Path.GetFileName(node.Directory) + "-evidence.jsonl");
            var exported = await FgateRun.RunAsync("evidence", "export", "--dir", node.Directory, "--out", export);
            Assert.True(exported.ExitCode == 0, exported.Error);

            var intact = await FgateRun.RunAsync("verify", export);
            Assert.True(intact.ExitCode == 0, intact.Error);
            Assert.Contains("intact", intact.Out);

            // Change one character of the content of the 10th entry (line 11: line 1 is the header).
            var lines = await File.ReadAllLinesAsync(export);
            var at = lines[10].IndexOf("\"content\":\"", StringComparison.Ordinal) + 20;
            lines[10] = lines[10][..at] + (lines[10][at] == 'A' ? 'B' : 'A') + lines[10][(at + 1)..];
            var tampered = export + ".tampered";
            await File.WriteAllLinesAsync(tampered, lines);

            var refused = await FgateRun.RunAsync("verify", tampered);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("line 11 (entry 10)", refused.Error);
        }
    }

    [Fact]
    public async Task Verify_ExportWithAnEntryRemoved_NamesTheGap()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        await nodes.VnApi.PostObservationsAsync(10);
        await nodes.VnApi.WaitSettledAsync(10);
        var export = Path.Combine(nodes.Root, "vn.jsonl");
        Assert.Equal(0, (await FgateRun.RunAsync("evidence", "export", "--dir", nodes.Vn.Directory, "--out", export)).ExitCode);
        var lines = (await File.ReadAllLinesAsync(export)).ToList();
        lines.RemoveAt(5);
        await File.WriteAllLinesAsync(export, lines);

        var refused = await FgateRun.RunAsync("verify", export);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("sequence 6 where 5 was expected", refused.Error);
    }
}
