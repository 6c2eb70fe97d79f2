using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Web;

/// <summary>A person or tool with an account on this node: a trader belongs to a company, an officer to the node's side.</summary>
public sealed record NodeUser(string Name, string Role, string? Company, string DisplayName, string? Language = null);

/// <summary>
/// The node's user accounts. Each has an API token, stored only as its SHA-256 hash; "Authorization: Bearer TOKEN"
/// signs the user in. A user may also have a password (PBKDF2-SHA256) for signing in from a browser, and a chosen language.
/// </summary>
public sealed partial class UserDirectory(NodeDatabase database, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, NodeUser> byTokenHash = new(StringComparer.Ordinal);

    public static readonly Migration[] Migrations =
    [
        new("web", 1, """
            CREATE TABLE node_users (
                name TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                company TEXT NULL,
                display_name TEXT NOT NULL,
                token_sha256 TEXT NOT NULL UNIQUE,
                created_ms BIGINT NOT NULL);
            """),
        new("web", 2, """
            ALTER TABLE node_users ADD COLUMN password_hash TEXT NULL;
            ALTER TABLE node_users ADD COLUMN language TEXT NULL;
            """),
    ];

    private const int PasswordIterations = 100_000;

    /// <summary>Creates a user and returns its API token (shown once; only its hash is kept).</summary>
    /// <exception cref="ArgumentException">The name, role or company is not acceptable; the message says which rule.</exception>
    public async Task<string> AddAsync(NodeUser user, CancellationToken cancellationToken = default, string? token = null)
    {
        if (!UserName().IsMatch(user.Name)) throw new ArgumentException($"user name '{user.Name}' must be 3-40 lower-case letters, digits, dots or dashes.");
        if (!NodeRoles.All.Contains(user.Role)) throw new ArgumentException($"role '{user.Role}' must be one of {string.Join(", ", NodeRoles.All)}.");
        if (user.Role == NodeRoles.Trader && string.IsNullOrWhiteSpace(user.Company)) throw new ArgumentException("a trader needs --company (its company's tax or enterprise code).");
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var exists = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM node_users WHERE name = @Name", new { user.Name }), cancellationToken);
        if (exists > 0) throw new ArgumentException($"user '{user.Name}' already exists.");
        await database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "INSERT INTO node_users (name, role, company, display_name, token_sha256, created_ms) VALUES (@Name, @Role, @Company, @DisplayName, @hash, @now)",
            new { user.Name, user.Role, user.Company, user.DisplayName, hash = Hash(token), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, tx.Transaction), cancellationToken);
        byTokenHash[Hash(token)] = user;
        return token;
    }

    /// <summary>The user holding <paramref name="token"/>; accounts added by another process (the CLI) are found too.</summary>
    public async Task<NodeUser?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        if (byTokenHash.TryGetValue(hash, out var cached)) return cached;
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<(string name, string role, string? company, string display_name)?>(
            "SELECT name, role, company, display_name FROM node_users WHERE token_sha256 = @hash", new { hash }), cancellationToken);
        if (row is not { } r) return null;
        return byTokenHash[hash] = new NodeUser(r.name, r.role, r.company, r.display_name);
    }

    /// <summary>Sets the password a user signs in with from a browser.</summary>
    /// <exception cref="ArgumentException">No such user, or the password is shorter than 8 characters.</exception>
    public async Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        if (password.Length < 8) throw new ArgumentException("a password must have at least 8 characters.");
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, PasswordIterations, HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256${PasswordIterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
        var changed = await database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "UPDATE node_users SET password_hash = @stored WHERE name = @name", new { stored, name }, tx.Transaction), cancellationToken);
        if (changed == 0) throw new ArgumentException($"there is no user '{name}'.");
    }

    /// <summary>The user when <paramref name="password"/> is theirs; null for an unknown name or a wrong password alike.</summary>
    public async Task<NodeUser?> VerifyPasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        var row = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<UserRow?>(
            "SELECT name, role, company, display_name, language, password_hash FROM node_users WHERE name = @name", new { name }), cancellationToken);
        if (row?.password_hash?.Split('$') is not ["pbkdf2-sha256", var iterations, var salt, var hash]) return null;
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(salt), int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture),
            HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(actual, Convert.FromBase64String(hash)) ? row.ToUser() : null;
    }

    /// <summary>Remembers the language a user chose (vi, zh or en), so that it follows them to any browser.</summary>
    public Task SetLanguageAsync(string name, string language, CancellationToken cancellationToken = default) =>
        database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "UPDATE node_users SET language = @language WHERE name = @name", new { language, name }, tx.Transaction), cancellationToken);

    public async Task<IReadOnlyList<NodeUser>> ListAsync(CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<(string name, string role, string? company, string display_name)>(
            "SELECT name, role, company, display_name FROM node_users ORDER BY name"), cancellationToken))
        .Select(u => new NodeUser(u.name, u.role, u.company, u.display_name)).ToList();

    private sealed record UserRow(string name, string role, string? company, string display_name, string? language, string? password_hash)
    {
        public NodeUser ToUser() => new(name, role, company, display_name, language);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{2,39}$")]
    private static partial Regex UserName();
}
