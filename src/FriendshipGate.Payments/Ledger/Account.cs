namespace FriendshipGate.Payments.Ledger;

/// <summary>What an account is for; the kind decides who may move money out of it.</summary>
public static class AccountKind
{
    /// <summary>A payer's wallet (a tourist's, a trader's): pays merchants, never below its lower limit.</summary>
    public const string Wallet = "wallet";

    /// <summary>A merchant's receiving account (a market stall, the gate's fee account); it may also pay.</summary>
    public const string Merchant = "merchant";

    /// <summary>The FX provider's liquidity in one currency: each cross-currency payment passes through two of them.</summary>
    public const string FxLiquidity = "fx-liquidity";

    /// <summary>
    /// A scheme's settlement account: where money enters the ledger (funding a wallet) and what the cut-off settles against.
    /// It may go below zero: its negative balance is what the scheme holds for the accounts it funded.
    /// </summary>
    public const string Settlement = "settlement";

    public static readonly IReadOnlyList<string> All = [Wallet, Merchant, FxLiquidity, Settlement];

    /// <summary>Kinds a person or company may hold (opened through the API).</summary>
    public static readonly IReadOnlyList<string> Opened = [Wallet, Merchant];
}

/// <summary>
/// One account of the double-entry ledger, in one currency. Balances are credit-normal: money held for the holder is credits
/// minus debits. Pending amounts are reserved by two-phase transfers not yet posted or voided. Money can leave only while
/// credits posted − debits posted − debits pending stays at or above <see cref="LowerLimit"/> (null: no limit, for the schemes'
/// settlement accounts).
/// </summary>
/// <param name="LimitDay">The scheme's local day <paramref name="DayPaid"/> and <paramref name="DayStaticQr"/> count (the payer's
/// running totals for the daily limits: a wallet is one customer at one institution, which is how the schemes word their caps).</param>
public sealed record Account(
    string Id, string Owner, string Participant, string Kind, Currency Currency, long? LowerLimit,
    long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted, DateTimeOffset CreatedAt,
    string? LimitDay = null, long DayPaid = 0, long DayStaticQr = 0)
{
    /// <summary>Posted balance: credits posted − debits posted.</summary>
    public long Balance => checked(CreditsPosted - DebitsPosted);

    /// <summary>What may still be reserved or paid: the balance less what is reserved out of the account.</summary>
    public long Available => checked(Balance - DebitsPending);

    public string Scheme => Currency.Scheme;
}

/// <summary>The accounts every node's ledger has from its first start: each scheme's settlement account and the FX provider's liquidity.</summary>
public static class SystemAccounts
{
    public static string SettlementOf(Currency currency) => currency.Scheme + ":settlement";

    public static string FxOf(Currency currency) => "fx:" + currency.Code;

    public static IEnumerable<string> Ids => Currency.All.SelectMany(c => new[] { SettlementOf(c), FxOf(c) });

    public static IEnumerable<Account> Create(string fxProvider, DateTimeOffset at) => Currency.All.SelectMany(c => new[]
    {
        new Account(SettlementOf(c), c.Scheme.ToUpperInvariant(), c.Scheme.ToUpperInvariant(), AccountKind.Settlement, c, null, 0, 0, 0, 0, at),
        new Account(FxOf(c), fxProvider, fxProvider, AccountKind.FxLiquidity, c, 0, 0, 0, 0, 0, at),
    });
}
