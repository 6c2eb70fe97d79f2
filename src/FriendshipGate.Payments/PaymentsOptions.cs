using FriendshipGate.Payments.Fees;
using FriendshipGate.Payments.Fx;

namespace FriendshipGate.Payments;

/// <summary>Settings of the Payments module on one node (node.json section "Payments").</summary>
public sealed record PaymentsOptions
{
    /// <summary>How long a reserved (two-phase) payment holds its funds before the node voids it.</summary>
    public TimeSpan PendingTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often reservations past their time are looked for (and once at start, before the API answers).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an FX quote stays firm.</summary>
    public TimeSpan QuoteValidity { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The FX provider's mid rate, VND per CNY (an example figure until a rate feed is connected).</summary>
    public FxRate MidRate { get; init; } = FxRate.FromVndPerCny(3650m);

    /// <summary>The FX provider's spread on each side of the mid rate, in basis points (50 = 0.5 %).</summary>
    public int SpreadBasisPoints { get; init; } = 50;

    /// <summary>The participant that holds the FX liquidity accounts (fx:VND, fx:CNY).</summary>
    public string FxProvider { get; init; } = "FX-PROVIDER";

    /// <summary>Most commands written in one transaction (group commit).</summary>
    public int MaxBatch { get; init; } = 2_048;

    /// <summary>Recompute every balance from the transfers at start and log any difference (slow on a very large ledger).</summary>
    public bool AuditOnStartup { get; init; } = true;

    /// <summary>Gate fees: currency, payee account and the scheme's merchant details for their dynamic codes.</summary>
    public FeeOptions Fees { get; init; } = new();
}
