namespace FriendshipGate.Payments.Qr;

/// <summary>
/// The UnionPay profile: the EMVCo core, plus a UnionPay merchant account, either in the IDs EMVCo reserves for UnionPay
/// (15, 16) or in a merchant account template (26–51) identified by a UnionPay AID (A000000333…).
/// </summary>
internal static class UnionPayRules
{
    public static void Check(QrPayload payload, List<QrViolation> errors)
    {
        EmvcoRules.CheckCorePresence(payload, QrProfile.UnionPay, errors);
        var reserved = payload.Fields.Where(f => f.Id is "15" or "16").ToList();
        foreach (var account in reserved.Where(a => a.Length > 0 && !a.Value.All(char.IsAsciiDigit)))
            errors.Add(QrMessages.UnionPayDigits.At(account.Tag, account.Tag, account.Value));
        var templates = payload.Fields.Where(f => f.Fields is not null && EmvcoRules.IsMerchantAccount(f.Id)
            && f.Child("00")?.Value.StartsWith(QrTagCatalog.UnionPayRid, StringComparison.OrdinalIgnoreCase) == true);
        if (reserved.Count == 0 && !templates.Any())
            errors.Add(QrMessages.UnionPayAccount.At("15", QrTagCatalog.UnionPayRid));
    }
}
