using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;

namespace FriendshipGate.Bench;

/// <summary>
/// The accounts of the ledger benchmark and the payments between them: payers are wallets (half VND, half CNY, funded through
/// the ledger from their scheme), merchants half VND and half CNY; a few hot merchants take most payments. Payments are made
/// with dynamic codes by strongly authenticated payers, and wallets hold plenty, so a refusal means the ledger misbehaved.
/// </summary>
internal sealed class LedgerWorld
{
    private static readonly PaymentsCaller Operator = new("bench", NodeRoles.Operator, null);

    private readonly PaymentLedger ledger;
    private readonly LedgerBenchmarkOptions options;
    private readonly string[] payers;
    private readonly string[] merchants;
    private long keys;

    private LedgerWorld(PaymentLedger ledger, LedgerBenchmarkOptions options, string[] payers, string[] merchants)
    {
        this.ledger = ledger;
        this.options = options;
        this.payers = payers;
        this.merchants = merchants;
    }

    /// <summary>One payment to make: same currency (one leg) or across (a quote, then two legs); posted at once or reserved then posted.</summary>
    public sealed record BenchPayment(string Payer, string Merchant, Currency PayerCurrency, Currency MerchantCurrency, long MerchantMinor, bool TwoPhase)
    {
        public int Legs => PayerCurrency == MerchantCurrency ? 1 : 2;
    }

    public static async Task<LedgerWorld> CreateAsync(PaymentLedger ledger, NodeDatabase database, LedgerBenchmarkOptions options, string fxProvider, CancellationToken cancellationToken)
    {
        await ledger.EnsureSystemAccountsAsync(fxProvider, cancellationToken);
        var payers = Enumerable.Range(0, options.Accounts).Select(i => $"payer-{i:D7}").ToArray();
        var merchants = Enumerable.Range(0, options.Merchants).Select(i => $"merchant-{i:D5}").ToArray();
        // Opening accounts is set-up, not the benchmark: one transaction for all of them.
        await database.WriteAsync(tx => tx.InsertRowsAsync("pay_accounts",
            ["id", "owner", "participant", "kind", "currency", "lower_limit", "debits_pending", "debits_posted", "credits_pending", "credits_posted", "day_paid", "day_static_qr", "created_ms"],
            payers.Select((id, i) => Row(id, AccountKind.Wallet, CurrencyOf(i)))
                .Concat(merchants.Select((id, i) => Row(id, AccountKind.Merchant, CurrencyOf(i)))).ToList(), cancellationToken: cancellationToken), cancellationToken);
        // Funding goes through the ledger, so the run starts from a balanced, zero-sum ledger.
        var fundings = payers.Select((id, i) => (id, CurrencyOf(i) == Currency.Vnd ? Money.OfMinor(Currency.Vnd, 200_000_000) : Money.OfMinor(Currency.Cny, 5_000_000)))
            .Append((SystemAccounts.FxOf(Currency.Vnd), Money.OfMinor(Currency.Vnd, 1_000_000_000_000)))
            .Append((SystemAccounts.FxOf(Currency.Cny), Money.OfMinor(Currency.Cny, 1_000_000_000_000)));
        var world = new LedgerWorld(ledger, options, payers, merchants);
        foreach (var chunk in fundings.Chunk(4_096))
        {
            var outcomes = await Task.WhenAll(chunk.Select(f => ledger.PayAsync(
                new PaymentRequest(PaymentKind.Funding, null, f.Item1, f.Item2, null, null, false, true, world.NewKey(), Operator), cancellationToken)));
            if (outcomes.FirstOrDefault(o => o.Refusal is not null) is { } refused) throw new InvalidOperationException($"funding refused: {refused.Refusal!.Text.En}");
        }
        return world;
    }

    private static Currency CurrencyOf(int index) => index % 2 == 0 ? Currency.Vnd : Currency.Cny;

    private static object?[] Row(string id, string kind, Currency currency) =>
        [id, id, id.Split('-')[0].ToUpperInvariant(), kind, currency.Code, 0L, 0L, 0L, 0L, 0L, 0L, 0L, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()];

    private string NewKey() => "bench-" + Interlocked.Increment(ref keys);

    public BenchPayment Next(Random random)
    {
        var payerIndex = random.Next(payers.Length);
        var cross = random.NextDouble() < options.CrossShare;
        var payerCurrency = CurrencyOf(payerIndex);
        var merchantCurrency = cross ? (payerCurrency == Currency.Vnd ? Currency.Cny : Currency.Vnd) : payerCurrency;
        // Hot merchants are the first few of each currency; the others share the rest of the payments evenly.
        var hot = random.NextDouble() < options.HotShare;
        var perCurrency = merchants.Length / 2;
        var hotPerCurrency = Math.Max(1, options.HotMerchants / 2);
        var slot = hot ? random.Next(hotPerCurrency) : hotPerCurrency + random.Next(Math.Max(1, perCurrency - hotPerCurrency));
        var merchantIndex = Math.Min(merchants.Length - 1, slot * 2 + (merchantCurrency == Currency.Vnd ? 0 : 1));
        var minor = merchantCurrency == Currency.Vnd ? random.Next(20, 500) * 1_000L : random.Next(500, 15_000);
        return new BenchPayment(payers[payerIndex], merchants[merchantIndex], payerCurrency, merchantCurrency, minor, random.NextDouble() < options.TwoPhaseShare);
    }

    /// <summary>Makes the payment as a client of the node's API would: quote if needed, pay, post if two-phase. False when refused.</summary>
    public async Task<bool> PayAsync(BenchPayment payment, CancellationToken cancellationToken)
    {
        var amount = Money.OfMinor(payment.MerchantCurrency, payment.MerchantMinor);
        string? quote = null;
        if (payment.Legs == 2)
        {
            var quoted = await ledger.QuoteAsync(payment.PayerCurrency, payment.MerchantCurrency, amount, Operator, cancellationToken);
            if (quoted.Quote is null) return false;
            quote = quoted.Quote.Id;
        }
        // Strongly authenticated dynamic-code payments: the limits are checked on every one but refuse none, however few payers.
        var outcome = await ledger.PayAsync(new PaymentRequest(PaymentKind.Payment, payment.Payer, payment.Merchant, amount, quote, QrKind.Dynamic,
            true, !payment.TwoPhase, NewKey(), Operator), cancellationToken);
        if (outcome.Payment is null) return false;
        if (!payment.TwoPhase) return true;
        return (await ledger.PostAsync(outcome.Payment.Id, Operator, cancellationToken)).Payment is not null;
    }
}
