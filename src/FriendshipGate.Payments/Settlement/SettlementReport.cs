using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Payments.Settlement;

/// <summary>
/// One participant's position in one scheme for one settlement window: what its accounts paid out (debits) and received
/// (credits) in posted transfers. <see cref="Net"/> above zero: the scheme owes it; below zero: it owes the scheme.
/// </summary>
public sealed record SettlementPosition(string Scheme, string Currency, string Participant, long Debits, long Credits)
{
    public long Net => checked(Credits - Debits);
}

/// <summary>
/// A settlement at one cut-off: every transfer posted since the previous cut-off and not yet settled, netted per scheme and
/// participant, with the ledger check made at the same moment.
/// </summary>
public sealed record SettlementReport(
    string Id, DateTimeOffset CutoffAt, DateTimeOffset? PreviousCutoffAt, string CreatedBy, long Transfers,
    IReadOnlyList<SettlementPosition> Positions, LedgerCheck Check)
{
    /// <summary>Each scheme's net positions sum to zero: double entry, one currency per scheme.</summary>
    public bool NetsToZero => Positions.GroupBy(p => p.Scheme).All(g => g.Sum(p => p.Net) == 0);

    public bool Balanced => NetsToZero && Check.Balanced;

    public string Format(string currency, long minor) => Money.OfMinor(Ledger.Currency.Parse(currency), minor).Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A settlement on the wire (JSON).</summary>
public sealed record SettlementJson(
    string Id, DateTimeOffset CutoffAt, DateTimeOffset? PreviousCutoffAt, string CreatedBy, long Transfers, bool NetsToZero, bool Balanced,
    IReadOnlyList<PositionJson> Positions, LedgerCheck Check, string Csv, string Html)
{
    public static SettlementJson Of(SettlementReport r, string basePath) => new(
        r.Id, r.CutoffAt, r.PreviousCutoffAt, r.CreatedBy, r.Transfers, r.NetsToZero, r.Balanced,
        r.Positions.Select(p => new PositionJson(p.Scheme, p.Participant, MoneyJson.Of(Money.OfMinor(Currency.Parse(p.Currency), p.Debits)),
            MoneyJson.Of(Money.OfMinor(Currency.Parse(p.Currency), p.Credits)), MoneyJson.Of(Money.OfMinor(Currency.Parse(p.Currency), p.Net)))).ToList(),
        r.Check, $"{basePath}/{r.Id}.csv", $"{basePath}/{r.Id}.html");
}

public sealed record PositionJson(string Scheme, string Participant, MoneyJson Debits, MoneyJson Credits, MoneyJson Net);
