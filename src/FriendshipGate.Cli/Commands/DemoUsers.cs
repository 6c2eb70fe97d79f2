using System.Text.Json;
using FriendshipGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Cli;

/// <summary>
/// The demo's people, one per side and role, created on first run. Their API tokens are kept in the demo's data folder
/// (demo only: a real node stores nothing but each token's hash) so that each start can print them.
/// </summary>
internal static class DemoUsers
{
    /// <summary>Every demo user's browser password (a demo on loopback; real users get their own with 'fgate users add --password').</summary>
    public const string Password = "friendship2026";

    public sealed record DemoUser(string Side, string Name, string Role, string? Company, string DisplayName, string Token);

    private static readonly (string Side, string Name, string Role, string? Company, string Display)[] People =
    [
        ("VN", "vn.officer", "officer", null, "Nguyễn Văn An (Hải quan Hữu Nghị)"),
        ("VN", "vn.trader", "trader", "0101234567", "Công ty TNHH Trái cây Đắk Lắk"),
        ("CN", "cn.officer", "officer", null, "李明 (友谊关海关)"),
        ("CN", "cn.trader", "trader", "91450100MA5KXXXX1", "广西凭祥果品有限公司"),
        ("VN", "vn.operator", "operator", null, "Trần Thị Bình (Cổng Hữu Nghị)"),
        ("CN", "cn.operator", "operator", null, "王芳 (友谊关口岸)"),
    ];

    public static async Task<IReadOnlyList<DemoUser>> EnsureAsync(string root, WebApplication vn, WebApplication cn, CancellationToken ct)
    {
        var users = await LoadOrCreateAsync(root, vn, cn, ct);
        foreach (var user in users)
            await (user.Side == "VN" ? vn : cn).Services.GetRequiredService<UserDirectory>().SetPasswordAsync(user.Name, Password, ct);
        return users;
    }

    private static async Task<List<DemoUser>> LoadOrCreateAsync(string root, WebApplication vn, WebApplication cn, CancellationToken ct)
    {
        var file = Path.Combine(root, "demo-users.json");
        var users = File.Exists(file) ? JsonSerializer.Deserialize<List<DemoUser>>(await File.ReadAllTextAsync(file, ct))! : [];
        // A data folder from an earlier version lacks the people added since: they are created, the others kept.
        var missing = People.Where(p => !users.Any(u => u.Name == p.Name)).ToList();
        if (missing.Count == 0) return users;
        foreach (var (side, name, role, company, display) in missing)
        {
            var directory = (side == "VN" ? vn : cn).Services.GetRequiredService<UserDirectory>();
            var token = await directory.AddAsync(new NodeUser(name, role, company, display), ct);
            users.Add(new DemoUser(side, name, role, company, display, token));
        }
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(users), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return users;
    }
}
