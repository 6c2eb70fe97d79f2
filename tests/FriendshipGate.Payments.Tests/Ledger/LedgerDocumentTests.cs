using System.Reflection;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Payments.Limits;

namespace FriendshipGate.Payments.Tests.Ledger;

/// <summary>docs/payments/ledger.md and the code agree: every refusal the ledger can give is in the document's table of rules.</summary>
public sealed class LedgerDocumentTests
{
    private static readonly string Document = File.ReadAllText(Find("docs/payments/ledger.md"));

    /// <summary>Every rule code the refusal factories produce, found by calling each with placeholder arguments.</summary>
    private static IEnumerable<string> RefusalRules() => typeof(PaymentRefusal).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(PaymentRefusal))
        .Select(m => ((PaymentRefusal)m.Invoke(null, m.GetParameters().Select(Placeholder).ToArray())!).Rule);

    private static object? Placeholder(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => parameter.Name == "state" ? PaymentState.Posted : "x",
        var t when t == typeof(Currency) => Currency.Vnd,
        var t when t == typeof(Money) => Money.OfMinor(Currency.Vnd, 1),
        var t when t == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
        var t when t == typeof(long) => 0L,
        var t when t == typeof(int) => parameter.HasDefaultValue ? parameter.DefaultValue : 422,
        _ => throw new NotSupportedException(parameter.ParameterType.Name),
    };

    [Fact]
    public void EveryRefusalRule_IsInTheDocumentsTable()
    {
        var rules = RefusalRules().Concat(PayerLimits.Rules.Select(r => r.Code))
            .Concat(["amount-too-small", "payment-voided", "payment-expired"]).Distinct().ToList();
        Assert.True(rules.Count >= 20, string.Join(", ", rules));
        foreach (var rule in rules) Assert.Contains($"| `{rule}` |", Document);
    }

    [Fact]
    public void TheDocumentsWorkedExamples_Hold()
    {
        Assert.Contains("3,668.25 and 3,631.75", Document);
        Assert.Contains("charged 183,413", Document);
        Assert.Contains("charged CNY 55.07", Document);
        Assert.Equal(183_413, Payments.Fx.FxRate.FromVndPerCny(3650m).ForCustomer(Currency.Vnd, 50).SourceFor(Money.OfMinor(Currency.Cny, 5_000), Currency.Vnd).Minor);
        Assert.Equal(5_507, Payments.Fx.FxRate.FromVndPerCny(3650m).ForCustomer(Currency.Cny, 50).SourceFor(Money.OfMinor(Currency.Vnd, 200_000), Currency.Cny).Minor);
        Assert.Contains("CNY 3,000 bought with 11,004,750 đồng", Document);
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
