using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Fees;

/// <summary>What is wrong with one field of a request: the field (as the API names it), the rule code and a sentence in vi, zh and en.</summary>
public sealed record FieldProblem(string Field, string Rule, Trilingual Text);

/// <summary>
/// The checks on a fee the operator asks for, before the desk is asked: the kind, the amount in the node's currency, the
/// reference. The API (<c>POST fees</c>) and the operator's screen both use them, so both refuse the same input with the same
/// rule codes and sentences (docs/payments/gate-fees.md section 6).
/// </summary>
public static class FeeRequests
{
    /// <summary>The request when every field holds; otherwise null and <paramref name="problems"/> says why, field by field.</summary>
    public static FeeRequest? Check(string? kind, MoneyInput? amount, string? reference, FeeOptions options, out IReadOnlyList<FieldProblem> problems)
    {
        var errors = new PaymentErrors();
        var request = Check(kind, amount, reference, options, errors);
        problems = errors.Problems;
        return request;
    }

    internal static FeeRequest? Check(string? kind, MoneyInput? amount, string? reference, FeeOptions options, PaymentErrors errors)
    {
        if (kind is null) errors.Required("kind");
        else if (!FeeKind.All.Contains(kind))
            errors.Add("kind", "fee-kind", $"'{kind}' is not a gate fee: {string.Join(", ", FeeKind.All)}.",
                $"“{kind}” không phải loại phí của cổng: {string.Join(", ", FeeKind.All)}.", $"“{kind}”不是口岸费用类型：{string.Join("、", FeeKind.All)}。");
        if (string.IsNullOrWhiteSpace(reference)) errors.Required("reference");
        else if (reference.Length > 64)
            errors.Add("reference", "format", "must be at most 64 characters.", "tối đa 64 ký tự.", "最多64个字符。");
        var money = PaymentsHttp.MoneyOf(amount, "amount", errors);
        var currency = options.Currency;
        if (money is { } m && m.Currency != currency)
            errors.Add("amount.currency", "currency", $"gate fees on this node are in {currency}.", $"phí cổng trên nút này tính bằng {currency}.", $"本节点的口岸费用以{currency}计。");
        return errors.Any ? null : new FeeRequest(kind!, money!.Value, reference!.Trim());
    }
}
