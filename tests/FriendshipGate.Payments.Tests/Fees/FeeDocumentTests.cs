using System.Reflection;
using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Qr;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>docs/payments/gate-fees.md and the code agree: every refusal a fee can get is in the document's table, with its status.</summary>
public sealed class FeeDocumentTests
{
    private static readonly string Document = File.ReadAllText(Find("docs/payments/gate-fees.md"));

    private static readonly Fee Sample = new("FEE1", FeeKind.Parking, Money.OfMinor(Currency.Vnd, 50_000), "gate-fees:VND", "BK-1", "0101234567",
        FeeState.Paid, "payload", "operator", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "p1", "w1", null, null);

    private static readonly QrViolation Violation = QrDecoder.Decode("", QrProfile.VietQr).Errors[0];

    private static IEnumerable<PaymentRefusal> Refusals() => typeof(FeeDesk).Assembly.GetType("FriendshipGate.Payments.Fees.FeeRefusals")!
        .GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(PaymentRefusal))
        .Select(m => (PaymentRefusal)m.Invoke(null, m.GetParameters().Select(Placeholder).ToArray())!);

    private static object? Placeholder(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(Fee) => Sample,
        var t when t == typeof(string) => parameter.Name == "state" ? FeeState.Paid : "x",
        var t when t == typeof(Currency) => Currency.Cny,
        var t when t == typeof(Money) => Money.OfMinor(Currency.Vnd, 1),
        var t when t == typeof(int) => parameter.HasDefaultValue ? parameter.DefaultValue : 422,
        var t when t == typeof(QrViolation) => Violation,
        var t when t == typeof(IReadOnlyList<QrViolation>) => new[] { Violation },
        _ => throw new NotSupportedException(parameter.ParameterType.Name),
    };

    [Fact]
    public void EveryFeeRefusal_IsInTheDocumentsTable_WithItsStatus_AndInThreeLanguages()
    {
        var refusals = Refusals().ToList();
        Assert.True(refusals.Count >= 12, string.Join(", ", refusals.Select(r => r.Rule)));
        foreach (var refusal in refusals)
        {
            var row = Document.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{refusal.Rule}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{refusal.Rule} is not in the table");
            Assert.Contains(refusal.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), row);
            Assert.All(new[] { refusal.Text.En, refusal.Text.Vi, refusal.Text.Zh }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        }
        Assert.All(FeeKind.All, kind => Assert.Contains($"`{kind}`", Document));
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
