using System.Security.Claims;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Web;

/// <summary>
/// Two ways in, one set of claims: programs call the APIs with "Authorization: Bearer TOKEN"; people sign in from a browser
/// with their name and password and get a cookie. Either way the principal carries name, role, side and (a trader) company.
/// </summary>
public static class NodeAuthentication
{
    public const string SchemeName = "Node", CookieScheme = "NodeCookie";

    public static void AddNodeAuthentication(this IServiceCollection services, NodeSettings settings) =>
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "bearer token for the APIs, cookie for the screens", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 || IsApi(context.Request.Path) ? BearerTokenAuthentication.SchemeName : CookieScheme)
            .AddScheme<BearerTokenOptions, BearerTokenAuthentication>(BearerTokenAuthentication.SchemeName, o =>
            {
                o.OperatorToken = settings.OperatorToken;
                o.Side = settings.Side;
            })
            .AddCookie(CookieScheme, o =>
            {
                // Two nodes on one host share cookies across ports: each node's cookie has its own name.
                o.Cookie.Name = "fgate-" + settings.Id.Value;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            });

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/exchange") || path.StartsWithSegments("/metrics");

    /// <summary>The claims of a signed-in user: the same as a bearer token gives.</summary>
    public static ClaimsPrincipal Principal(NodeUser user, string side, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role), new(NodeClaims.Side, side), new(ClaimTypes.GivenName, user.DisplayName)];
        if (user.Company is not null) claims.Add(new Claim(NodeClaims.Company, user.Company));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
