namespace FriendshipGate.Exchange;

/// <summary>
/// This node's private keys (one PKCS#8 PEM file per key in its keys folder, named by key id) and their order.
/// The newest key that is not retired signs messages (<see cref="Active"/>); the oldest one that is not retired
/// signs receipts (<see cref="Established"/>), because the peer surely knows it already.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly string directory;
    private readonly Dictionary<string, SigningKey> keys = [];
    private readonly Lock gate = new();
    private List<string> order = []; // non-retired key ids, oldest first

    public SigningKeyRing(string directory)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            var key = SigningKey.ImportPem(File.ReadAllText(file));
            keys[key.KeyId] = key;
        }
    }

    public IReadOnlyCollection<SigningKey> All { get { lock (gate) return keys.Values.ToList(); } }

    public SigningKey Active { get { lock (gate) return keys[order.Count > 0 ? order[^1] : throw NoKey()]; } }

    public SigningKey Established { get { lock (gate) return keys[order.Count > 0 ? order[0] : throw NoKey()]; } }

    public SigningKey? Find(string kid) { lock (gate) return keys.GetValueOrDefault(kid); }

    /// <summary>Sets which keys sign, from the key registry's view of our own keys (oldest first).</summary>
    public void Use(IEnumerable<KnownKey> ownKeys)
    {
        lock (gate)
            order = ownKeys.Where(k => !k.IsRetired && keys.ContainsKey(k.KeyId)).OrderBy(k => k.AddedAt).Select(k => k.KeyId).ToList();
    }

    /// <summary>Writes a new key's PEM file (owner-only) and keeps it; it signs once <see cref="Use"/> lists it.</summary>
    public SigningKey Create(string algorithm)
    {
        var key = SigningKey.Generate(algorithm);
        WritePem(directory, key);
        lock (gate) keys[key.KeyId] = key;
        return key;
    }

    public static string WritePem(string directory, SigningKey key)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, key.KeyId + ".pem");
        File.WriteAllText(path, key.ExportPkcs8Pem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private InvalidOperationException NoKey() => new($"no usable signing key: add a PEM file to {directory} (fgate keys new).");
}
