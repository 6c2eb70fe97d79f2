using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FriendshipGate.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Exchange;

/// <summary>
/// Sends queued messages to the peer in order, in batches, until each has a verified receipt. On start it
/// re-reads every unsettled row, so nothing a crash left behind is forgotten.
/// </summary>
public sealed partial class OutboxDispatcher(
    ExchangeOptions options,
    NodeDatabase database,
    SigningKeyRing ownKeys,
    KeyRegistry keys,
    EvidenceLog evidence,
    OutboxSignal signal,
    PeerContact contact,
    ExchangeMetrics metrics,
    HttpClient http,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Random jitter = new();
    private int failures;
    // The rows whose verified answer is being written are not read again meanwhile (exactly these: a row that
    // commits late with a lower seq, as PostgreSQL allows, is still picked up by the next batch).
    private (long First, long Last) settlingRange = (0, -1);
    private Task settling = Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.SetPending(await database.ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM exchange_outbox WHERE state IN ('queued', 'sent')"), stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendAllAsync(stoppingToken) is { Failure: { } failure })
                {
                    var delay = Backoff.Delay(failures, options.RetryBase, options.RetryMax, jitter);
                    LogSendFailed(options.Peer.Value, failures, delay.TotalMilliseconds, failure.Message);
                    await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
                else await signal.WaitAsync(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>What <see cref="SendAllAsync"/> did: the batches it sent, and the failure that stopped it, if one did.</summary>
    public readonly record struct SendOutcome(int Batches, Exception? Failure);

    /// <summary>
    /// Sends batch after batch until nothing unsettled is left. A failure (the peer unreachable or refusing, an answer that
    /// does not verify) stops it: the failure is recorded as the last contact error, and the next call starts again from
    /// the oldest unsettled row. The background loop and the digital twin's nodes both send this way.
    /// </summary>
    public async Task<SendOutcome> SendAllAsync(CancellationToken cancellationToken)
    {
        var batches = 0;
        try
        {
            while (await SendNextBatchAsync(cancellationToken))
            {
                batches++;
                failures = 0;
            }
            return new SendOutcome(batches, null);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Start again from the oldest unsettled row: nothing skipped while settling is left behind.
            await settling.ContinueWith(_ => { }, TaskScheduler.Default);
            settlingRange = (0, -1);
            failures++;
            await contact.RecordErrorAsync(e.Message, cancellationToken);
            return new SendOutcome(batches, e);
        }
    }

    /// <summary>Sends the oldest unsettled messages; returns false when there were none.</summary>
    public async Task<bool> SendNextBatchAsync(CancellationToken cancellationToken)
    {
        if (settling.IsFaulted) await settling; // a failed settlement write: fail, forget the range, re-send
        var rows = (await database.ReadAsync(c => c.QueryAsync<PendingRow>(
            "SELECT o.seq, o.message_id, e.content AS jws, o.hash, o.created_ms FROM exchange_outbox o " +
            "LEFT JOIN exchange_evidence e ON e.seq = o.evidence_seq WHERE o.state IN ('queued', 'sent') " +
            "AND NOT (o.seq >= @first AND o.seq <= @last) ORDER BY o.seq LIMIT @limit",
            new { first = settlingRange.First, last = settlingRange.Last, limit = options.BatchSize }), cancellationToken)).ToList();
        if (rows.Count == 0)
        {
            await settling;
            return false;
        }
        // Never skipped quietly: a row whose signed message cannot be found stops the queue, loudly, until it is mended.
        if (rows.FirstOrDefault(r => r.jws is null) is { } lost) // null from the LEFT JOIN, whatever the record says
            throw new InvalidDataException($"outbox row {lost.seq} (message {lost.message_id}) has no message-sent evidence entry to send.");

        var now = WireJson.Truncate(time.GetUtcNow());
        // Marking the rows "sent" runs while the request is on its way, off the critical path.
        var marking = database.WriteAsync(tx => tx.Connection.ExecuteAsync(
            "UPDATE exchange_outbox SET state = CASE WHEN state = 'queued' THEN 'sent' ELSE state END, " +
            "sent_ms = COALESCE(sent_ms, @now), attempts = attempts + 1 WHERE seq >= @first AND seq <= @last AND state IN ('queued', 'sent')",
            new { now = now.ToUnixTimeMilliseconds(), first = rows[0].seq, last = rows[^1].seq }, tx.Transaction), cancellationToken);
        try
        {
            var answer = await TransmitAsync(rows, now, cancellationToken);
            var settlement = Verify(rows, answer);
            // Settlements are written one at a time, in order, while the next transmission goes out.
            await settling;
            settlingRange = (rows[0].seq, rows[^1].seq);
            settling = WriteSettlementAsync(settlement, cancellationToken);
            return true;
        }
        finally
        {
            await marking;
        }
    }

    private async Task<TransmissionResponse> TransmitAsync(List<PendingRow> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var header = new TransmissionBody(MessageId.New(time).ToString(), options.Self, options.Peer, now, rows.Select(r => r.hash).ToList());
        // Signed with the key of the batch's first message: the peer knows it, even mid-rotation.
        var signer = ownKeys.Find(Jws.Parse(rows[0].jws).KeyId) ?? ownKeys.Established;
        var transmission = Jws.Sign(Jws.TransmissionType, JsonSerializer.SerializeToUtf8Bytes(header, WireJson.Options), signer);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.PeerUrl, "exchange/v1/transmissions"))
        {
            Content = JsonContent.Create(new TransmissionRequest(transmission, rows.Select(r => r.jws).ToList()), options: WireJson.Options),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"the peer answered {(int)response.StatusCode}: {problem}");
        }
        return await response.Content.ReadFromJsonAsync<TransmissionResponse>(WireJson.Options, timeout.Token)
            ?? throw new HttpRequestException("the peer answered an empty body.");
    }

    private sealed record Settlement(List<(long Seq, MessageReceipt Result)> Rows, Dictionary<string, List<MessageReceipt>> ByReceipt,
        Dictionary<string, (string Jws, ReceiptBody Body)> Receipts, DateTimeOffset At);

    /// <summary>Checks every receipt signature and every message's proof; throws if anything does not hold.</summary>
    private Settlement Verify(List<PendingRow> rows, TransmissionResponse answer)
    {
        if (answer.Results.Count != rows.Count)
            throw new InvalidDataException($"the peer answered {answer.Results.Count} results for {rows.Count} messages.");
        var receipts = new Dictionary<string, (string Jws, ReceiptBody Body)>();
        foreach (var receiptJws in answer.Receipts)
        {
            var parts = Jws.Parse(receiptJws);
            if (parts.Type != Jws.ReceiptType) throw new InvalidDataException($"a receipt has typ '{parts.Type}', expected '{Jws.ReceiptType}'.");
            var body = ReceiptBody.FromJws(parts);
            var key = keys.Lookup(parts.KeyId);
            // A re-sent message is answered with its original receipt, which may be signed by a key retired since.
            var onlyDuplicates = answer.Results.Where(r => r.ReceiptId == body.ReceiptId).All(r => r.Duplicate);
            if (key is null || key.Owner != KeyOwner.Peer || key.NodeId != options.Peer || (key.IsRetired && !onlyDuplicates) || !parts.Verify(key.Key))
                throw new InvalidDataException($"receipt {body.ReceiptId} is not signed by a current key of {options.Peer}.");
            if (body.Issuer != options.Peer || body.Recipient != options.Self)
                throw new InvalidDataException($"receipt {body.ReceiptId} is from {body.Issuer} to {body.Recipient}.");
            receipts[body.ReceiptId] = (receiptJws, body);
        }
        var now = time.GetUtcNow();
        var settled = new List<(long, MessageReceipt)>(rows.Count);
        var byReceipt = new Dictionary<string, List<MessageReceipt>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var result = answer.Results[i];
            var row = rows[i];
            if (result.MessageHash != row.hash || (result.MessageId.Length > 0 && result.MessageId != row.message_id))
                throw new InvalidDataException($"result {i} names {result.MessageId} but {row.message_id} was sent there.");
            settled.Add((row.seq, result));
            (byReceipt.TryGetValue(result.ReceiptId, out var list) ? list : byReceipt[result.ReceiptId] = []).Add(result);
            metrics.SendLag((now - DateTimeOffset.FromUnixTimeMilliseconds(row.created_ms)).TotalMilliseconds);
        }
        // Each receipt's signature was verified once above; its messages need only their Merkle proofs checked, all at
        // once by rebuilding the tree when the answer holds every leaf of the receipt.
        foreach (var (receiptId, proofs) in byReceipt)
        {
            if (!receipts.TryGetValue(receiptId, out var receipt) || !new ReceiptEvidence(receipt.Jws, proofs).ProvesAgainst(receipt.Body))
                throw new InvalidDataException($"the receipt proofs of {proofs.Count} message(s), {proofs[0].MessageId} first, do not verify against receipt {receiptId}.");
        }
        return new Settlement(settled, byReceipt, receipts, now);
    }

    private async Task WriteSettlementAsync(Settlement settlement, CancellationToken cancellationToken)
    {
        var (rows, byReceipt, receipts, now) = settlement;
        await database.WriteAsync(async tx =>
        {
            // The receipt's evidence entry holds each message's proof, so the row only points to it.
            var receiptIds = byReceipt.Keys.ToList();
            var firstEntry = await evidence.AppendAsync(tx, receiptIds.Select(id => new EvidenceItem(EvidenceKind.ReceiptReceived,
                ReceiptEvidence.Content(receipts[id].Jws, byReceipt[id], receipts[id].Body.TreeSize), Counterpart: options.Peer.Value)).ToList(), cancellationToken);
            var entryOf = receiptIds.Select((id, i) => (id, firstEntry + i)).ToDictionary();
            // Only rows still unsettled are settled (and counted): a row settled meanwhile, e.g. by another process
            // sharing a PostgreSQL database, keeps its first settlement.
            foreach (var state in new[] { DeliveryState.Acknowledged, DeliveryState.Rejected })
            {
                var updates = rows.Where(r => (r.Result.Outcome == Outcome.Accepted) == (state == DeliveryState.Acknowledged)).Select(r => new object?[]
                {
                    r.Seq, state, now.ToUnixTimeMilliseconds(), r.Result.Reason, r.Result.ReceiptId, (long)r.Result.LeafIndex, entryOf[r.Result.ReceiptId],
                }).ToList();
                var settled = await tx.UpdateRowsAsync("exchange_outbox", "seq", ["state", "acked_ms", "reason", "receipt_id", "leaf_index", "proof_seq"],
                    ["bigint", "text", "bigint", "text", "text", "bigint", "bigint"], updates, cancellationToken, onlyWhere: "state IN ('queued', 'sent')");
                await ExchangeCounters.AddAsync(tx, state, settled);
            }
            await tx.InsertRowsAsync("exchange_receipts", ["receipt_id", "direction", "jws", "issued_ms"],
                receiptIds.Select(id => new object?[] { id, "received", receipts[id].Jws, now.ToUnixTimeMilliseconds() }).ToList(),
                "ON CONFLICT (receipt_id) DO NOTHING", cancellationToken);
            await contact.RecordSuccessAsync(tx, now, cancellationToken);
        }, cancellationToken);
        var acknowledged = rows.Count(r => r.Result.Outcome == Outcome.Accepted);
        metrics.Settled(DeliveryState.Acknowledged, acknowledged);
        metrics.Settled(DeliveryState.Rejected, rows.Count - acknowledged);
    }

    private sealed record PendingRow(long seq, string message_id, string jws, string hash, long created_ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to {Peer} failed ({Failures} in a row); retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogSendFailed(string peer, int failures, double delayMs, string error);
}
