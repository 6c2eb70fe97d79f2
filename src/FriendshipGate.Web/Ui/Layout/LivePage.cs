using System.Globalization;
using FriendshipGate.Web.Ui.CommandCenter;
using Microsoft.AspNetCore.Components;

namespace FriendshipGate.Web.Ui.Layout;

/// <summary>
/// A page that reloads what it shows each time the command center's feed ticks (once a second while any live page is
/// open), so declarations, advance data and steps appear without a reload.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject] protected CommandCenterFeed Feed { get; set; } = default!;

    /// <summary>Reads what the page shows; called before the first render and on every tick of the feed.</summary>
    protected abstract Task LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the live (interactive) render subscribes; the prerendered page is a one-off picture.
        if (!firstRender || !RendererInfo.IsInteractive) return;
        // The feed ticks on its own thread, in its own culture: each reload runs in the page's, so that dates, numbers and
        // labels stay in the reader's language after the first tick.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        subscription = Feed.Subscribe(_ => InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            await LoadAsync();
            StateHasChanged();
        }));
    }

    public void Dispose()
    {
        subscription?.Dispose();
        Disposing();
    }

    /// <summary>Releases what a page holds besides its subscription to the feed.</summary>
    protected virtual void Disposing() { }
}
