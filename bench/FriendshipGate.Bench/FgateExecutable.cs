using System.Reflection;

namespace FriendshipGate.Bench;

/// <summary>How to start fgate as a child process: its apphost, or "dotnet fgate.dll".</summary>
public sealed record FgateExecutable(string FileName, IReadOnlyList<string> PrefixArguments)
{
    /// <summary>The fgate that is running now (the CLI), or the one built next to the running assembly (tests).</summary>
    public static FgateExecutable Current()
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry?.GetName().Name == "fgate")
        {
            var path = Environment.ProcessPath!;
            return Path.GetFileNameWithoutExtension(path) == "dotnet" ? new(path, [entry.Location]) : new(path, []);
        }
        var dll = Path.Combine(AppContext.BaseDirectory, "fgate.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"fgate.dll is not in {AppContext.BaseDirectory}.");
        return new FgateExecutable("dotnet", [dll]);
    }
}
