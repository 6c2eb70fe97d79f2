using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Payments.Ledger;

/// <summary>Voids reservations whose time has run out, every <see cref="PaymentsOptions.SweepInterval"/>.</summary>
internal sealed class PendingSweeper(PaymentLedger ledger, PaymentsOptions options, TimeProvider time, ILogger<PendingSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var voided = await ledger.ExpireDueAsync(cancellationToken: stoppingToken);
                    if (voided > 0) logger.LogInformation("voided {Count} payment reservations whose time ran out", voided);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "voiding timed-out reservations failed; trying again in {Interval}", options.SweepInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}

/// <summary>
/// Recovery when a node starts, before its API answers: the system accounts exist, every reservation whose time ran out while
/// the node was down is voided, and the ledger is checked (balances sum to zero per currency and match their transfers).
/// Reserve, post and void each commit all legs and balances in one transaction, so a killed process leaves each payment
/// wholly before or wholly after a step: nothing else needs completing.
/// </summary>
public sealed class PaymentsStartup(PaymentLedger ledger, PaymentsOptions options, Storage.NodeDatabase database, ILogger<PaymentsStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await ledger.EnsureSystemAccountsAsync(options.FxProvider, cancellationToken);
        // The gate operator's merchant account, which gate fees are paid into.
        var fees = options.Fees;
        var (_, clash) = await ledger.OpenAsync(new AccountSpec(fees.PayeeAccount, fees.PayeeOwner, fees.PayeeParticipant, AccountKind.Merchant, fees.Currency, 0), cancellationToken);
        if (clash is not null) logger.LogWarning("gate fees are paid into {Account}, which exists with other details than Payments:Fees gives", fees.PayeeAccount);
        int voided, total = 0;
        do total += voided = await ledger.ExpireDueAsync(cancellationToken: cancellationToken);
        while (voided > 0);
        if (total > 0) logger.LogInformation("recovery voided {Count} payment reservations whose time ran out while the node was down", total);
        if (!options.AuditOnStartup) return;
        var check = await LedgerAudit.CheckAsync(database, cancellationToken);
        if (check.Balanced) logger.LogInformation("ledger check: balanced ({Currencies})", string.Join(", ", check.Currencies.Select(c => c.Currency)));
        else logger.LogCritical("ledger check FAILED: totals {Totals}; balances differing from their transfers: {Mismatched}; below their limit: {Below}",
            string.Join("; ", check.Currencies.Select(c => $"{c.Currency} sum {c.BalanceSum}, pending {c.PendingDebits}/{c.PendingCredits}")),
            string.Join(", ", check.Mismatched), string.Join(", ", check.BelowLimit));
    }
}
