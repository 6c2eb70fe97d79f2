using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Web;

/// <summary>A person or tool with an account on this node: a trader belongs to a company, an officer to the node's side.</summary>
public sealed record NodeUser(string Name, string Role, string? Company, string DisplayName);

/// <summary>
/// The node's user accounts. Each has an API token, stored only as its SHA-256 hash; "Authorization: Bearer TOKEN"
/// signs the user in. (Browser sign-in builds on the same accounts.)
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
    ];

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

    public async Task<IReadOnlyList<NodeUser>> ListAsync(CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<(string name, string role, string? company, string display_name)>(
            "SELECT name, role, company, display_name FROM node_users ORDER BY name"), cancellationToken))
        .Select(u => new NodeUser(u.name, u.role, u.company, u.display_name)).ToList();

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{2,39}$")]
    private static partial Regex UserName();
}
