using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FriendshipGate.Web;

/// <summary>
/// "Authorization: Bearer TOKEN" with the node's operator token (node.json, Node:OperatorToken): the node's own
/// tools (CLI, benchmark, monitoring) use it. People sign in with their own accounts in a later release.
/// </summary>
public sealed class OperatorTokenOptions : AuthenticationSchemeOptions
{
    public string Token { get; set; } = "";
    public string Side { get; set; } = "";
}

public sealed class OperatorTokenAuthentication(IOptionsMonitor<OperatorTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<OperatorTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (Options.Token.Length == 0 || !CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(Options.Token)))
            return Task.FromResult(AuthenticateResult.Fail("the bearer token is not this node's operator token."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, "operator"), new Claim("side", Options.Side)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
