using System.Globalization;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Fees;

/// <summary>What a payer's scan of a fee's code says: which fee, how much, and the text scanned.</summary>
public sealed record ScannedFee(string FeeId, Money Amount, string Payload);

/// <summary>
/// A fee's dynamic merchant-presented code, built by <see cref="QrEncoder"/> under the node's profile (VietQR or UnionPay):
/// point of initiation 12, the amount in 54, the currency in 53, the fee id as bill number (62.01); and the reverse, reading a
/// scanned code back with <see cref="QrDecoder"/> under the same profile.
/// </summary>
public static class FeeQr
{
    /// <summary>The payload for a fee, or the encoder's complaints (a misconfigured merchant: the node's settings are wrong).</summary>
    /// <exception cref="InvalidOperationException">The configured merchant details do not make a valid code; the message names them.</exception>
    public static string Payload(string feeId, string kind, Money amount, string reference, FeeOptions options)
    {
        var encoding = QrEncoder.Encode(new QrEncodeRequest
        {
            Profile = options.Profile,
            BankBin = options.BankBin,
            Account = options.BankAccount,
            UnionPayAccount = string.IsNullOrEmpty(options.UnionPayAccount) ? null : options.UnionPayAccount,
            Amount = amount.Major,
            Currency = Numeric(amount.Currency),
            Country = options.Country,
            MerchantCategory = options.MerchantCategory,
            MerchantName = options.MerchantName,
            MerchantCity = options.MerchantCity,
            BillNumber = feeId,
            // 62.05 holds at most 25 printable ASCII characters; a longer or non-ASCII reference stays in the ledger only.
            Reference = reference.Length <= 25 && reference.All(c => c is >= ' ' and <= '~') ? reference : null,
            Purpose = ("GATE FEE " + kind).ToUpperInvariant(),
            LocalName = string.IsNullOrEmpty(options.LocalName) ? null : options.LocalName,
        });
        return encoding.Payload ?? throw new InvalidOperationException(
            "Payments:Fees does not make a valid fee code: " + string.Join("; ", encoding.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>Reads a scanned code: valid under the profile, dynamic, naming a fee, in a currency of the ledger, with an amount.</summary>
    public static ScannedFee? Read(string payload, QrProfile profile, out PaymentRefusal? refusal)
    {
        refusal = null;
        var decoding = QrDecoder.Decode(payload, profile);
        if (decoding.Errors.FirstOrDefault(e => e.Rule == QrRule.Crc) is { } crc) refusal = FeeRefusals.Crc(crc);
        else if (!decoding.Valid) refusal = FeeRefusals.Invalid(profile.Name, [.. decoding.Errors.Take(3)]);
        if (refusal is not null) return null;
        var tree = QrDecoder.Read(payload);
        if (tree.Find("01")?.Value != "12") refusal = FeeRefusals.NotFeeCode("it is a static code (01 is not 12)");
        else if (tree.Find("62.01")?.Value is not { } feeId) refusal = FeeRefusals.NotFeeCode("it carries no bill number (62.01)");
        else if (CurrencyOf(tree.Find("53")?.Value) is not { } currency) refusal = FeeRefusals.NotFeeCode($"its currency (53) '{tree.Find("53")?.Value}' is neither VND nor CNY");
        else if (tree.Find("54")?.Value is not { } text || Money.FromMajor(currency, decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), out _) is not { } amount)
            refusal = FeeRefusals.NotFeeCode("it carries no amount (54)");
        else return new ScannedFee(feeId, amount, payload);
        return null;
    }

    /// <summary>ISO 4217 numeric: 704 for VND, 156 for CNY.</summary>
    public static string Numeric(Currency currency) => currency == Currency.Vnd ? QrCurrencies.Vnd : QrCurrencies.Cny;

    private static Currency? CurrencyOf(string? numeric) => numeric switch
    {
        QrCurrencies.Vnd => Currency.Vnd,
        QrCurrencies.Cny => Currency.Cny,
        _ => null,
    };
}
