namespace FriendshipGate.Exchange.Tests.Protocol;

/// <summary>
/// docs/protocol/exchange-v1.md and its worked examples: the fenced code blocks whose info string names them,
/// e.g. <c>```jws example-message</c>.
/// </summary>
internal sealed class ProtocolDocument
{
    public const string RelativePath = "docs/protocol/exchange-v1.md";

    private static readonly Lazy<ProtocolDocument> Instance = new(() => Parse(File.ReadAllText(Path.Combine(SolutionDirectory(), RelativePath))));

    private readonly Dictionary<string, string> blocks;

    private ProtocolDocument(string text, Dictionary<string, string> blocks)
    {
        Text = text;
        this.blocks = blocks;
    }

    public static ProtocolDocument Current => Instance.Value;

    public string Text { get; }

    public IReadOnlyCollection<string> BlockNames => blocks.Keys;

    /// <summary>The content of the block named <paramref name="name"/>, without its fences or final line break.</summary>
    public string Block(string name) =>
        blocks.TryGetValue(name, out var block) ? block : throw new InvalidOperationException($"{RelativePath} has no ```... {name} block.");

    public static ProtocolDocument Parse(string text)
    {
        var blocks = new Dictionary<string, string>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            var info = lines[i][3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0) throw new InvalidOperationException($"{RelativePath}: the block opened on line {i + 1} is not closed.");
            if (info.Length >= 2 && !blocks.TryAdd(info[1], string.Join('\n', lines[(i + 1)..end])))
                throw new InvalidOperationException($"{RelativePath}: two blocks are named {info[1]}.");
            i = end;
        }
        return new ProtocolDocument(text, blocks);
    }

    private static string SolutionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FriendshipGate.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds FriendshipGate.sln.");
    }
}
