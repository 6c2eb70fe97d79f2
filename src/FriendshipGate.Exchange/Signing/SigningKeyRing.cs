namespace FriendshipGate.Exchange;

/// <summary>
/// This node's private keys, loaded from its keys folder (one PKCS#8 PEM file per key, named by key id).
/// The newest key that is not retired signs.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly string directory;
    private readonly Dictionary<string, SigningKey> keys = [];
    private SigningKey active;

    public SigningKeyRing(string directory, string activeKeyId)
    {
        this.directory = directory;
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            var key = SigningKey.ImportPem(File.ReadAllText(file));
            keys[key.KeyId] = key;
        }
        active = keys.TryGetValue(activeKeyId, out var found) ? found
            : throw new InvalidOperationException($"the signing key {activeKeyId} has no PEM file in {directory}.");
    }

    public SigningKey Active => Volatile.Read(ref active);

    public IReadOnlyCollection<SigningKey> All => keys.Values;

    public SigningKey? Find(string kid) => keys.GetValueOrDefault(kid);

    /// <summary>Writes a new key's PEM file (readable by the owner only) and adds it to the ring; it does not sign yet.</summary>
    public SigningKey Create(string algorithm)
    {
        var key = SigningKey.Generate(algorithm);
        WritePem(directory, key);
        lock (keys) keys[key.KeyId] = key;
        return key;
    }

    public void Activate(string kid) => Volatile.Write(ref active, keys[kid]);

    public static string WritePem(string directory, SigningKey key)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, key.KeyId + ".pem");
        File.WriteAllText(path, key.ExportPkcs8Pem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
