using System.Text;

namespace FriendshipGate.Payments.Qr;

/// <summary>
/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR): the checksum EMVCo puts in
/// ID 63, computed over the UTF-8 bytes of everything before the checksum's own four characters.
/// </summary>
public static class Crc16
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        // Masks rather than casts: the build checks overflow, and the shifted-out bits are meant to fall away.
        var crc = 0xFFFF;
        foreach (var b in data) crc = ((crc << 8) & 0xFFFF) ^ Table[((crc >> 8) ^ b) & 0xFF];
        return (ushort)crc;
    }

    /// <summary>The checksum of <paramref name="text"/>'s UTF-8 bytes as four upper-case hex digits, as ID 63 carries it.</summary>
    public static string Hex(string text) => Compute(Encoding.UTF8.GetBytes(text)).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var value = i << 8;
            for (var bit = 0; bit < 8; bit++) value = ((value & 0x8000) != 0 ? (value << 1) ^ 0x1021 : value << 1) & 0xFFFF;
            table[i] = (ushort)value;
        }
        return table;
    }
}
