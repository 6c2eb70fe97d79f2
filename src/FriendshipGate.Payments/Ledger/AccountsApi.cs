using System.Text.RegularExpressions;
using FriendshipGate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Payments.Ledger;

/// <summary>Accounts under /api/v1/payments/accounts: the operator opens and funds them; a trader sees its company's own.</summary>
internal static partial class AccountsApi
{
    public sealed record AccountInput(string? Id, string? Owner, string? Participant, string? Kind, string? Currency, decimal? LowerLimit);

    public sealed record FundingInput(MoneyInput? Amount);

    public sealed record Balances(MoneyJson Debits, MoneyJson Credits);

    /// <summary>An account on the wire: balance (posted), available (balance less reserved debits), pending and posted sums.</summary>
    public sealed record AccountJson(
        string Id, string Owner, string Participant, string Kind, string Scheme, string Currency, MoneyJson? LowerLimit, MoneyJson Balance,
        MoneyJson Available, Balances Pending, Balances Posted, DateTimeOffset CreatedAt)
    {
        public static AccountJson Of(Account a)
        {
            MoneyJson M(long minor) => MoneyJson.Of(Money.OfMinor(a.Currency, minor));
            return new(a.Id, a.Owner, a.Participant, a.Kind, a.Scheme, a.Currency.Code, a.LowerLimit is { } limit ? M(limit) : null, M(a.Balance),
                M(a.Available), new Balances(M(a.DebitsPending), M(a.CreditsPending)), new Balances(M(a.DebitsPosted), M(a.CreditsPosted)), a.CreatedAt);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$")]
    private static partial Regex IdPattern();

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("accounts", OpenAsync).Accepts<AccountInput>("application/json")
            .WithSummary("Open a wallet or merchant account in VND or CNY (operator). lowerLimit (default 0) is how far below zero it may go; opening it again with the same details answers the same account.");
        group.MapGet("accounts", ListAsync).WithSummary("Accounts: a trader's company's own; the operator's all (or ?owner=).");
        group.MapGet("accounts/{id}", GetAsync).WithSummary("An account's balances (operator, or a trader of the company that holds it).");
        group.MapPost("accounts/{id}/funding", FundAsync).Accepts<FundingInput>("application/json")
            .WithSummary("Fund an account from its scheme's settlement account (operator), with an Idempotency-Key header.");
    }

    private static async Task<Results<Created<AccountJson>, ValidationProblem, ProblemHttpResult>> OpenAsync(HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        if (!PaymentsCaller.Of(request.HttpContext.User).IsOperator) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("open accounts"), request);
        var errors = new PaymentErrors();
        var input = await PaymentsHttp.ReadAsync<AccountInput>(request, errors, cancellationToken);
        if (input is null) return errors.ToProblem(request, PaymentsHttp.Invalid);
        if (input.Id is null) errors.Required("id");
        else if (!IdPattern().IsMatch(input.Id))
            errors.Add("id", "format", "must be 1 to 64 letters, digits and : . _ - (starting with a letter or digit).",
                "phải gồm 1 đến 64 chữ cái, chữ số và : . _ - (bắt đầu bằng chữ cái hoặc chữ số).", "必须为1至64个字母、数字及 : . _ -（以字母或数字开头）。");
        if (string.IsNullOrWhiteSpace(input.Owner)) errors.Required("owner");
        if (string.IsNullOrWhiteSpace(input.Participant)) errors.Required("participant");
        var kind = input.Kind ?? AccountKind.Wallet;
        if (!AccountKind.Opened.Contains(kind))
            errors.Add("kind", "account-kind", $"'{kind}' cannot be opened: use {string.Join(" or ", AccountKind.Opened)}.",
                $"không thể mở loại “{kind}”: dùng {string.Join(" hoặc ", AccountKind.Opened)}.", $"不能开立“{kind}”类账户：请使用 {string.Join(" 或 ", AccountKind.Opened)}。");
        var currency = PaymentsHttp.CurrencyOf(input.Currency, "currency", errors);
        long? lowerLimit = 0;
        if (input.LowerLimit is { } limit && currency is { } c)
        {
            var scaled = limit * c.MinorPerMajor;
            if (scaled != decimal.Truncate(scaled) || scaled > 0 || scaled < -Money.MaxMinor)
                errors.Add("lowerLimit", "amount", $"must be zero or negative (an overdraft), with at most {c.MinorUnits} decimals.",
                    $"phải bằng 0 hoặc âm (thấu chi), tối đa {c.MinorUnits} chữ số thập phân.", $"必须为零或负数（透支额度），最多{c.MinorUnits}位小数。");
            else lowerLimit = (long)scaled;
        }
        if (errors.Any) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var (account, refusal) = await ledger.OpenAsync(new AccountSpec(input.Id!, input.Owner!.Trim(), input.Participant!.Trim(), kind, currency!.Value, lowerLimit), cancellationToken);
        if (refusal is not null) return PaymentsHttp.Refused(refusal, request);
        return TypedResults.Created($"/api/v1/payments/accounts/{account!.Id}", AccountJson.Of(account));
    }

    private static async Task<Results<Ok<List<AccountJson>>, ProblemHttpResult>> ListAsync(HttpRequest request, PaymentLedger ledger, string? owner, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator)
        {
            if (caller.Role != NodeRoles.Trader || caller.Company is null) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("list accounts (or a trader, its own)"), request);
            owner = caller.Company;
        }
        return TypedResults.Ok((await ledger.AccountsAsync(owner, 1_000, cancellationToken)).Select(AccountJson.Of).ToList());
    }

    private static async Task<Results<Ok<AccountJson>, ProblemHttpResult>> GetAsync(string id, HttpRequest request, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var account = await ledger.AccountAsync(id, cancellationToken);
        // Another company's account is answered as absent, so account ids cannot be probed.
        if (account is null || !PaymentsCaller.Of(request.HttpContext.User).Holds(account.Owner)) return PaymentsHttp.Refused(PaymentRefusal.NoAccount("id", id, 404), request);
        return TypedResults.Ok(AccountJson.Of(account));
    }

    private static async Task<Results<Created<PaymentJson>, ValidationProblem, ProblemHttpResult>> FundAsync(
        string id, HttpRequest request, HttpResponse response, PaymentLedger ledger, CancellationToken cancellationToken)
    {
        var caller = PaymentsCaller.Of(request.HttpContext.User);
        if (!caller.IsOperator) return PaymentsHttp.Refused(PaymentRefusal.OperatorOnly("fund an account"), request);
        var errors = new PaymentErrors();
        var key = PaymentsHttp.IdempotencyKeyOf(request, errors);
        var input = await PaymentsHttp.ReadAsync<FundingInput>(request, errors, cancellationToken);
        var amount = PaymentsHttp.MoneyOf(input?.Amount, "amount", errors);
        if (errors.Any) return errors.ToProblem(request, PaymentsHttp.Invalid);
        var outcome = await ledger.PayAsync(new PaymentRequest(PaymentKind.Funding, null, id, amount, null, null, false, true, key!, caller), cancellationToken);
        return LedgerApi.Created(outcome, request, response);
    }
}
