using System.Diagnostics;
using FriendshipGate.Bench;

namespace FriendshipGate.System.Tests;

/// <summary>Runs the fgate CLI as a separate process, as a user would, and captures what it prints.</summary>
internal sealed record FgateRun(int ExitCode, string Out, string Error)
{
    public static async Task<FgateRun> RunAsync(params string[] args)
    {
        var fgate = FgateExecutable.Current();
        var start = new ProcessStartInfo(fgate.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in fgate.PrefixArguments.Concat(args)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new FgateRun(process.ExitCode, await output, await error);
    }
}
