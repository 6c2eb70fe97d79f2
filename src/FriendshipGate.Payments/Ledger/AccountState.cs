using FriendshipGate.Payments.Limits;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// An account's balances while a batch is applied: read once at the start of the batch (locked on PostgreSQL), changed by
/// every transfer of the batch in order, written back once. A hot merchant account paid 500 times in a batch is written once.
/// </summary>
internal sealed class AccountState(Account account)
{
    public Account Account { get; } = account;
    public string Id => Account.Id;
    public string Owner => Account.Owner;
    public string Kind => Account.Kind;
    public Currency Currency => Account.Currency;

    public long DebitsPending { get; private set; } = account.DebitsPending;
    public long DebitsPosted { get; private set; } = account.DebitsPosted;
    public long CreditsPending { get; private set; } = account.CreditsPending;
    public long CreditsPosted { get; private set; } = account.CreditsPosted;
    public string? LimitDay { get; private set; } = account.LimitDay;
    public long DayPaid { get; private set; } = account.DayPaid;
    public long DayStaticQr { get; private set; } = account.DayStaticQr;
    public bool Changed { get; private set; }

    /// <summary>What the holder has paid on <paramref name="day"/> (nothing yet when the stored totals are of an earlier day).</summary>
    public DayUsage Today(string day) => LimitDay == day ? new DayUsage(day, DayPaid, DayStaticQr) : new DayUsage(day, 0, 0);

    /// <summary>Counts a payment towards the holder's day (a negative amount gives a voided one back, if still the same day).</summary>
    public void Count(string day, long minor, bool staticQr)
    {
        if (LimitDay != day)
        {
            if (minor < 0) return;
            (LimitDay, DayPaid, DayStaticQr) = (day, 0, 0);
        }
        DayPaid = checked(DayPaid + minor);
        if (staticQr) DayStaticQr = checked(DayStaticQr + minor);
        Changed = true;
    }

    /// <summary>Credits posted − debits posted − debits pending: what may still leave the account.</summary>
    public long Available => checked(CreditsPosted - DebitsPosted - DebitsPending);

    /// <summary>Whether <paramref name="amount"/> may leave without the account going below its lower limit.</summary>
    public bool CanDebit(long amount) => Account.LowerLimit is not { } limit || checked(Available - amount) >= limit;

    public void Reserve(AccountState credit, long amount)
    {
        DebitsPending = checked(DebitsPending + amount);
        credit.CreditsPending = checked(credit.CreditsPending + amount);
        Changed = credit.Changed = true;
    }

    public void Post(AccountState credit, long amount, bool wasReserved)
    {
        if (wasReserved) Release(credit, amount);
        DebitsPosted = checked(DebitsPosted + amount);
        credit.CreditsPosted = checked(credit.CreditsPosted + amount);
        Changed = credit.Changed = true;
    }

    public void Release(AccountState credit, long amount)
    {
        DebitsPending = checked(DebitsPending - amount);
        credit.CreditsPending = checked(credit.CreditsPending - amount);
        if (DebitsPending < 0 || credit.CreditsPending < 0)
            throw new InvalidOperationException($"releasing {amount} from {Id} → {credit.Id} leaves a negative pending amount: the ledger is inconsistent.");
        Changed = credit.Changed = true;
    }

    public Account ToAccount() => Account with
    {
        DebitsPending = DebitsPending, DebitsPosted = DebitsPosted, CreditsPending = CreditsPending, CreditsPosted = CreditsPosted,
        LimitDay = LimitDay, DayPaid = DayPaid, DayStaticQr = DayStaticQr,
    };
}
