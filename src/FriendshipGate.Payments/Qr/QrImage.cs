using QRCoder;

namespace FriendshipGate.Payments.Qr;

/// <summary>Renders a payload as a PNG QR code (QRCoder), black on white with the standard quiet zone.</summary>
public static class QrImage
{
    public static byte[] Png(string payload, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        // Plain ASCII payloads use QRCoder's default mode; a Chinese or Vietnamese name in 64 needs its bytes as UTF-8.
        var utf8 = payload.Any(c => c > '~');
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: utf8);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
