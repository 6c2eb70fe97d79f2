using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Fx;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// The ledger's rules applied to one batch of commands, in memory, in order: what the batch read (accounts with their day
/// totals, payments, quotes) goes in; what it changed comes out for <see cref="LedgerStore"/> to write in the same
/// transaction. Plain C#: no I/O and one clock reading per batch, so the rules can be tested without a database.
/// </summary>
internal sealed partial class LedgerBatch(DateTimeOffset now, PaymentsOptions options)
{
    public DateTimeOffset Now { get; } = now;

    public Dictionary<string, AccountState> Accounts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Payment> Payments { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Payment> ByIdempotency { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FxQuote> Quotes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> UsedQuotes { get; } = new(StringComparer.Ordinal);

    /// <summary>Payments created in this batch, in order (their final state is in <see cref="Payments"/>).</summary>
    public List<string> Created { get; } = [];

    private readonly HashSet<string> createdIds = new(StringComparer.Ordinal);

    /// <summary>Stored payments this batch posted, voided or expired.</summary>
    public HashSet<string> Resolved { get; } = new(StringComparer.Ordinal);

    public List<FxQuote> NewQuotes { get; } = [];

    /// <summary>The fees this batch's commands name, as stored, then as the batch leaves them.</summary>
    public Dictionary<string, Fee> Fees { get; } = new(StringComparer.Ordinal);

    /// <summary>Fees this batch paid or cancelled, in order.</summary>
    public List<string> ChangedFees { get; } = [];

    public void Add(Account account) => Accounts[account.Id] = new AccountState(account);

    public void Add(Payment payment)
    {
        Payments[payment.Id] = payment;
        ByIdempotency[payment.Idempotency] = payment;
        if (payment.QuoteId is { } quote) UsedQuotes.Add(quote);
    }

    public LedgerOutcome Apply(LedgerCommand command) => command switch
    {
        SaveQuote save => Save(save.Quote),
        CreatePayment create => Create(create.Request),
        ResolvePayment resolve => Resolve(resolve),
        PayFee pay => Pay(pay),
        CancelFee cancel => Cancel(cancel),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown ledger command."),
    };

    private LedgerOutcome Save(FxQuote quote)
    {
        Quotes[quote.Id] = quote;
        NewQuotes.Add(quote);
        return new LedgerOutcome(null, null, Quote: quote);
    }

    /// <summary>The accounts of each leg, as this batch holds them.</summary>
    private (AccountState Debit, AccountState Credit) Sides(TransferLeg leg) => (Accounts[leg.DebitAccount], Accounts[leg.CreditAccount]);
}
