using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Web.Ui.Gate;

/// <summary>
/// Fees' QR codes as data URLs, each drawn once: live pages redraw every second, and a fee's code never changes.
/// One per component, at the size it shows codes.
/// </summary>
public sealed class FeeCodeImages(int pixelsPerModule)
{
    private readonly Dictionary<string, string> images = [];

    public string For(Fee fee)
    {
        if (!images.TryGetValue(fee.Id, out var image))
            images[fee.Id] = image = "data:image/png;base64," + Convert.ToBase64String(QrImage.Png(fee.Payload, pixelsPerModule));
        return image;
    }
}
