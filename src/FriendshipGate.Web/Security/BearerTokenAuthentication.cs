using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FriendshipGate.Web;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    /// <summary>The node's operator token (node.json, Node:OperatorToken): the node's own tools (CLI, benchmark, monitoring).</summary>
    public string OperatorToken { get; set; } = "";
    public string Side { get; set; } = "";
}

/// <summary>
/// "Authorization: Bearer TOKEN": the node's operator token, or a user's API token from the <see cref="UserDirectory"/>.
/// Claims: name, role, side (always this node's) and, for a trader, company.
/// </summary>
public sealed class BearerTokenAuthentication(IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "BearerToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (Options.OperatorToken.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Options.OperatorToken)))
            return Success(new NodeUser(NodeRoles.Operator, NodeRoles.Operator, null, NodeRoles.Operator));
        if (await users.FindByTokenAsync(token, Context.RequestAborted) is { } user) return Success(user);
        return AuthenticateResult.Fail("the bearer token is neither this node's operator token nor a user's token.");
    }

    private AuthenticateResult Success(NodeUser user) =>
        AuthenticateResult.Success(new AuthenticationTicket(NodeAuthentication.Principal(user, Options.Side, SchemeName), SchemeName));
}
