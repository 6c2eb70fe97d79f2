using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Tests.Qr;

/// <summary>
/// Payloads the tests read. Their checksums were computed outside this code (a separate CRC-16/CCITT-FALSE in Python), so a
/// wrong CRC here would disagree with them.
/// </summary>
internal static class Samples
{
    /// <summary>The worked example of the EMVCo merchant-presented specification (Chinese names in 64, templates 29, 31, 62, 91).</summary>
    public const string EmvcoSpecExample =
        "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678520441115802CN5914BEST TRANSPORT6007BEIJING"
        + "64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    /// <summary>
    /// A dynamic VietQR transfer of 150,000 VND to account 0011001234567 at BIN 970436, for a weighbridge fee: no merchant
    /// category, name or city, as real VietQR transfer codes are.
    /// </summary>
    public const string VietQrTransfer =
        "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA530370454061500005802VN62230819PHI CAN XE 29C1234563047EB4";

    /// <summary>A static VietQR code of the gate's own account with merchant details, and its name with diacritics in 64.</summary>
    public const string VietQrWithLocalName =
        "00020101021138570010A00000072701270006970436011300110012345670208QRIBFTTA5204478953037045802VN5917Cua khau Huu Nghi6008Lang Son"
        + "64390002vi0117Cửa khẩu Hữu Nghị0208Lạng Sơn6304B0DB";

    /// <summary>A made-up UnionPay merchant (tea house in Pingxiang) with its account in ID 15 and its Chinese name in 64.</summary>
    public const string UnionPayIn15 =
        "000201010211153125000156250001561581200001234565204581253031565802CN5919YOUYIGUAN TEA HOUSE6009PINGXIANG64210002zh0105友谊关茶馆0202凭祥6304793F";

    /// <summary>The same merchant with its account in template 26, identified by a UnionPay AID.</summary>
    public const string UnionPayIn26 =
        "00020101021126510016A00000033301010101082500015602151581200001234565204581253031565802CN5919YOUYIGUAN TEA HOUSE6009PINGXIANG63044BB9";

    /// <summary>A character outside the Basic Multilingual Plane (two UTF-16 units, four UTF-8 bytes) counts as one.</summary>
    public const string WithEmoji =
        "00020101021138570010A00000072701270006970436011300110012345670208QRIBFTTA53037045802VN64180002vi0108Xe tải 🚚6304020A";

    public static string Tlv(string id, string value) => id + QrText.Length(value).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + value;

    /// <summary>Data objects followed by a correct CRC, for payloads broken on purpose in one place only.</summary>
    public static string Payload(params string[] dataObjects)
    {
        var body = string.Concat(dataObjects) + "6304";
        return body + Crc16.Hex(body);
    }

    /// <summary>The content of a VietQR merchant account template 38.</summary>
    public static string VietQrAccount(string guid = "A000000727", string bin = "970436", string account = "0011001234567", string service = "QRIBFTTA") =>
        Tlv("00", guid) + Tlv("01", Tlv("00", bin) + Tlv("01", account)) + Tlv("02", service);

    /// <summary>
    /// A payload that keeps every rule of both the EMVCo core and VietQR, changed in one place: each pair replaces the data
    /// object with that ID (null removes it; an ID not there is added before the CRC).
    /// </summary>
    public static string Strict(params (string Id, string? Value)[] changes)
    {
        var objects = new List<(string Id, string? Value)>
        {
            ("00", "01"), ("01", "12"), ("38", VietQrAccount()), ("52", "4789"), ("53", "704"), ("54", "150000"), ("58", "VN"),
            ("59", "CUA KHAU HUU NGHI"), ("60", "LANG SON"), ("62", Tlv("01", "HD-0001") + Tlv("08", "PHI CAN XE")),
        };
        foreach (var (id, value) in changes)
        {
            var at = objects.FindIndex(o => o.Id == id);
            if (at >= 0) objects[at] = (id, value);
            else objects.Add((id, value));
        }
        return Payload(objects.Where(o => o.Value is not null).Select(o => Tlv(o.Id, o.Value!)).ToArray());
    }
}
