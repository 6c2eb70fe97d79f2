using FriendshipGate.Exchange;
using FriendshipGate.Payments.Ledger;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Fees;

/// <summary>What the gate operator asks for: a fee of a kind and amount for a reference (a booking).</summary>
public sealed record FeeRequest(string Kind, Money Amount, string Reference);

/// <summary>
/// Gate fees: the operator issues one for a reference, with its dynamic code; the debtor's trader pays it by the scanned code;
/// the operator may cancel an unpaid one. Issuing is one transaction of its own (nothing is paid yet); paying and cancelling go
/// through the ledger writer, so a fee's payment, its state and what the reference's owner records commit together, and two
/// payments of one fee are judged one after the other.
/// </summary>
public sealed class FeeDesk(NodeDatabase database, LedgerWriter writer, PaymentsOptions options, TimeProvider time, IFeeReferences? references = null)
{
    private FeeOptions Fees => options.Fees;

    public async Task<(Fee? Fee, PaymentRefusal? Refusal)> IssueAsync(FeeRequest request, PaymentsCaller caller, CancellationToken cancellationToken = default)
    {
        if (!caller.IsOperator) return (null, PaymentRefusal.OperatorOnly("issue a gate fee"));
        if (references is null) return (null, FeeRefusals.NoReferenceOwner());
        var now = WireJson.Truncate(time.GetUtcNow());
        var id = NewId(now);
        // Built before the transaction: encoding is pure, and a misconfigured merchant fails here with its settings named.
        var payload = FeeQr.Payload(id, request.Kind, request.Amount, request.Reference, Fees);
        return await database.WriteAsync(async tx =>
        {
            if (await references.ResolveAsync(tx, request.Reference, cancellationToken) is not { } debtor)
                return ((Fee?)null, FeeRefusals.NoReference(request.Reference));
            var fee = new Fee(id, request.Kind, request.Amount, Fees.PayeeAccount, request.Reference, debtor.Company, FeeState.Issued, payload, caller.Name,
                now, now + Fees.Validity, null, null, null, null, null);
            await LedgerWrites.InsertAsync(tx, "pay_fees", FeeRows.Columns.Split(", ").Select(Column).ToList(), [FeeRows.Values(fee)], cancellationToken);
            await references.OnChangedAsync(tx, [fee], cancellationToken);
            return (fee, (PaymentRefusal?)null);
        }, cancellationToken);
    }

    /// <summary>Pays the fee a scanned code names, from <paramref name="payer"/>; posted at once (a fee is not reserved).</summary>
    /// <param name="quoteId">An FX quote to the fee's amount when the payer's account is in the other currency (a CNY wallet
    /// paying a VND fee): the payer pays the quote's source amount, the gate receives exactly the fee.</param>
    public Task<LedgerOutcome> PayAsync(string payload, string payer, string idempotencyKey, PaymentsCaller caller, string? quoteId = null, CancellationToken cancellationToken = default)
    {
        var scan = FeeQr.Read(payload, Fees.Profile, out var refusal);
        if (scan is null) return Task.FromResult(LedgerOutcome.Refused(refusal!));
        var request = new PaymentRequest(PaymentKind.Payment, payer, Fees.PayeeAccount, scan.Amount, quoteId, QrKind.Dynamic, false, true, idempotencyKey, caller, scan.FeeId);
        return writer.SubmitAsync(new PayFee(request, scan), cancellationToken);
    }

    public Task<LedgerOutcome> CancelAsync(string id, PaymentsCaller caller, string? reason, CancellationToken cancellationToken = default) =>
        writer.SubmitAsync(new CancelFee(id, caller, reason), cancellationToken);

    /// <summary>A fee the caller may see: the operator any, a trader its company's (another's is answered as absent).</summary>
    public async Task<Fee?> GetAsync(string id, PaymentsCaller caller, CancellationToken cancellationToken = default)
    {
        var fee = (await ReadAsync("id", id, cancellationToken)).SingleOrDefault();
        return fee is not null && caller.Holds(fee.Debtor) ? fee : null;
    }

    /// <summary>The fees for a reference, oldest first; a trader sees only its company's.</summary>
    public async Task<List<Fee>> ForReferenceAsync(string reference, PaymentsCaller caller, CancellationToken cancellationToken = default) =>
        (await ReadAsync("reference", reference, cancellationToken)).Where(f => caller.Holds(f.Debtor)).ToList();

    /// <summary>A trader's company's fees, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<List<Fee>> ForDebtorAsync(string company, int limit, CancellationToken cancellationToken = default) =>
        (await ReadAsync("debtor", company, cancellationToken, $"ORDER BY issued_ms DESC LIMIT {limit}"));

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The fees whose <paramref name="column"/> is <paramref name="key"/>, in <paramref name="order"/>.</summary>
    private Task<List<Fee>> ReadAsync(string column, string key, CancellationToken cancellationToken, string order = "ORDER BY issued_ms") => database.ReadAsync(c =>
        LedgerRows.ReadInAsync(c, null, database.Kind, $"SELECT {FeeRows.Columns} FROM pay_fees WHERE {{in}} {order}", column, [key], FeeRows.Read, cancellationToken),
        cancellationToken);

    private static LedgerColumn Column(string name) =>
        name is "minor" or "issued_ms" or "expires_ms" or "paid_ms" or "cancelled_ms" ? LedgerColumn.Bigint(name) : LedgerColumn.Text(name);

    /// <summary>"FEE" and 22 hex digits of a UUIDv7: time-ordered, and 25 characters, what EMVCo's bill number (62.01) holds.</summary>
    internal static string NewId(DateTimeOffset now) => "FEE" + Guid.CreateVersion7(now).ToString("N")[..22].ToUpperInvariant();
}
