using System.Text.Json;
using Dapper;
using FriendshipGate.Storage;

namespace FriendshipGate.Exchange;

/// <summary>
/// Receives a transmission from the peer: verifies it, stores each new message once by id, hands it to its
/// module's handler in the same transaction, and answers one signed receipt for the batch with a proof per message.
/// </summary>
public sealed class InboxReceiver(
    ExchangeOptions options,
    NodeDatabase database,
    KeyRegistry keys,
    SigningKeyRing ownKeys,
    EvidenceLog evidence,
    IEnumerable<IMessageHandler> handlers,
    ExchangeMetrics metrics,
    TimeProvider time)
{
    private static readonly string[] InboxColumns =
        ["message_id", "sender", "type", "hash", "created_ms", "received_ms", "receipt_id", "leaf_index", "audit_path", "receipt_seq"];

    private readonly Dictionary<string, IMessageHandler> handlersByType = handlers.ToDictionary(h => h.MessageType);

    /// <exception cref="ExchangeRefusal">The transmission as a whole is refused (recorded in evidence).</exception>
    public async Task<TransmissionResponse> ReceiveAsync(TransmissionRequest request, CancellationToken cancellationToken = default)
    {
        TransmissionBody body;
        try
        {
            body = VerifyTransmission(request);
        }
        catch (ExchangeRefusal refusal)
        {
            await RecordTransmissionRefusalAsync(request.Transmission, refusal, cancellationToken);
            throw;
        }
        // Signature checks are the costly part: run them on all cores before the (serial) write transaction.
        var checkedMessages = new CheckedMessage[request.Messages.Count];
        Parallel.For(0, request.Messages.Count, i => checkedMessages[i] = Precheck(request.Messages[i], body.MessageHashes[i]));
        return await database.WriteAsync(tx => ApplyAsync(tx, body, checkedMessages, cancellationToken), cancellationToken);
    }

    private TransmissionBody VerifyTransmission(TransmissionRequest request)
    {
        var jws = Jws.Parse(request.Transmission ?? "", RefusalReason.MalformedTransmission);
        if (jws.Type != Jws.TransmissionType)
            throw new ExchangeRefusal(RefusalReason.MalformedTransmission, $"typ is '{jws.Type}', expected '{Jws.TransmissionType}'.");
        var body = TransmissionBody.FromJws(jws);
        if (body.Sender != options.Peer)
            throw new ExchangeRefusal(RefusalReason.UnknownSender, $"'{body.Sender}' is not a trusted peer of {options.Self}.");
        CheckSignature(jws, body.Sender, keys.Lookup(jws.KeyId));
        if (body.Receiver != options.Self)
            throw new ExchangeRefusal(RefusalReason.WrongReceiver, $"the transmission is addressed to {body.Receiver}, this node is {options.Self}.");
        var skew = time.GetUtcNow() - body.SentAt;
        if (skew.Duration() > options.ClockWindow)
            throw new ExchangeRefusal(RefusalReason.OutsideClockWindow,
                $"sentAt {body.SentAt:O} is {skew.TotalSeconds:0} s from this node's clock; the window is ±{options.ClockWindow.TotalSeconds:0} s.");
        if (body.MessageHashes.Count != request.Messages.Count)
            throw new ExchangeRefusal(RefusalReason.MalformedTransmission,
                $"the header lists {body.MessageHashes.Count} message hashes but {request.Messages.Count} messages came.");
        return body;
    }

    private static void CheckSignature(JwsParts jws, NodeId sender, KnownKey? key)
    {
        if (key is null || key.Owner != KeyOwner.Peer || key.NodeId != sender)
            throw new ExchangeRefusal(RefusalReason.UnknownKey, $"key {jws.KeyId} is not a registered key of {sender}.");
        if (key.IsRetired)
            throw new ExchangeRefusal(RefusalReason.RetiredKey, $"key {jws.KeyId} of {sender} was retired.");
        if (!jws.Verify(key.Key))
            throw new ExchangeRefusal(RefusalReason.BadSignature, $"the {jws.Algorithm} signature does not verify with key {jws.KeyId}.");
    }

    private sealed record CheckedMessage(string Raw, string Hash, JwsParts? Jws, Envelope? Envelope, KnownKey? VerifiedWith, ExchangeRefusal? Refusal);

    private CheckedMessage Precheck(string raw, string listedHash)
    {
        var ascii = System.Text.Encoding.ASCII.GetBytes(raw ?? "");
        var hash = Hashes.Sha256(ascii);
        JwsParts? jws = null;
        Envelope? envelope = null;
        try
        {
            if (hash != listedHash)
                throw new ExchangeRefusal(RefusalReason.NotInTransmission, $"the message's hash {hash} is not the one the signed header lists ({listedHash}).");
            jws = Jws.Parse(raw!).WithAscii(ascii);
            if (jws.Type != Jws.MessageType)
                throw new ExchangeRefusal(RefusalReason.MalformedEnvelope, $"typ is '{jws.Type}', expected '{Jws.MessageType}'.");
            envelope = Envelope.Parse(jws.Payload);
            var key = keys.Lookup(jws.KeyId);
            CheckSignature(jws, envelope.Sender, key);
            return new CheckedMessage(raw!, hash, jws, envelope, key, null);
        }
        catch (ExchangeRefusal refusal)
        {
            return new CheckedMessage(raw ?? "", hash, jws, envelope, null, refusal);
        }
    }

    private async Task<TransmissionResponse> ApplyAsync(NodeTransaction tx, TransmissionBody body, CheckedMessage[] messages, CancellationToken cancellationToken)
    {
        var now = WireJson.Truncate(time.GetUtcNow());
        var ids = messages.Where(m => m.Envelope is not null).Select(m => m.Envelope!.Id.ToString()).Distinct().ToList();
        var stored = (await tx.Connection.QueryAsync<StoredMessage>(
            "SELECT message_id, hash, receipt_id, leaf_index, audit_path, receipt_seq FROM exchange_inbox WHERE " + SqlLists.In(tx.Kind, "message_id", "@ids"),
            new { ids = SqlLists.Values(tx.Kind, ids) }, tx.Transaction)).ToDictionary(s => s.message_id);

        var results = new MessageReceipt?[messages.Length];
        var leaves = new List<(int Index, string Id, string Hash, string Outcome, string? Reason)>();
        var evidenceItems = new List<EvidenceItem>();
        var accepted = new List<(Envelope Envelope, string Hash, int Leaf)>();
        var run = new List<Envelope>();
        IMessageHandler? runHandler = null;
        var earlierReceipts = new Dictionary<long, IReadOnlyList<MessageReceipt>>();

        for (var i = 0; i < messages.Length; i++)
        {
            var message = messages[i];
            var id = message.Envelope?.Id.ToString() ?? "";
            try
            {
                var envelope = message.Envelope ?? throw message.Refusal!;
                if (!handlersByType.TryGetValue(envelope.Type, out var handler))
                    throw new ExchangeRefusal(RefusalReason.UnknownMessageType, $"this node has no handler for '{envelope.Type}'.");
                if (runHandler is not null && runHandler != handler)
                {
                    // A key announcement must take effect before the next message's key is checked.
                    await runHandler.ApplyAsync(tx, run, cancellationToken);
                    run = [];
                }
                runHandler = handler;
                var key = keys.Lookup(message.Jws!.KeyId, tx);
                if (message.Refusal is { Reason: RefusalReason.UnknownKey or RefusalReason.RetiredKey } || key != message.VerifiedWith)
                    CheckSignature(message.Jws, envelope.Sender, key);
                else if (message.Refusal is not null)
                    throw message.Refusal;
                CheckEnvelope(envelope, body, now);
                if (stored.TryGetValue(id, out var previous))
                {
                    if (previous.leaf_index < 0)
                        throw new ExchangeRefusal(RefusalReason.Duplicate, $"message {id} appears twice in this transmission.");
                    if (previous.hash != message.Hash)
                        throw new ExchangeRefusal(RefusalReason.MessageIdConflict, $"message {id} was already received with another content (hash {previous.hash}).");
                    results[i] = new MessageReceipt(id, message.Hash, Outcome.Accepted, null, previous.receipt_id, (int)previous.leaf_index,
                        await OriginalPathAsync(tx, previous, earlierReceipts), Duplicate: true);
                    evidenceItems.Add(new EvidenceItem(EvidenceKind.MessageRefused, message.Raw, id, body.Sender.Value,
                        RefusalReason.Duplicate.Code(), $"already received; the original receipt {previous.receipt_id} was returned."));
                    metrics.Refused(RefusalReason.Duplicate);
                    continue;
                }
                if (envelope.SchemaVersion < 1 || envelope.SchemaVersion > handler.SchemaVersion)
                    throw new ExchangeRefusal(RefusalReason.UnsupportedSchemaVersion, $"{envelope.Type} version {envelope.SchemaVersion} is not supported (highest: {handler.SchemaVersion}).");
                handler.Validate(envelope);
                run.Add(envelope);
                if (handler.AppliesImmediately)
                {
                    await handler.ApplyAsync(tx, run, cancellationToken);
                    run = [];
                }
                stored[id] = new StoredMessage(id, message.Hash, "", -1, null, null); // a second copy in this batch is a duplicate
                accepted.Add((envelope, message.Hash, leaves.Count));
                leaves.Add((i, id, message.Hash, Outcome.Accepted, null));
                // An accepted message is a valid JWS, so ASCII: its hash is the hash of its content.
                evidenceItems.Add(new EvidenceItem(EvidenceKind.MessageReceived, message.Raw, id, body.Sender.Value) { ContentHash = message.Hash });
            }
            catch (ExchangeRefusal refusal)
            {
                leaves.Add((i, id, message.Hash, Outcome.Rejected, refusal.Reason.Code()));
                evidenceItems.Add(new EvidenceItem(EvidenceKind.MessageRefused, message.Raw, id, body.Sender.Value, refusal.Reason.Code(), refusal.Detail));
                metrics.Refused(refusal.Reason);
            }
        }
        if (runHandler is not null && run.Count > 0) await runHandler.ApplyAsync(tx, run, cancellationToken);

        var receipts = new List<string>();
        foreach (var r in results.Where(r => r is { Duplicate: true }).Select(r => r!.ReceiptId).Distinct())
            receipts.Add(await tx.Connection.QuerySingleAsync<string>("SELECT jws FROM exchange_receipts WHERE receipt_id = @r", new { r }, tx.Transaction));

        var receiptId = "";
        if (leaves.Count > 0)
        {
            (receiptId, var receiptJws) = SignReceipt(body, leaves.Select(l => MessageReceipt.LeafText(l.Id, l.Hash, l.Outcome, l.Reason)).ToList(), now);
            receipts.Add(receiptJws);
            // The answer holds every leaf of the new receipt, which prove themselves by the root: no audit paths (6.3).
            var proofs = new List<MessageReceipt>(leaves.Count);
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                var l = leaves[leaf];
                results[l.Index] = new MessageReceipt(l.Id, l.Hash, l.Outcome, l.Reason, receiptId, leaf, []);
                proofs.Add(results[l.Index]!);
            }
            await tx.Connection.ExecuteAsync("INSERT INTO exchange_receipts (receipt_id, direction, jws, issued_ms) VALUES (@receiptId, 'issued', @receiptJws, @ms)",
                new { receiptId, receiptJws, ms = now.ToUnixTimeMilliseconds() }, tx.Transaction);
            evidenceItems.Add(new EvidenceItem(EvidenceKind.ReceiptIssued, ReceiptEvidence.Content(receiptJws, proofs, leaves.Count), Counterpart: body.Sender.Value));
        }
        var firstEntry = await evidence.AppendAsync(tx, evidenceItems, cancellationToken);
        if (leaves.Count > 0)
        {
            // The receipt's entry (the last) holds every leaf, which rebuild a message's audit path when it comes again.
            var receiptEntry = firstEntry + evidenceItems.Count - 1;
            await tx.InsertRowsAsync("exchange_inbox", InboxColumns, accepted.Select(a => new object?[]
            {
                a.Envelope.Id.ToString(), a.Envelope.Sender.Value, a.Envelope.Type, a.Hash, a.Envelope.CreatedAt.ToUnixTimeMilliseconds(),
                now.ToUnixTimeMilliseconds(), receiptId, a.Leaf, "", receiptEntry,
            }).ToList(), cancellationToken: cancellationToken);
            await ExchangeCounters.AddAsync(tx, ExchangeCounters.Received, accepted.Count);
        }
        var acceptedCount = accepted.Count;
        tx.OnCommitted(() => metrics.Received(acceptedCount));
        return new TransmissionResponse(receipts, results.Select(r => r!).ToList());
    }

    private void CheckEnvelope(Envelope envelope, TransmissionBody body, DateTimeOffset now)
    {
        if (envelope.Sender != body.Sender)
            throw new ExchangeRefusal(RefusalReason.SenderMismatch, $"the message is from {envelope.Sender} but the transmission from {body.Sender}.");
        if (envelope.Receiver != options.Self)
            throw new ExchangeRefusal(RefusalReason.WrongReceiver, $"the message is addressed to {envelope.Receiver}, this node is {options.Self}.");
        if (envelope.CreatedAt > now + options.ClockWindow)
            throw new ExchangeRefusal(RefusalReason.OutsideClockWindow,
                $"createdAt {envelope.CreatedAt:O} is {(envelope.CreatedAt - now).TotalSeconds:0} s ahead of this node's clock; the window is {options.ClockWindow.TotalSeconds:0} s.");
        if (envelope.CreatedAt < now - options.MaxMessageAge)
            throw new ExchangeRefusal(RefusalReason.TooOld,
                $"createdAt {envelope.CreatedAt:O} is older than the {options.MaxMessageAge.TotalDays:0}-day limit.");
    }

    private (string ReceiptId, string Jws) SignReceipt(TransmissionBody body, IReadOnlyList<string> leafTexts, DateTimeOffset now)
    {
        var root = MerkleTree.Root(leafTexts.Select(MerkleTree.LeafHash).ToList());
        var receiptId = MessageId.New(time).ToString();
        var receipt = new ReceiptBody(receiptId, options.Self, body.Sender, now, body.TransmissionId, leafTexts.Count,
            System.Buffers.Text.Base64Url.EncodeToString(root));
        return (receiptId, Jws.Sign(Jws.ReceiptType, JsonSerializer.SerializeToUtf8Bytes(receipt, WireJson.Options), ownKeys.Established));
    }

    private async Task RecordTransmissionRefusalAsync(string? raw, ExchangeRefusal refusal, CancellationToken cancellationToken)
    {
        metrics.Refused(refusal.Reason);
        // Keep what came (bounded), so an operator can see what was refused and why.
        var content = raw is null ? "" : raw.Length > 8_192 ? raw[..8_192] : raw;
        await database.WriteAsync(tx => evidence.AppendAsync(tx,
            new EvidenceItem(EvidenceKind.TransmissionRefused, content, Reason: refusal.Reason.Code(), Detail: refusal.Detail), cancellationToken), cancellationToken);
    }

    /// <summary>The audit path a message got when it first came: from its receipt's evidence entry, or as stored before exchange migration 3.</summary>
    private static async Task<IReadOnlyList<string>> OriginalPathAsync(NodeTransaction tx, StoredMessage stored, Dictionary<long, IReadOnlyList<MessageReceipt>> receipts)
    {
        if (stored.receipt_seq is not { } entry) return MessageReceipt.DecodePath(stored.audit_path);
        // A re-sent batch repeats many messages of one receipt: its tree is rebuilt once.
        if (!receipts.TryGetValue(entry, out var proofs))
            receipts[entry] = proofs = await ReceiptEvidence.ProofsOfEntryAsync(tx.Connection, entry, tx.Transaction);
        return ReceiptEvidence.PathOf(proofs, stored.message_id, stored.leaf_index);
    }

    private sealed record StoredMessage(string message_id, string hash, string receipt_id, long leaf_index, string? audit_path, long? receipt_seq);
}
