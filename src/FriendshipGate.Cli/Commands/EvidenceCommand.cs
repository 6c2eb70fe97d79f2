using System.CommandLine;
using FriendshipGate.Exchange;
using FriendshipGate.Web;
using Spectre.Console;

namespace FriendshipGate.Cli;

internal static class EvidenceCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The export file (JSON Lines).", Required = true };
        var export = new Command("export", "Export the node's hash-chained evidence log, for 'fgate verify' or an auditor.") { NodeCommand.Dir, output };
        export.SetAction(async (result, ct) =>
        {
            var dir = result.GetValue(NodeCommand.Dir)!;
            var settings = NodeSettings.Load(dir, NodeSettings.Configuration(dir));
            await using var database = settings.OpenDatabase();
            var path = result.GetValue(output)!;
            long written = 0;
            await using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            {
                await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("exporting evidence", maxValue: 1);
                    written = await EvidenceExport.WriteAsync(database, settings.Id, writer, TimeProvider.System, n => task.Value = n, ct);
                    task.Value = task.MaxValue;
                });
            }
            Console.WriteLine($"exported {written} evidence entries of {settings.Id} to {path}");
        });
        return new Command("evidence", "The evidence log of sent, received and refused messages and receipts.") { export };
    }
}

internal static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "An evidence export from 'fgate evidence export'." };
        var verify = new Command("verify", "Check an evidence export offline: hash chain, signatures, receipt proofs. Exit 0 if intact, 1 if not.") { file };
        verify.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.");
            using var reader = new StreamReader(path);
            var verdict = EvidenceVerifier.Verify(reader);
            (verdict.Intact ? Console.Out : Console.Error).WriteLine($"{path}: {verdict}");
            return verdict.Intact ? 0 : 1;
        });
        return verify;
    }
}
