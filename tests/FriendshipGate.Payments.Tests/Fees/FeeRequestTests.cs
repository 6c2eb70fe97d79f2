using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Tests.Fees;

/// <summary>The checks on a fee request the API and the operator's screen share: each bad field named with its rule, in three languages.</summary>
public sealed class FeeRequestTests
{
    /// <summary>Each row: kind, currency, amount, reference; the fields and rules refused ("" when the request holds).</summary>
    public static TheoryData<string?, string, string?, string?, string> Rows => new()
    {
        { "parking", "VND", "50000", "BK-1", "" },
        { "towing", "VND", "50000", "BK-1", "kind:fee-kind" },
        { null, "VND", "50000", "BK-1", "kind:required" },
        { "parking", "VND", "50000.5", "BK-1", "amount.value:amount" },
        { "parking", "VND", "-1", "BK-1", "amount.value:amount" },
        { "parking", "VND", null, "BK-1", "amount.value:required" },
        { "parking", "CNY", "50", "BK-1", "amount.currency:currency" },
        { "weighing", "VND", "50000", " ", "reference:required" },
        { "storage", "XYZ", "1", new string('B', 65), "reference:format amount.currency:currency" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ARequest_IsCheckedFieldByField(string? kind, string currency, string? amount, string? reference, string expected)
    {
        var value = amount is null ? (decimal?)null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var request = FeeRequests.Check(kind, new MoneyInput(currency, value), reference, new FeeOptions(), out var problems);
        Assert.Equal(expected, string.Join(" ", problems.Select(p => $"{p.Field}:{p.Rule}")));
        Assert.Equal(expected.Length == 0, request is not null);
        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p.Text.Vi) || string.IsNullOrEmpty(p.Text.Zh) || string.IsNullOrEmpty(p.Text.En)));
    }
}
