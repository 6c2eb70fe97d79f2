using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Web;

/// <summary>The operator manages the node's user accounts.</summary>
public static class UsersApi
{
    public sealed record NewUser(string? Name, string? Role, string? Company, string? DisplayName, string? Password = null);
    public sealed record CreatedUser(string Name, string Role, string? Company, string Token);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("api/v1/users").WithTags("Users").RequireAuthorization(NodePolicies.Operator);
        group.MapGet("", (UserDirectory users, CancellationToken ct) => users.ListAsync(ct)).WithSummary("The node's users (never their tokens).");
        group.MapPost("", CreateAsync).WithSummary("Create a user (with a password for the screens if given); the answer carries its API token, shown only this once.");
        return app;
    }

    private static async Task<Results<Created<CreatedUser>, ValidationProblem>> CreateAsync(NewUser body, UserDirectory users, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || string.IsNullOrWhiteSpace(body.Role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [string.IsNullOrWhiteSpace(body.Name) ? "name" : "role"] = ["is required."] });
        if (body.Password is { Length: < 8 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["must have at least 8 characters."] });
        try
        {
            var token = await users.AddAsync(new NodeUser(body.Name, body.Role, body.Company, body.DisplayName ?? body.Name), cancellationToken);
            if (body.Password is not null) await users.SetPasswordAsync(body.Name, body.Password, cancellationToken);
            return TypedResults.Created($"/api/v1/users/{body.Name}", new CreatedUser(body.Name, body.Role, body.Company, token));
        }
        catch (ArgumentException e)
        {
            var field = e.Message.StartsWith("role", StringComparison.Ordinal) ? "role" : e.Message.Contains("company", StringComparison.Ordinal) ? "company" : "name";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [e.Message] });
        }
    }
}
