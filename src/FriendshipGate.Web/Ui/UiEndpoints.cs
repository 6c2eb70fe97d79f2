using System.Security.Claims;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Web.Ui;

/// <summary>The few plain HTTP endpoints behind the screens: choosing a language and signing out.</summary>
public static class UiEndpoints
{
    public const string LanguageCookie = "fgate-language";

    public static void MapUiEndpoints(this IEndpointRouteBuilder app)
    {
        // A plain link, so that it works from every page, with or without a live connection, and by keyboard.
        app.MapGet("/language/{language}", async (string language, string? back, HttpContext context, UserDirectory users) =>
        {
            if (!UiLanguage.All.Contains(language))
                return Results.Problem(statusCode: 400, title: "Unknown language", detail: $"language must be one of {string.Join(", ", UiLanguage.All)}.");
            Remember(context.Response, language);
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.Name) is { } name)
                await users.SetLanguageAsync(name, language, context.RequestAborted);
            return Results.LocalRedirect(IsLocal(back) ? back! : "/");
        }).ExcludeFromDescription();

        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(NodeAuthentication.CookieScheme);
            return Results.LocalRedirect("/signin");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
    }

    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(UiLanguage.Culture(language))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string RoleHome(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) switch
    {
        NodeRoles.Trader => "/trader",
        NodeRoles.Officer => "/officer",
        _ => "/command-center",
    };
}
