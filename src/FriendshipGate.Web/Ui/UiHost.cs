using FriendshipGate.Web.Ui.CommandCenter;
using FriendshipGate.Web.Ui.JointView;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace FriendshipGate.Web.Ui;

/// <summary>Wires the screens (Blazor, server-side interactive) into a node.</summary>
public static class UiHost
{
    /// <summary>
    /// Outside a published build the framework's script (blazor.web.js) lives in the NuGet cache; the static web assets
    /// manifest next to the program says where. A published build has it under wwwroot instead.
    /// </summary>
    public static void UseStaticWebAssets(WebApplicationBuilder builder)
    {
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        var manifest = Path.Combine(AppContext.BaseDirectory, entry + ".staticwebassets.runtime.json");
        if (entry is null || !File.Exists(manifest)) return;
        builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
        builder.WebHost.UseStaticWebAssets();
    }

    public static void AddUi(this IServiceCollection services, NodeSettings settings)
    {
        services.AddDataProtection()
            .SetApplicationName("FriendshipGate." + settings.Id.Value)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.Directory, "data-protection")));
        services.AddSingleton(settings);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<UiText>();
        services.AddSingleton<CommandCenterFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandCenterFeed>());
        services.AddSingleton<PeerFiguresProtocol>();
        services.AddSingleton<PeerFigures>();
        services.AddHostedService(sp => sp.GetRequiredService<PeerFigures>());
        // Short: the joint view would rather say "unreachable" soon than wait on a peer that does not answer.
        services.AddHttpClient(PeerFigures.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        services.AddRequestLocalization(o =>
        {
            var cultures = UiLanguage.All.Select(UiLanguage.Culture).ToList();
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.DefaultRequestCulture = new RequestCulture(UiLanguage.Culture(UiLanguage.English));
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = UiEndpoints.LanguageCookie },
                new LanguageOnlyAcceptLanguageProvider(),
            ];
        });
    }

    public static void UseUiStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRequestLocalization();
    }

    public static void MapUi(this WebApplication app)
    {
        app.MapUiEndpoints();
        app.MapPeerFiguresApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}

/// <summary>Accept-Language "zh-TW" or "vi" maps to our zh-CN or vi-VN: the language decides, not the region.</summary>
internal sealed class LanguageOnlyAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(Microsoft.AspNetCore.Http.HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in header.OrderByDescending(h => h.Quality ?? 1))
        {
            var language = value.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (language is not null && UiLanguage.All.Contains(language))
            {
                var culture = UiLanguage.Culture(language).Name;
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
            }
        }
        return NullProviderCultureResult;
    }
}
