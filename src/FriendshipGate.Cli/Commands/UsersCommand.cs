using System.CommandLine;
using FriendshipGate.Exchange;
using FriendshipGate.Web;

namespace FriendshipGate.Cli;

/// <summary>User accounts of a node: traders (of a company), officers and operators of the node's side.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "User name: 3-40 lower-case letters, digits, dots or dashes.", Required = true };
        var role = new Option<string>("--role") { Description = "trader, officer or operator.", Required = true };
        role.AcceptOnlyFromAmong([.. NodeRoles.All]);
        var company = new Option<string?>("--company") { Description = "A trader's company (tax or enterprise code)." };
        var display = new Option<string?>("--display-name") { Description = "The name shown on screens (default: the user name)." };
        var password = new Option<string?>("--password") { Description = "A password for signing in from a browser (at least 8 characters; or set FGATE_PASSWORD)." };
        var add = new Command("add", "Create a user and print its API token (shown once; only its hash is stored).") { NodeCommand.Dir, name, role, company, display, password };
        add.SetAction(async (result, ct) =>
        {
            var users = await OpenAsync(result.GetValue(NodeCommand.Dir)!, ct);
            var user = new NodeUser(result.GetValue(name)!, result.GetValue(role)!, result.GetValue(company), result.GetValue(display) ?? result.GetValue(name)!);
            try
            {
                var secret = result.GetValue(password) ?? Environment.GetEnvironmentVariable("FGATE_PASSWORD");
                if (secret is { Length: < 8 }) throw new ArgumentException("--password must have at least 8 characters.");
                var token = await users.Directory.AddAsync(user, ct);
                if (secret is not null) await users.Directory.SetPasswordAsync(user.Name, secret, ct);
                Console.WriteLine(token);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(e.Message);
            }
            finally
            {
                await users.Database.DisposeAsync();
            }
        });
        var list = new Command("list", "List the node's users.") { NodeCommand.Dir };
        list.SetAction(async (result, ct) =>
        {
            var users = await OpenAsync(result.GetValue(NodeCommand.Dir)!, ct);
            await using var database = users.Database;
            foreach (var user in await users.Directory.ListAsync(ct))
                Console.WriteLine($"{user.Name,-24} {user.Role,-9} {user.Company ?? "-",-20} {user.DisplayName}");
        });
        return new Command("users", "User accounts: add, list.") { add, list };
    }

    private static async Task<(UserDirectory Directory, FriendshipGate.Storage.NodeDatabase Database)> OpenAsync(string directory, CancellationToken ct)
    {
        var settings = NodeSettings.Load(directory, NodeSettings.Configuration(directory));
        var database = settings.OpenDatabase();
        await database.MigrateAsync(UserDirectory.Migrations, ct);
        return (new UserDirectory(database, TimeProvider.System), database);
    }
}
